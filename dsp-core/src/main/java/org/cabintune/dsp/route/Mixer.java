package org.cabintune.dsp.route;

import java.util.Arrays;
import org.cabintune.dsp.Q527;
import org.cabintune.dsp.Q824;

/**
 * N-in, M-out gain matrix: each output is a weighted sum of the inputs (the bus's L/R to the
 * speaker feeds, or L+R to the subwoofers).
 *
 * <p><b>Fixed point.</b> Gains are Q5.27 ({@link Q527}). Each Q8.24 x Q5.27 product (up to
 * 2^62) is rounded to Q13.43 before it is summed, leaving 8 bits of headroom so the 64-bit
 * accumulator cannot overflow for any input and up to 64 inputs at +24 dB; the sum is then
 * rounded once to Q8.24 and saturated. The per-term rounding (2^-44) is 2^-19 of an output
 * LSB, so the result is the exact sum rounded to nearest in all but vanishing cases.
 * Zero gains are dropped at construction, so a sparse matrix costs only its non-zero terms.
 *
 * <p>Each frame's outputs are computed into a preallocated scratch frame before any is
 * written, so output rows may alias input rows (in-place routing, e.g. swapping L and R).
 */
public final class Mixer implements Router {

    /** Bits dropped from each product before summing (headroom for the sum). */
    private static final int TERM_SHIFT = 8;
    private static final long TERM_HALF = 1L << (TERM_SHIFT - 1);
    private static final int SUM_SHIFT = Q527.FRAC_BITS - TERM_SHIFT;
    private static final long SUM_HALF = 1L << (SUM_SHIFT - 1);

    private final int inputs;
    /** Per output, the inputs with a non-zero coefficient. */
    private final int[][] taps;
    /** Per output, the Q5.27 coefficients matching {@link #taps}. */
    private final int[][] coefficients;
    private final int[] frame;

    /** Builds the mixer from {@code params}. */
    public Mixer(MixerParams params) {
        inputs = params.inputs();
        int outputs = params.outputs();
        taps = new int[outputs][];
        coefficients = new int[outputs][];
        for (int m = 0; m < outputs; m++) {
            int count = 0;
            int[] t = new int[inputs];
            int[] k = new int[inputs];
            for (int n = 0; n < inputs; n++) {
                int q = Q527.fromDouble(params.gain(m, n));
                if (q != 0) {
                    t[count] = n;
                    k[count++] = q;
                }
            }
            taps[m] = Arrays.copyOf(t, count);
            coefficients[m] = Arrays.copyOf(k, count);
        }
        frame = new int[outputs];
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return frame.length;
    }

    @Override
    public void process(int[][] in, int[][] out, int frames) {
        if (aliased(in, out)) {
            processFrameByFrame(in, out, frames);
            return;
        }
        // Output by output: each loop is a straight pass over one or two input rows.
        for (int m = 0; m < out.length; m++) {
            int[] t = taps[m];
            int[] k = coefficients[m];
            int[] o = out[m];
            switch (t.length) {
                case 0 -> Arrays.fill(o, 0, frames, 0);
                case 1 -> {
                    int[] x = in[t[0]];
                    long g = k[0];
                    for (int i = 0; i < frames; i++) {
                        o[i] = Q824.saturate((((x[i] * g + TERM_HALF) >> TERM_SHIFT) + SUM_HALF) >> SUM_SHIFT);
                    }
                }
                case 2 -> {
                    int[] x = in[t[0]];
                    int[] y = in[t[1]];
                    long g = k[0];
                    long h = k[1];
                    for (int i = 0; i < frames; i++) {
                        long acc = ((x[i] * g + TERM_HALF) >> TERM_SHIFT) + ((y[i] * h + TERM_HALF) >> TERM_SHIFT);
                        o[i] = Q824.saturate((acc + SUM_HALF) >> SUM_SHIFT);
                    }
                }
                default -> {
                    for (int i = 0; i < frames; i++) {
                        long acc = 0;
                        for (int j = 0; j < t.length; j++) {
                            acc += ((long) in[t[j]][i] * k[j] + TERM_HALF) >> TERM_SHIFT;
                        }
                        o[i] = Q824.saturate((acc + SUM_HALF) >> SUM_SHIFT);
                    }
                }
            }
        }
    }

    /** True when some output row is also an input row (in-place routing). */
    private static boolean aliased(int[][] in, int[][] out) {
        for (int[] o : out) {
            for (int[] x : in) {
                if (o == x) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Computes each frame's outputs into a scratch frame before writing any: safe in place. */
    private void processFrameByFrame(int[][] in, int[][] out, int frames) {
        for (int i = 0; i < frames; i++) {
            for (int m = 0; m < frame.length; m++) {
                int[] t = taps[m];
                int[] k = coefficients[m];
                long acc = 0;
                for (int j = 0; j < t.length; j++) {
                    acc += ((long) in[t[j]][i] * k[j] + TERM_HALF) >> TERM_SHIFT;
                }
                frame[m] = Q824.saturate((acc + SUM_HALF) >> SUM_SHIFT);
            }
            for (int m = 0; m < frame.length; m++) {
                out[m][i] = frame[m];
            }
        }
    }

    @Override
    public void reset() {
        // Stateless.
    }
}
