package org.cabintune.dsp.loudness;

import org.cabintune.dsp.gain.GainParams;
import org.cabintune.dsp.profile.Bus;

/**
 * The one fixed gain of static loudness normalisation ({@code bus.normalize} in mode
 * {@code static}, {@code integrated} or {@code album}), from the programme's measured loudness.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>The programme reaches normalisation through the preamp, so its loudness there is
 *       {@code integrated + preamp}; the wanted gain is {@code target - that}.</li>
 *   <li>A boost is capped at {@code maxBoostDb}; a cut is never capped.</li>
 *   <li>Without a limiter on the bus, the gain is also capped so that the measured true peak
 *       after it, {@code truePeak + preamp + gain}, stays at or below {@code ceilingDbtp}: a
 *       quiet, peaky programme then stays below the target rather than clip. With a limiter,
 *       peaks above its ceiling are its job, and the gain reaches the target (the limiter
 *       then lowers the loudness slightly, by what it takes off the peaks).</li>
 *   <li>The preamp and this gain are one multiply in the chain, held to the gain stage's
 *       +24 dB.</li>
 * </ol>
 * A programme with no measured loudness (digital silence) gets 0 dB.
 */
public final class StaticNormalization {

    /** What decided the gain. */
    public enum Limit {
        /** The gain reaches the target. */
        NONE,
        /** Capped by {@code maxBoostDb}. */
        MAX_BOOST,
        /** Capped by the true-peak ceiling (no limiter on the bus). */
        CEILING,
        /** Capped by the gain stage's +24 dB, preamp included. */
        GAIN_STAGE,
        /** Nothing was measured (silence): 0 dB. */
        SILENT
    }

    /**
     * The gain and why it is what it is.
     *
     * @param gainDb   the gain applied after the preamp, dB
     * @param wantedDb the gain that would reach the target exactly, dB ({@code NaN} when silent)
     * @param limit    what capped the gain, or {@link Limit#NONE}
     */
    public record Result(double gainDb, double wantedDb, Limit limit) {

        /** How far below the target the programme stays, LU (0 when the target is reached). */
        public double shortfallLu() {
            return limit == Limit.NONE || limit == Limit.SILENT ? 0.0 : wantedDb - gainDb;
        }
    }

    private StaticNormalization() {
    }

    /**
     * The gain for a programme.
     *
     * @param normalize      the profile's normalisation (its mode is not looked at)
     * @param preampDb       the bus preamp in front of it, dB
     * @param limiterFollows whether the bus has a limiter after it
     * @param programme      the programme's measured loudness and true peak, before the preamp
     */
    public static Result gain(Bus.Normalize normalize, double preampDb, boolean limiterFollows,
                              ProgrammeLoudness programme) {
        if (programme.integratedLufs() == Double.NEGATIVE_INFINITY) {
            return new Result(0.0, Double.NaN, Limit.SILENT);
        }
        double wanted = normalize.targetLufs() - (programme.integratedLufs() + preampDb);
        double gain = wanted;
        Limit limit = Limit.NONE;
        if (gain > normalize.maxBoostDb()) {
            gain = normalize.maxBoostDb();
            limit = Limit.MAX_BOOST;
        }
        double peakRoom = normalize.ceilingDbtp() - (programme.truePeakDbtp() + preampDb);
        if (!limiterFollows && gain > peakRoom) {
            gain = peakRoom;
            limit = Limit.CEILING;
        }
        if (preampDb + gain > GainParams.MAX_DB) {
            gain = GainParams.MAX_DB - preampDb;
            limit = Limit.GAIN_STAGE;
        }
        return new Result(gain, wanted, limit);
    }
}
