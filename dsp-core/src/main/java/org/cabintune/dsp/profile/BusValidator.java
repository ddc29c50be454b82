package org.cabintune.dsp.profile;

import java.util.List;
import org.cabintune.dsp.profile.Bus.Band;
import org.cabintune.dsp.profile.Bus.Limiter;
import org.cabintune.dsp.profile.Bus.Multiband;
import org.cabintune.dsp.profile.Bus.Normalize;

/** Ranges of the {@link Bus} and its parts. */
final class BusValidator {

    static final double MIN_PREAMP_DB = -30.0;
    static final double MAX_PREAMP_DB = 24.0;
    static final double MIN_TARGET_LUFS = -40.0;
    static final double MAX_TARGET_LUFS = -5.0;
    static final int MAX_CROSSOVERS = 3;
    static final double MIN_CROSSOVER_HZ = 20.0;
    static final double MAX_CROSSOVER_HZ = 16000.0;
    /** Bands narrower than an octave overlap so much that the compressors fight each other. */
    static final double MIN_CROSSOVER_RATIO = 2.0;

    private BusValidator() {
    }

    static void check(Bus bus, String path, Problems problems) {
        problems.range(path + ".preampDb", bus.preampDb(), MIN_PREAMP_DB, MAX_PREAMP_DB);
        bus.normalize().ifPresent(n -> normalize(n, path + ".normalize", problems));
        bus.multiband().ifPresent(m -> multiband(m, path + ".multiband", problems));
        bus.limiter().ifPresent(l -> limiter(l, path + ".limiter", problems));
    }

    private static void normalize(Normalize normalize, String path, Problems problems) {
        problems.range(path + ".targetLufs", normalize.targetLufs(), MIN_TARGET_LUFS, MAX_TARGET_LUFS);
    }

    private static void multiband(Multiband multiband, String path, Problems problems) {
        List<Double> crossovers = multiband.crossoversHz();
        String crossoverPath = path + ".crossoversHz";
        problems.count(crossoverPath, crossovers.size(), 1, MAX_CROSSOVERS);
        for (int i = 0; i < crossovers.size(); i++) {
            String at = FieldPath.index(crossoverPath, i);
            double hz = crossovers.get(i);
            if (problems.range(at, hz, MIN_CROSSOVER_HZ, MAX_CROSSOVER_HZ) && i > 0) {
                double previous = crossovers.get(i - 1);
                if (hz < previous * MIN_CROSSOVER_RATIO) {
                    problems.value(at, hz, "is less than one octave above crossoversHz[" + (i - 1) + "] = "
                            + FieldPath.number(previous) + "; it must be at least "
                            + FieldPath.number(previous * MIN_CROSSOVER_RATIO) + " (crossovers ascend, an octave apart)");
                }
            }
        }
        List<Band> bands = multiband.bands();
        if (bands.size() != crossovers.size() + 1) {
            problems.at(path + ".bands", " has " + bands.size() + (bands.size() == 1 ? " entry" : " entries")
                    + "; " + crossovers.size() + " crossovers need " + (crossovers.size() + 1) + " bands");
        }
        for (int i = 0; i < bands.size(); i++) {
            band(bands.get(i), FieldPath.index(path + ".bands", i), problems);
        }
    }

    private static void band(Band band, String path, Problems problems) {
        problems.range(path + ".thresholdDb", band.thresholdDb(), -60.0, 0.0);
        problems.range(path + ".ratio", band.ratio(), 1.0, 20.0);
        problems.range(path + ".kneeDb", band.kneeDb(), 0.0, 24.0);
        problems.range(path + ".attackMs", band.attackMs(), 0.1, 500.0);
        problems.range(path + ".releaseMs", band.releaseMs(), 1.0, 5000.0);
        problems.range(path + ".makeupDb", band.makeupDb(), -12.0, 24.0);
    }

    private static void limiter(Limiter limiter, String path, Problems problems) {
        problems.range(path + ".ceilingDbtp", limiter.ceilingDbtp(), -20.0, 0.0);
        // Lookahead is latency: 0.5..5 ms is enough for a clean attack without audible delay.
        problems.range(path + ".lookaheadMs", limiter.lookaheadMs(), 0.5, 5.0);
        problems.range(path + ".releaseMs", limiter.releaseMs(), 1.0, 2000.0);
    }
}
