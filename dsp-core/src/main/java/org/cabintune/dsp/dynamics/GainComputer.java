package org.cabintune.dsp.dynamics;

import java.util.Arrays;

/**
 * One band's gain in fixed point: the soft-knee static curve, the attack/release smoothing of
 * the gain reduction in the log domain, and makeup, turned into a Q5.27 gain per sample. The
 * math is {@link CompressorDesign}'s; this class rounds its numbers to integer formats:
 *
 * <ul>
 *   <li>levels, reductions, threshold, half knee, makeup: log domain, 2^-48 bit
 *       ({@link CompressorMath#LOG_FRAC});</li>
 *   <li>{@code slope = 1 - 1/R} and the smoothing steps: Q0.63 (all below 1);</li>
 *   <li>the knee coefficient {@code slope / 2W}: Q9.54 (at most 286, for the narrowest knee
 *       {@link CompressorDesign#MIN_KNEE_DB} and ratio 20).</li>
 * </ul>
 * Products are high halves of 128-bit multiplies ({@link Math#multiplyHigh}), floored. The
 * flooring makes a release reach exactly zero reduction (the last step of -2^-48 bit floors to
 * one whole unit), after which the gain is exactly the makeup gain. A rising reduction can stop
 * short of its target by less than {@code 1/step} units, 1e-9 dB for the slowest attack
 * (500 ms) at 96 kHz.
 *
 * <p>Smoothing state is kept per gain group: one group for all channels with stereo link, one
 * per channel without.
 */
final class GainComputer {

    /** Reductions beyond this many bits above threshold are clamped (keeps shifts in range). */
    private static final long MAX_OVER = 15 * CompressorMath.ONE_BIT;

    private final long threshold;
    private final long halfKnee;
    private final long slope;
    private final long kneeCoefficient;
    private final long attackStep;
    private final long releaseStep;
    private final long makeup;
    private final int makeupGain;
    /** Smoothed gain reduction per group, 2^-48 bit, >= 0. */
    private final long[] reduction;

    GainComputer(CompressorDesign design, int groups) {
        threshold = log(design.thresholdBits());
        halfKnee = log(design.kneeBits() / 2);
        slope = q63(design.slope());
        kneeCoefficient = design.kneeBits() == 0 ? 0
                : Math.round(design.slope() / (2 * design.kneeBits()) * 0x1p54);
        attackStep = q63(design.attackStep());
        releaseStep = q63(design.releaseStep());
        makeup = log(design.makeupBits());
        makeupGain = CompressorMath.exp2(makeup);
        reduction = new long[groups];
    }

    /**
     * Turns {@code levels[0..frames)} (log domain; anything at or below the knee start means
     * "no reduction") into Q5.27 gains, advancing group {@code group}'s smoothing.
     */
    void gains(long[] levels, int[] gains, int frames, int group) {
        long y = reduction[group];
        for (int n = 0; n < frames; n++) {
            long diff = staticReduction(levels[n]) - y;
            // |diff| < 2^52, so diff << 10 fits; multiplyHigh(d 2^10, s 2^63) = d s 2^9.
            y += Math.multiplyHigh(diff << 10, diff > 0 ? attackStep : releaseStep) >> 9;
            gains[n] = y == 0 ? makeupGain : CompressorMath.exp2(makeup - y);
        }
        reduction[group] = y;
    }

    /** The static curve in fixed point: reduction (2^-48 bit, >= 0) for a level. */
    long staticReduction(long level) {
        long over = level - threshold;
        if (over <= -halfKnee) {
            return 0;
        }
        if (over >= halfKnee) {
            // multiplyHigh(o 2^11, s 2^63) = o s 2^10.
            return Math.multiplyHigh(Math.min(over, MAX_OVER) << 11, slope) >> 10;
        }
        // into < W < 4 bit = 2^50 units; squared as Q58 (< 16 = 2^62), times Q54 gives 2^-48.
        long into = over + halfKnee;
        long squared = Math.multiplyHigh(into << 13, into << 13);
        return Math.multiplyHigh(squared, kneeCoefficient);
    }

    /** Current smoothed reduction of {@code group}, dB (positive = quieter). */
    double reductionDb(int group) {
        return (double) reduction[group] / CompressorMath.ONE_BIT * CompressorDesign.DB_PER_BIT;
    }

    void reset() {
        Arrays.fill(reduction, 0);
    }

    private static long log(double bits) {
        return Math.round(bits * CompressorMath.ONE_BIT);
    }

    private static long q63(double fraction) {
        return Math.round(fraction * 0x1p63);
    }
}
