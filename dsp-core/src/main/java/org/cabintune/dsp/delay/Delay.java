package org.cabintune.dsp.delay;

import java.util.Arrays;
import org.cabintune.dsp.Block;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.filter.BiquadCoefficients;

/**
 * Per-channel delay of 0 .. 20 ms in whole and fractional samples, for time alignment.
 *
 * <p>The whole part comes from a ring buffer, preallocated in the constructor at the next
 * power of two above the longest channel's whole delay (4096 samples for 20 ms at 192 kHz),
 * so indexing is a mask. The fraction is a first-order Thiran all-pass (see
 * {@link FractionalDelay} for why and for its error): flat magnitude, DC group delay exactly
 * as requested. Whole-sample delays are bit-exact shifts. The delay is fixed at construction;
 * a profile change builds a new block off the audio thread.
 *
 * <p><b>Fixed point.</b> The all-pass runs as {@code y = a (x - y[n-1]) + x[n-1]} (one
 * multiplier, so quantising a keeps it all-pass) with a in Q2.30 and the recursive state
 * {@code y[n-1]} kept at full precision in Q8.54 (a {@code long}: Q8.24 with 30 more
 * fractional bits). Feeding the rounded Q8.24 output back instead would recirculate the
 * rounding error through the pole; with the wide state the only error left is the final
 * rounding of each output to Q8.24 (at most half an LSB, -150.5 dBFS). The product
 * {@code a * y[n-1]} splits y into its Q8.24 integer part and 30-bit remainder so every
 * partial product fits a long. Silence in decays the state to a few units of 2^-54 at most,
 * which the output rounding turns into exact zeros.
 */
public final class Delay implements Block {

    /** Fractional bits of the all-pass coefficient (Q2.30). */
    private static final int COEF_BITS = 30;
    private static final long HALF = 1L << (COEF_BITS - 1);
    private static final long LOW_MASK = (1L << COEF_BITS) - 1;
    /** The state saturates at the Q8.24 range so its integer part always fits an int. */
    private static final long STATE_MIN = (long) Q824.MIN << COEF_BITS;
    private static final long STATE_MAX = ((long) Q824.MAX << COEF_BITS) | LOW_MASK;

    private final double[] delaySamples;
    private final int[] whole;
    private final boolean[] allpass;
    /** All-pass coefficient a per channel, Q2.30. */
    private final int[] coefficient;
    private final int[][] ring;
    private final int mask;
    /** Ring position of the next sample, shared by all channels (they advance together). */
    private int write;
    /** Previous all-pass input x[n-1], Q8.24. */
    private final int[] previousIn;
    /** Previous all-pass output y[n-1], Q8.54. */
    private final long[] state;

    /** Builds the block and preallocates its ring buffers. */
    public Delay(DelayParams params) {
        int channels = params.channels();
        delaySamples = new double[channels];
        whole = new int[channels];
        allpass = new boolean[channels];
        coefficient = new int[channels];
        int longest = 0;
        for (int c = 0; c < channels; c++) {
            delaySamples[c] = params.delaySamples(c);
            FractionalDelay design = FractionalDelay.of(delaySamples[c]);
            whole[c] = design.whole();
            allpass[c] = design.hasAllpass();
            coefficient[c] = quantized(design);
            longest = Math.max(longest, whole[c]);
        }
        // Reading M samples back needs M + 1 slots; a power of two makes wrapping a mask.
        int size = Math.max(1, Integer.highestOneBit(longest) << 1);
        mask = size - 1;
        ring = new int[channels][size];
        previousIn = new int[channels];
        state = new long[channels];
    }

    /**
     * What this block runs for a delay of {@code delaySamples}: whole samples from the ring
     * buffer, then the all-pass with its coefficient rounded to Q2.30 as {@link #process} uses
     * it. Time alignment is predicted with it, so a plan's fractional delays are judged by what
     * the head unit realises.
     */
    public static Realization realization(double delaySamples) {
        FractionalDelay design = FractionalDelay.of(delaySamples);
        if (!design.hasAllpass()) {
            return new Realization(design.whole(), BiquadCoefficients.IDENTITY);
        }
        double a = Math.scalb((double) quantized(design), -COEF_BITS);
        return new Realization(design.whole(), new BiquadCoefficients(a, 1, 0, a, 0));
    }

    /**
     * A delay as realised.
     *
     * @param wholeSamples M, taken from the ring buffer
     * @param allpass      the first-order all-pass (a + z^-1) / (1 + a z^-1) with a as run;
     *                     {@link BiquadCoefficients#IDENTITY} for a whole delay
     */
    public record Realization(int wholeSamples, BiquadCoefficients allpass) {

        /** The complex response {re, im} at {@code freqHz} for a block at {@code sampleRate}. */
        public double[] response(double freqHz, double sampleRate) {
            double phase = -2 * Math.PI * freqHz / sampleRate * wholeSamples;
            double re = Math.cos(phase);
            double im = Math.sin(phase);
            double[] h = allpass.response(freqHz, sampleRate);
            return new double[] {re * h[0] - im * h[1], re * h[1] + im * h[0]};
        }
    }

    /** The all-pass coefficient in Q2.30. */
    private static int quantized(FractionalDelay design) {
        return (int) Math.rint(Math.scalb(design.coefficient(), COEF_BITS));
    }

    /** Number of channels. */
    public int channels() {
        return whole.length;
    }

    /** The delay of {@code channel} in samples, as designed (whole plus fraction). */
    public double delaySamples(int channel) {
        return delaySamples[channel];
    }

    @Override
    public void process(int[][] channels, int frames) {
        for (int c = 0; c < whole.length; c++) {
            if (allpass[c]) {
                fractional(c, channels[c], frames);
            } else if (whole[c] != 0) {
                shift(c, channels[c], frames);
            }
        }
        write = (write + frames) & mask;
    }

    private void shift(int c, int[] x, int frames) {
        int[] r = ring[c];
        int m = whole[c];
        int w = write;
        for (int i = 0; i < frames; i++, w++) {
            r[w & mask] = x[i];
            x[i] = r[(w - m) & mask];
        }
    }

    private void fractional(int c, int[] x, int frames) {
        int[] r = ring[c];
        int m = whole[c];
        long a = coefficient[c];
        int w = write;
        int x1 = previousIn[c];
        long s = state[c];
        for (int i = 0; i < frames; i++, w++) {
            r[w & mask] = x[i];
            int xd = r[(w - m) & mask];
            // a * (xd - y1) in Q8.54, with y1 = yHi + yLo * 2^-30 split so each product fits.
            long yHi = s >> COEF_BITS;
            long yLo = s & LOW_MASK;
            long acc = a * (xd - yHi) - ((a * yLo + HALF) >> COEF_BITS);
            s = Math.clamp(((long) x1 << COEF_BITS) + acc, STATE_MIN, STATE_MAX);
            x1 = xd;
            x[i] = Q824.saturate((s + HALF) >> COEF_BITS);
        }
        previousIn[c] = x1;
        state[c] = s;
    }

    @Override
    public void reset() {
        for (int[] r : ring) {
            Arrays.fill(r, 0);
        }
        Arrays.fill(previousIn, 0);
        Arrays.fill(state, 0);
        write = 0;
    }
}
