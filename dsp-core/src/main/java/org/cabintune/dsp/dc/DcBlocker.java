package org.cabintune.dsp.dc;

import java.util.Arrays;
import org.cabintune.dsp.Block;
import org.cabintune.dsp.Q824;

/**
 * First-order DC blocker {@code y[n] = x[n] - x[n-1] + R y[n-1]}, a high-pass with its -3 dB
 * corner at {@link DcBlockerParams#cornerHz} (5 Hz by default; see
 * {@link DcBlockerParams#feedbackDecrement} for R). Well above the corner this textbook form
 * has a gain of {@code 2 / (1 + R)}, +0.003 dB for 5 Hz at 44.1 kHz: inaudible, and left in
 * rather than spending a second multiply (and rounding) on normalising it away.
 *
 * <p><b>Why full-precision state.</b> R is within 10^-3 of 1, so the pole sits right by DC:
 * rounding {@code y} to Q8.24 every sample would be amplified by {@code 1 / (1 - R)} (over
 * 60 dB at the default corner) at low frequencies, and would leave a self-sustaining offset of up to
 * {@code 0.5 / (1 - R)} LSB when the input falls silent. So {@code y} is kept in Q8.48 (a
 * {@code long}, 24 fractional bits more than a sample; |y| &lt;= 256 needs 2^56) and written
 * as {@code y += (x[n] - x[n-1]) - K y} with {@code K = 1 - R} in Q0.64: the product
 * {@code K y} comes from {@link Math#multiplyHigh} and is rounded to nearest with the top bit
 * of the low word. Only the output is rounded to Q8.24, so the error against the double twin
 * is that half LSB. After the input goes silent, {@code y} decays until {@code K y} rounds to
 * zero, leaving at most {@code 0.5 / K} units of 2^-48 (under 2^-35) - far below half an
 * output LSB, so the output is exactly zero and no limit cycle can reach it.
 */
public final class DcBlocker implements Block {

    /** Fractional bits of the state beyond a sample's 24. */
    private static final int EXTRA_BITS = 24;
    private static final long HALF = 1L << (EXTRA_BITS - 1);

    /** K = 1 - R as a fraction of 2^64 (K &lt; 0.5, so it fits a positive long). */
    private final long k;
    private final int[] previousIn;
    /** y[n-1] in Q8.48. */
    private final long[] state;

    /** Builds the blocker from {@code params}. */
    public DcBlocker(DcBlockerParams params) {
        k = (long) Math.rint(Math.scalb(params.feedbackDecrement(), 64));
        previousIn = new int[params.channels()];
        state = new long[params.channels()];
    }

    /** Number of channels. */
    public int channels() {
        return state.length;
    }

    @Override
    public void process(int[][] channels, int frames) {
        for (int c = 0; c < state.length; c++) {
            int[] x = channels[c];
            long y = state[c];
            int x1 = previousIn[c];
            for (int i = 0; i < frames; i++) {
                int x0 = x[i];
                // round(y * K): high word of the 128-bit product plus its half bit.
                long decay = Math.multiplyHigh(y, k) + ((y * k) >>> 63);
                y = y - decay + (((long) x0 - x1) << EXTRA_BITS);
                x1 = x0;
                x[i] = Q824.saturate((y + HALF) >> EXTRA_BITS);
            }
            state[c] = y;
            previousIn[c] = x1;
        }
    }

    @Override
    public void reset() {
        Arrays.fill(previousIn, 0);
        Arrays.fill(state, 0);
    }
}
