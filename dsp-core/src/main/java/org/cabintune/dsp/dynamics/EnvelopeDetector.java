package org.cabintune.dsp.dynamics;

import java.util.Arrays;

/**
 * One band's level detector in fixed point: per sample, the level of a group of channels
 * (all of them with stereo link, one without) in the log domain ({@link CompressorMath}).
 *
 * <p><b>Peak:</b> the largest {@code |x|} of the group's channels at that sample. <b>RMS:</b>
 * per channel, the mean of {@code x^2} over the last {@code N} samples (a rectangular window),
 * kept as an exact 64-bit running sum of squares rounded to 2^-40 of full scale squared; the
 * group's level is its largest mean square. Band samples come out of {@code BiquadCascade},
 * which holds them to +-16.0 (2^28 units), so a square is at most 2^48 after the 8-bit shift
 * and the sum of at most 4800 of them (50 ms at 96 kHz) stays below 2^61: it never wraps, and
 * integer add and subtract never drift.
 *
 * <p>Levels at or below the bottom of the knee cannot cause any reduction; they are reported
 * as {@link #BELOW_KNEE} without taking a logarithm, which is both exact and the cheap path for
 * quiet bands. The comparison uses the knee start rounded down to the measure's units, so no
 * level that could be reduced is skipped.
 */
final class EnvelopeDetector {

    /** A level below any knee. */
    static final long BELOW_KNEE = -(1L << 60);
    /** Squares are shifted down by this much: 2^-48 units of full scale squared to 2^-40. */
    private static final int SQUARE_SHIFT = 8;

    private final boolean rms;
    /** Largest measure (|x| or sum of squares) that is certainly at or below the knee start. */
    private final long kneeStart;
    /** log2 of the measure's own scale, 2^-48 bit: 24 (Q8.24) or 40 + log2 N. */
    private final long offset;
    /** Rings of squares [channel][N] and their running sums; empty for peak detection. */
    private final long[][] squares;
    private final long[] sums;
    private final int[] positions;

    EnvelopeDetector(CompressorDesign design, MultibandParams params) {
        rms = params.detection() == MultibandParams.Detection.RMS;
        int window = rms ? params.rmsWindowSamples() : 0;
        double start = design.kneeStartBits();
        if (rms) {
            double fullScaleSum = (double) window * (1L << (2 * 24 - SQUARE_SHIFT));
            kneeStart = (long) Math.floor(fullScaleSum * StrictMath.pow(2.0, 2 * start));
            offset = Math.round((StrictMath.log(fullScaleSum) / StrictMath.log(2.0)) * CompressorMath.ONE_BIT);
        } else {
            kneeStart = (long) Math.floor((1 << 24) * StrictMath.pow(2.0, start));
            offset = 24L << CompressorMath.LOG_FRAC;
        }
        squares = new long[params.channels()][window];
        sums = new long[params.channels()];
        positions = new int[params.channels()];
    }

    /**
     * Levels of channels {@code [first, last)} of {@code band} for {@code frames} samples into
     * {@code levels}, in log-domain units (2^-48 bit, 0 = full scale) or {@link #BELOW_KNEE}.
     */
    void levels(int[][] band, int first, int last, long[] levels, int frames) {
        if (rms) {
            meanSquares(band, first, last, levels, frames);
        } else {
            peaks(band, first, last, levels, frames);
        }
        // RMS: level = log2(sum / (N 2^40)) / 2, the square root as a halving in the log domain.
        int root = rms ? 1 : 0;
        for (int n = 0; n < frames; n++) {
            long m = levels[n];
            levels[n] = m > kneeStart ? (CompressorMath.log2(m) - offset) >> root : BELOW_KNEE;
        }
    }

    private static void peaks(int[][] band, int first, int last, long[] levels, int frames) {
        int[] x = band[first];
        for (int n = 0; n < frames; n++) {
            levels[n] = Math.abs(x[n]);
        }
        for (int c = first + 1; c < last; c++) {
            x = band[c];
            for (int n = 0; n < frames; n++) {
                levels[n] = Math.max(levels[n], Math.abs(x[n]));
            }
        }
    }

    private void meanSquares(int[][] band, int first, int last, long[] levels, int frames) {
        for (int c = first; c < last; c++) {
            int[] x = band[c];
            long[] ring = squares[c];
            long sum = sums[c];
            int p = positions[c];
            for (int n = 0; n < frames; n++) {
                long v = x[n];
                long square = (v * v + (1L << (SQUARE_SHIFT - 1))) >> SQUARE_SHIFT;
                sum += square - ring[p];
                ring[p] = square;
                p = p + 1 == ring.length ? 0 : p + 1;
                levels[n] = c == first ? sum : Math.max(levels[n], sum);
            }
            sums[c] = sum;
            positions[c] = p;
        }
    }

    void reset() {
        for (long[] ring : squares) {
            Arrays.fill(ring, 0);
        }
        Arrays.fill(sums, 0);
        Arrays.fill(positions, 0);
    }
}
