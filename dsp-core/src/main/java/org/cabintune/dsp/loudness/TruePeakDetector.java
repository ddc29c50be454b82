package org.cabintune.dsp.loudness;

import java.util.Arrays;

/**
 * The streaming true-peak detector of {@link LoudnessMeter}: the two {@link TruePeakFilter}
 * stages run over blocks of Q8.24 input, keeping the largest interpolated magnitude per
 * channel. The sample peak (the input's own points of the grid) is tracked by the meter.
 *
 * <p><b>Loop shape.</b> The interpolator is the meter's largest cost, so each phase is computed
 * for the whole block one tap at a time, {@code out[i] += c[k] * in[i + k]}: a multiply-add over
 * contiguous arrays that the JIT turns into SIMD instructions (8 floats at a time with AVX2, 4
 * with NEON), where a per-sample dot product would be a serial chain of dependent additions.
 * The inputs stay {@code int} (Q8.24) and the sums are {@code float}: C2 vectorizes
 * {@code out[i] += c * in[i + k]} with k a loop variable only when it can tell that a store to
 * {@code out} never feeds a later load of {@code in}, and arrays of different element types
 * cannot be the same array (two float arrays might be, and the loop would stay scalar, about
 * five times slower). Float is plenty for a peak: 24-bit mantissa, error about 1e-6 dB. The
 * magnitudes are folded into an envelope element by element (vectorizable too) and reduced to
 * one number only when the meter publishes.
 *
 * <p><b>Latency.</b> A point between samples n and n+1 needs 15 samples after n+1, so the last
 * 16 intervals of the input so far are interpolated when the following block arrives. Before
 * the first sample the input is taken as silence.
 *
 * <p>Allocation happens in the constructor only; {@link #process} allocates nothing.
 */
final class TruePeakDetector {

    private static final int HALF_HISTORY = TruePeakFilter.HALF_BAND_TAPS - 1;
    private static final int FINE_HISTORY = TruePeakFilter.FINE_TAPS - 1;
    /** The midpoint i lies after input sample i + 15 of the buffer. */
    private static final int HALF_CENTRE = TruePeakFilter.HALF_BAND_TAPS / 2 - 1;

    private final float[] halfBand;
    /** [phase][tap] of the second stage. */
    private final float[][] fine;
    /** [channel][HALF_HISTORY + block]: the last input samples, then the current block. */
    private final int[][] input;
    /** [channel][FINE_HISTORY + 2 block]: the 2x signal in Q8.24, history first. */
    private final int[][] doubled;
    private final float[] mid;
    private final float[] acc;
    /** [channel][2 block]: the largest magnitude seen at each position, Q8.24 units. */
    private final float[][] envelope;
    /** How much of each envelope has been written. */
    private int used;

    /**
     * @param block the most frames one {@link #process} call takes
     */
    TruePeakDetector(int sampleRate, int channels, int block) {
        halfBand = toFloat(TruePeakFilter.halfBand());
        double[][] design = TruePeakFilter.fine(TruePeakFilter.oversampling(sampleRate));
        fine = new float[design.length][];
        for (int q = 0; q < design.length; q++) {
            fine[q] = toFloat(design[q]);
        }
        input = new int[channels][HALF_HISTORY + block];
        doubled = new int[channels][FINE_HISTORY + 2 * block];
        mid = new float[block];
        acc = new float[2 * block];
        envelope = new float[channels][2 * block];
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
        int[] in = input[channel];
        int[] u = doubled[channel];
        float[] env = envelope[channel];
        System.arraycopy(x, from, in, HALF_HISTORY, frames);
        interpolate(halfBand, in, mid, frames);
        for (int i = 0; i < frames; i++) {
            u[FINE_HISTORY + 2 * i] = in[HALF_CENTRE + i];
            // Back to Q8.24 for the second stage (a cast saturates beyond +-128, never wraps).
            u[FINE_HISTORY + 2 * i + 1] = (int) mid[i];
            env[i] = Math.max(env[i], Math.abs(mid[i]));
        }
        int points = 2 * frames;
        for (float[] c : fine) {
            interpolate(c, u, acc, points);
            for (int i = 0; i < points; i++) {
                env[i] = Math.max(env[i], Math.abs(acc[i]));
            }
        }
        used = Math.max(used, points);
        System.arraycopy(in, frames, in, 0, HALF_HISTORY);
        System.arraycopy(u, points, u, 0, FINE_HISTORY);
    }

    /** {@code out[i] = sum over k of c[k] * in[i + k]} for i below n, one tap at a time. */
    private static void interpolate(float[] c, int[] in, float[] out, int n) {
        float c0 = c[0];
        for (int i = 0; i < n; i++) {
            out[i] = c0 * in[i];
        }
        for (int k = 1; k < c.length; k++) {
            float ck = c[k];
            for (int i = 0; i < n; i++) {
                out[i] = Math.fma(ck, in[i + k], out[i]);
            }
        }
    }

    /** Largest interpolated magnitude over all channels so far, full-scale units. */
    double peak() {
        float max = 0;
        for (float[] env : envelope) {
            for (int i = 0; i < used; i++) {
                max = Math.max(max, env[i]);
            }
        }
        return max * 0x1p-24;
    }

    /** Forgets the history and the peaks. */
    void reset() {
        for (int[] in : input) {
            Arrays.fill(in, 0);
        }
        for (int[] u : doubled) {
            Arrays.fill(u, 0);
        }
        for (float[] env : envelope) {
            Arrays.fill(env, 0);
        }
        used = 0;
    }
}
