package org.cabintune.hu.audition;

import java.util.function.DoubleConsumer;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;

/**
 * An A/B of the master playing: its two sides, the side playing, and the loudness match that
 * trims the louder side ({@link LoudnessMatch}). The match is measured off the audition's
 * lock, on the matcher's thread ({@link #measure}); until the first one is done
 * ({@link #unmatched}) no side of the A/B plays. Not thread-safe: the {@link Audition} calls it
 * under its lock, apart from {@link #measure}, and decides when a result is stale.
 */
final class AuditionAb {

    private final Audition.AbSide a;
    private final Audition.AbSide b;
    private final boolean match;
    private Command.Choice active = Command.Choice.A;
    private Reply.Matching matching;
    private LoudnessMatch.Result result;

    /** An A/B playing side A, to be loudness-matched when {@code match}. */
    AuditionAb(Audition.AbSide a, Audition.AbSide b, boolean match) {
        this.a = a;
        this.b = b;
        this.match = match;
        this.matching = match ? Reply.Matching.MATCHING : Reply.Matching.OFF;
    }

    /** True when the sides are loudness-matched (and matched again after each change). */
    boolean matches() {
        return match;
    }

    /** True while a match is under way. */
    boolean matching() {
        return matching == Reply.Matching.MATCHING;
    }

    /** True while the first match is under way: what played before the A/B goes on meanwhile. */
    boolean unmatched() {
        return matching() && result == null;
    }

    /** The side playing. */
    Command.Choice active() {
        return active;
    }

    /** Plays {@code side} from now on. */
    void activate(Command.Choice side) {
        active = side;
    }

    /** The side {@code choice} names. */
    Audition.AbSide side(Command.Choice choice) {
        return choice == Command.Choice.A ? a : b;
    }

    /** The trim of side {@code choice}, dB: 0 until a match has found one. */
    double trimDb(Command.Choice choice) {
        return result == null ? 0 : choice == Command.Choice.A ? result.aTrimDb() : result.bTrimDb();
    }

    /** The sides are to be matched again (a new master or preview): until then they play as they were trimmed. */
    void rematch() {
        matching = Reply.Matching.MATCHING;
    }

    /**
     * Measures both sides of {@code m} through {@code chain} (on the matcher's thread): the
     * match's result, or a failed one naming why.
     *
     * @param progress told the fraction done now and then
     */
    LoudnessMatch.Result measure(AuditionChain chain, Master m, double gainDb, double volumeDb, int rate, int period,
                                 DoubleConsumer progress) {
        try {
            return LoudnessMatch.match(trim -> chain.side(a, m, gainDb, trim), trim -> chain.side(b, m, gainDb, trim),
                    (graph, told) -> ChainLoudness.measure(m, graph, rate, period, volumeDb, told).integratedLufs(),
                    progress);
        } catch (ProfileException | RuntimeException e) {
            return new LoudnessMatch.Result(Double.NaN, Double.NaN, 0, 0, "the match failed: " + e.getMessage());
        }
    }

    /** Takes a match's result: matched, or failed with its reason (both sides then play untrimmed). */
    void matched(LoudnessMatch.Result found) {
        result = found;
        matching = found.failure() == null ? Reply.Matching.MATCHED : Reply.Matching.FAILED;
    }

    /** The match's result could not be played: the sides stay untrimmed, the reason is told. */
    void failed(String why) {
        matching = Reply.Matching.FAILED;
        result = new LoudnessMatch.Result(result.aLufs(), result.bLufs(), 0, 0, why);
    }

    /** The A/B for the link's {@code audition} reply, {@code progress} of its match done. */
    Reply.AbState state(double progress) {
        LoudnessMatch.Result r = result;
        return new Reply.AbState(a.side(), b.side(), active, match, matching, matching() ? Math.min(1, progress) : 1,
                r == null ? null : Audition.level(r.aLufs()), r == null ? null : Audition.level(r.bLufs()),
                trimDb(Command.Choice.A), trimDb(Command.Choice.B), r == null ? null : r.failure());
    }
}
