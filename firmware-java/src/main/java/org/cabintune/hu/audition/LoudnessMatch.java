package org.cabintune.hu.audition;

import java.util.function.DoubleConsumer;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.ProfileException;

/**
 * Matches the loudness of the two sides of an A/B on one master: each side's integrated
 * loudness through its own chain ({@link ChainLoudness}), then a trim on the louder side that
 * brings it down to the quieter one. Only down: a trim never lifts an output toward its
 * protection ceiling.
 *
 * <p>The trim is the plan's last gain, after the protection limiters and the loudness
 * compensation ({@code GraphPlan.trimDb}): the side plays as it is, its limiters acting as they
 * do untrimmed, only quieter. Loudness then follows the trim exactly (the gain is linear and the
 * gates are relative), so one measurement per side is all it takes.
 */
final class LoudnessMatch {

    /** A side's chain for the master, compiled with a trim after everything else, dB. */
    interface Side {
        ProcessingGraph compile(double trimDb) throws ProfileException;
    }

    /** Plays the master through a graph; its integrated loudness, LUFS. */
    interface Measure {
        double lufs(ProcessingGraph graph, DoubleConsumer progress);
    }

    /**
     * What the match found.
     *
     * @param aLufs   side A untrimmed, LUFS ({@code -inf} when silent)
     * @param bLufs   side B untrimmed
     * @param aTrimDb side A's trim, 0 or below
     * @param bTrimDb side B's trim
     * @param failure why the sides could not be matched (both then play untrimmed), or null
     */
    record Result(double aLufs, double bLufs, double aTrimDb, double bTrimDb, String failure) {
    }

    private LoudnessMatch() {
    }

    /**
     * Measures both sides and trims the louder.
     *
     * @param measure  plays the master through a graph and returns its integrated loudness
     * @param progress told the fraction done now and then
     */
    static Result match(Side a, Side b, Measure measure, DoubleConsumer progress) throws ProfileException {
        double aLufs = measure.lufs(a.compile(0), f -> progress.accept(f / 2));
        double bLufs = measure.lufs(b.compile(0), f -> progress.accept((1 + f) / 2));
        if (!Double.isFinite(aLufs) || !Double.isFinite(bLufs)) {
            return new Result(aLufs, bLufs, 0, 0, "side " + (Double.isFinite(aLufs) ? "b" : "a")
                    + " is silent through its chain: nothing to match");
        }
        double difference = aLufs - bLufs;
        return new Result(aLufs, bLufs, Math.min(0, -difference), Math.min(0, difference), null);
    }
}
