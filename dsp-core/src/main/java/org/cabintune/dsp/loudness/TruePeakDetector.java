package org.cabintune.dsp.loudness;

import java.util.Arrays;

/**
 * The streaming true-peak detector of {@link LoudnessMeter}: the two {@link TruePeakFilter}
 * stages run over blocks of Q8.24 input, keeping the largest interpolated magnitude per
 * channel. The sample peak (the input's own points of the grid) is tracked by the meter.
 *
 * <p><b>Why float and why this loop order.</b> The interpolator is the meter's largest cost,
 * and a peak needs 0.01 dB, not 144 dB, so it runs in float (24-bit mantissa: error about
 * 1e-6 dB). Each phase is computed for the whole block one tap at a time
 * ({@code out[i] += c[k] * in[i + k]}): a multiply-add over contiguous arrays that the JIT turns
 * into SIMD instructions (8 floats at a time with AVX2, 4 with NEON), where the textbook
 * per-sample dot product would be a serial chain of dependent additions.
 *
 * <p><b>Latency.</b> A point between samples n and n+1 needs 15 samples after n+1, so the last
 * 16 intervals of the input so far are interpolated when the following block arrives. Before
 * the first sample the input is taken as silence.
 *
 * <p>Allocation happens in the constructor only; {@link #process} allocates nothing.
 */
final class TruePeakDetector {

    /** The kernels below are written out for these tap counts. */
    private static final int HALF_TAPS = 32;
    private static final int FINE_TAPS = 8;
    private static final int HALF_HISTORY = HALF_TAPS - 1;
    private static final int FINE_HISTORY = FINE_TAPS - 1;
    /** The half-band point i lies after input sample i + 15 of the buffer. */
    private static final int HALF_CENTRE = HALF_TAPS / 2 - 1;
    private static final float Q824_TO_FLOAT = 0x1p-24f;

    private final float[] halfBand;
    /** [phase][tap] of the second stage. */
    private final float[][] fine;
    /** [channel][HALF_HISTORY + block]: the last input samples, then the current block. */
    private final float[][] input;
    /** [channel][FINE_HISTORY + 2 block]: the 2x signal, history first. */
    private final float[][] doubled;
    private final float[] mid;
    private final float[] acc;
    /** Largest interpolated magnitude per channel, full-scale units. */
    private final float[] peak;

    /**
     * @param block the most frames one {@link #process} call takes
     */
    TruePeakDetector(int sampleRate, int channels, int block) {
        if (TruePeakFilter.HALF_BAND_TAPS != HALF_TAPS || TruePeakFilter.FINE_TAPS != FINE_TAPS) {
            throw new IllegalStateException("the interpolation kernels are written for "
                    + HALF_TAPS + " and " + FINE_TAPS + " taps");
        }
        halfBand = toFloat(TruePeakFilter.halfBand());
        double[][] design = TruePeakFilter.fine(TruePeakFilter.oversampling(sampleRate));
        fine = new float[design.length][];
        for (int q = 0; q < design.length; q++) {
            fine[q] = toFloat(design[q]);
        }
        input = new float[channels][HALF_HISTORY + block];
        doubled = new float[channels][FINE_HISTORY + 2 * block];
        mid = new float[block];
        acc = new float[2 * block];
        peak = new float[channels];
    }

    private static float[] toFloat(double[] c) {
        float[] f = new float[c.length];
        for (int k = 0; k < c.length; k++) {
            f[k] = (float) c[k];
        }
        return f;
    }

    /** Takes {@code x[from .. from+frames)} of {@code channel}; {@code frames <= block}. */
    void process(int channel, int[] x, int from, int frames) {
        float[] in = input[channel];
        float[] u = doubled[channel];
        for (int i = 0; i < frames; i++) {
            in[HALF_HISTORY + i] = x[from + i] * Q824_TO_FLOAT;
        }
        halfBand(halfBand, in, mid, frames);
        for (int i = 0; i < frames; i++) {
            u[FINE_HISTORY + 2 * i] = in[HALF_CENTRE + i];
            u[FINE_HISTORY + 2 * i + 1] = mid[i];
        }
        float hi = 0;
        float lo = 0;
        for (int i = 0; i < frames; i++) {
            hi = Math.max(hi, mid[i]);
            lo = Math.min(lo, mid[i]);
        }
        int points = 2 * frames;
        for (float[] c : fine) {
            fine(c, u, acc, points);
            for (int i = 0; i < points; i++) {
                hi = Math.max(hi, acc[i]);
                lo = Math.min(lo, acc[i]);
            }
        }
        peak[channel] = Math.max(peak[channel], Math.max(hi, -lo));
        System.arraycopy(in, frames, in, 0, HALF_HISTORY);
        System.arraycopy(u, points, u, 0, FINE_HISTORY);
    }

    /**
     * {@code out[i] = sum over k of c[k] * in[i + k]} for i below n, 32 taps, one tap at a time.
     * The tap offsets are written out as constants on purpose: C2 vectorizes
     * {@code out[i] += c * in[i + K]} only when, after inlining {@link #tap}, it sees that K
     * is a non-negative constant (then a store to out can never feed a later load of in, even
     * were they one array); with K a loop variable it falls back to scalar code, about five
     * times slower.
     */
    private static void halfBand(float[] c, float[] in, float[] out, int n) {
        float c0 = c[0];
        for (int i = 0; i < n; i++) {
            out[i] = c0 * in[i];
        }
        tap(c[1], in, 1, out, n);
        tap(c[2], in, 2, out, n);
        tap(c[3], in, 3, out, n);
        tap(c[4], in, 4, out, n);
        tap(c[5], in, 5, out, n);
        tap(c[6], in, 6, out, n);
        tap(c[7], in, 7, out, n);
        tap(c[8], in, 8, out, n);
        tap(c[9], in, 9, out, n);
        tap(c[10], in, 10, out, n);
        tap(c[11], in, 11, out, n);
        tap(c[12], in, 12, out, n);
        tap(c[13], in, 13, out, n);
        tap(c[14], in, 14, out, n);
        tap(c[15], in, 15, out, n);
        tap(c[16], in, 16, out, n);
        tap(c[17], in, 17, out, n);
        tap(c[18], in, 18, out, n);
        tap(c[19], in, 19, out, n);
        tap(c[20], in, 20, out, n);
        tap(c[21], in, 21, out, n);
        tap(c[22], in, 22, out, n);
        tap(c[23], in, 23, out, n);
        tap(c[24], in, 24, out, n);
        tap(c[25], in, 25, out, n);
        tap(c[26], in, 26, out, n);
        tap(c[27], in, 27, out, n);
        tap(c[28], in, 28, out, n);
        tap(c[29], in, 29, out, n);
        tap(c[30], in, 30, out, n);
        tap(c[31], in, 31, out, n);
    }

    /** As {@link #halfBand} with the second stage's 8 taps. */
    private static void fine(float[] c, float[] in, float[] out, int n) {
        float c0 = c[0];
        for (int i = 0; i < n; i++) {
            out[i] = c0 * in[i];
        }
        tap(c[1], in, 1, out, n);
        tap(c[2], in, 2, out, n);
        tap(c[3], in, 3, out, n);
        tap(c[4], in, 4, out, n);
        tap(c[5], in, 5, out, n);
        tap(c[6], in, 6, out, n);
        tap(c[7], in, 7, out, n);
    }

    private static void tap(float c, float[] in, int offset, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.fma(c, in[i + offset], out[i]);
        }
    }

    /** Largest interpolated magnitude over all channels so far, full-scale units. */
    double peak() {
        float max = 0;
        for (float p : peak) {
            max = Math.max(max, p);
        }
        return max;
    }

    /** Forgets the history and the peaks. */
    void reset() {
        for (float[] in : input) {
            Arrays.fill(in, 0);
        }
        for (float[] u : doubled) {
            Arrays.fill(u, 0);
        }
        Arrays.fill(peak, 0);
    }
}
