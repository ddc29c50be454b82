package org.cabintune.dsp.filter;

import org.cabintune.dsp.Block;

import java.util.List;

/**
 * A cascade of second-order sections per channel: Q8.24 samples, Q5.59 coefficients.
 *
 * <p>Structure: direct form I with the recursive state at full precision. The previous
 * outputs are kept as the unrounded accumulator (units of 2^-53), not as the rounded Q8.24
 * output, which is the same as second-order error feedback through {@code a1, a2}: the
 * output noise is one rounding to Q8.24 (white, about -155 dBFS) whatever the pole
 * positions. Plain DF1 with rounded state would amplify it by {@code 1/|A|^2}, more than
 * 80 dB for a 20 Hz, Q 10 section.
 *
 * <p>Arithmetic: each product is the high half of a 128-bit multiply
 * ({@link Math#multiplyHigh}) of a pre-shifted operand and a coefficient, landing in units of
 * 2^-53; five products are summed in a 64-bit accumulator. The flooring of each product adds
 * at most 2^-53 per term, 29 bits below the output's least significant bit.
 *
 * <p>Headroom: inside a cascade samples are held to +-{@value #HEADROOM} (+24 dBFS). The input
 * is clamped there once, before the first section, and every section saturates its output
 * there, so every section's input is in range; that bounds the accumulator by
 * {@code (3 * 16 + 2 + 1) * 16 = 816 < 1024 = 2^63 / 2^53}: it can never wrap.
 *
 * <p>Scheduling: each section's recursion (multiply by {@code a1}, subtract, clamp, shift) is a
 * chain of latencies from one sample to the next, so the kernel keeps two independent
 * recursions in every loop. {@link #process(int[][], int)} pairs the channels by section count
 * and runs a section of each channel of a pair in the same loop; what a pair's longer channel
 * has left, and {@link #process(int, int[], int, int)}, run a channel's sections two at a time
 * (the second section of a pair works on sample n while the first already computes n+1). The
 * {@code a1} product is subtracted last, after the terms known a sample earlier, so that it
 * alone stands between one output and the next. Sums of {@code long}s are exact modulo 2^64, so
 * neither the order of the terms nor the order of the channels changes a bit of the output.
 * The inner loops make no calls and keep their state in locals; two channels times two
 * sections in one loop was measured slower, its 36 live values spill the registers.
 */
public final class BiquadCascade implements Block {

    /** Saturation level inside filter sections, in full-scale units. */
    public static final int HEADROOM = 16;
    private static final int LIMIT = HEADROOM << 24;
    /** Accumulator units are 2^-53: a Q8.24 sample is shifted up by 29 bits. */
    private static final int ACC_SHIFT = 29;
    private static final long ACC_LIMIT = (long) LIMIT << ACC_SHIFT;
    private static final long HALF = 1L << (ACC_SHIFT - 1);
    /** Input pre-shift so that multiplyHigh(x, b) lands in units of 2^-53: 24 + 59 - 64 - 34 = -53. */
    private static final int X_SHIFT = 34;
    /** State pre-shift so that multiplyHigh(v, a) lands in units of 2^-53: 53 + 59 - 64 - 5 = 53. */
    private static final int V_SHIFT = 5;
    private static final int COEFS = 5;
    private static final int STATE = 4;

    /** [channel][section * 5 + (b0, b1, b2, a1, a2)]. */
    private final long[][] coefficients;
    /** [channel][section * 4 + (x1, x2, v1, v2)], each pre-shifted for multiplyHigh. */
    private final long[][] state;
    /** The channels with sections, ordered by section count: [2k] and [2k+1] run together. */
    private final int[] pairing;

    /**
     * @param sections per channel, the sections applied in order; a channel with no sections
     *     passes through untouched
     */
    public BiquadCascade(List<List<QuantizedBiquad>> sections) {
        coefficients = new long[sections.size()][];
        state = new long[sections.size()][];
        for (int ch = 0; ch < sections.size(); ch++) {
            List<QuantizedBiquad> list = sections.get(ch);
            long[] c = new long[list.size() * COEFS];
            for (int s = 0; s < list.size(); s++) {
                QuantizedBiquad q = list.get(s);
                c[s * COEFS] = q.b0();
                c[s * COEFS + 1] = q.b1();
                c[s * COEFS + 2] = q.b2();
                c[s * COEFS + 3] = q.a1();
                c[s * COEFS + 4] = q.a2();
            }
            coefficients[ch] = c;
            state[ch] = new long[list.size() * STATE];
        }
        pairing = pairing(coefficients);
    }

    /** Indices of the channels that have sections, by ascending section count (stable). */
    private static int[] pairing(long[][] coefficients) {
        int[] order = new int[coefficients.length];
        int count = 0;
        for (int ch = 0; ch < coefficients.length; ch++) {
            if (coefficients[ch].length == 0) {
                continue;
            }
            int at = count++;
            while (at > 0 && coefficients[order[at - 1]].length > coefficients[ch].length) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = ch;
        }
        return java.util.Arrays.copyOf(order, count);
    }

    /** A single-channel cascade. */
    public static BiquadCascade mono(List<QuantizedBiquad> sections) {
        return new BiquadCascade(List.of(sections));
    }

    /** Number of channels this cascade was built for. */
    public int channels() {
        return coefficients.length;
    }

    @Override
    public void process(int[][] channels, int frames) {
        int k = 0;
        for (; k + 1 < pairing.length; k += 2) {
            int p = pairing[k];
            int q = pairing[k + 1];
            long[] cp = coefficients[p];
            long[] cq = coefficients[q];
            int[] bp = channels[p];
            int[] bq = channels[q];
            clampInput(bp, 0, frames);
            clampInput(bq, 0, frames);
            int common = Math.min(cp.length, cq.length) / COEFS;
            for (int s = 0; s < common; s++) {
                sectionOfTwo(bp, bq, frames, cp, cq, s * COEFS, state[p], state[q], s * STATE);
            }
            sections(bp, 0, frames, cp, state[p], common);
            sections(bq, 0, frames, cq, state[q], common);
        }
        if (k < pairing.length) {
            process(pairing[k], channels[pairing[k]], frames);
        }
    }

    /** Runs channel {@code ch}'s sections over {@code buffer[0..frames)} in place. */
    public void process(int ch, int[] buffer, int frames) {
        process(ch, buffer, 0, frames);
    }

    /** Runs channel {@code ch}'s sections over {@code buffer[from..from + frames)} in place. */
    public void process(int ch, int[] buffer, int from, int frames) {
        long[] c = coefficients[ch];
        long[] st = state[ch];
        if (c.length == 0) {
            return;
        }
        clampInput(buffer, from, from + frames);
        sections(buffer, from, from + frames, c, st, 0);
    }

    /** Brings a channel's input into the sections' range: later sections saturate their outputs. */
    private static void clampInput(int[] buf, int from, int end) {
        for (int i = from; i < end; i++) {
            buf[i] = Math.clamp(buf[i], -LIMIT, LIMIT);
        }
    }

    /** Runs sections {@code first..} of one channel over {@code buf[from..end)}, two at a time. */
    private static void sections(int[] buf, int from, int end, long[] c, long[] st, int first) {
        int n = c.length / COEFS;
        int s = first;
        for (; s + 1 < n; s += 2) {
            sectionPair(buf, from, end, c, s * COEFS, st, s * STATE);
        }
        if (s < n) {
            section(buf, from, end, c, s * COEFS, st, s * STATE);
        }
    }

    /**
     * Replaces the coefficients of section {@code section} of channel {@code ch}, keeping its
     * state. Direct form I keeps past inputs and outputs, not internal values that depend on the
     * coefficients, so the next sample is simply the new section's: a small change of
     * coefficients gives a small change of output. Allocates nothing.
     */
    public void setSection(int ch, int section, QuantizedBiquad q) {
        long[] c = coefficients[ch];
        int at = section * COEFS;
        c[at] = q.b0();
        c[at + 1] = q.b1();
        c[at + 2] = q.b2();
        c[at + 3] = q.a1();
        c[at + 4] = q.a2();
    }

    private static void section(int[] buf, int from, int end, long[] c, int co, long[] st, int so) {
        final long b0 = c[co], b1 = c[co + 1], b2 = c[co + 2], a1 = c[co + 3], a2 = c[co + 4];
        long x1 = st[so], x2 = st[so + 1], v1 = st[so + 2], v2 = st[so + 3];
        for (int n = from; n < end; n++) {
            long x0 = (long) buf[n] << X_SHIFT;
            long acc = Math.multiplyHigh(x0, b0) + Math.multiplyHigh(x1, b1) + Math.multiplyHigh(x2, b2)
                    - Math.multiplyHigh(v2, a2) - Math.multiplyHigh(v1, a1);
            acc = Math.clamp(acc, -ACC_LIMIT, ACC_LIMIT);
            buf[n] = (int) ((acc + HALF) >> ACC_SHIFT);
            x2 = x1;
            x1 = x0;
            v2 = v1;
            v1 = acc << V_SHIFT;
        }
        save(st, so, x1, x2, v1, v2);
    }

    private static void sectionPair(int[] buf, int from, int end, long[] c, int co, long[] st, int so) {
        final long b0 = c[co], b1 = c[co + 1], b2 = c[co + 2], a1 = c[co + 3], a2 = c[co + 4];
        final long d0 = c[co + 5], d1 = c[co + 6], d2 = c[co + 7], g1 = c[co + 8], g2 = c[co + 9];
        long x1 = st[so], x2 = st[so + 1], v1 = st[so + 2], v2 = st[so + 3];
        long u1 = st[so + 4], u2 = st[so + 5], w1 = st[so + 6], w2 = st[so + 7];
        for (int n = from; n < end; n++) {
            long x0 = (long) buf[n] << X_SHIFT;
            long acc = Math.multiplyHigh(x0, b0) + Math.multiplyHigh(x1, b1) + Math.multiplyHigh(x2, b2)
                    - Math.multiplyHigh(v2, a2) - Math.multiplyHigh(v1, a1);
            acc = Math.clamp(acc, -ACC_LIMIT, ACC_LIMIT);
            long u0 = ((acc + HALF) >> ACC_SHIFT) << X_SHIFT;
            x2 = x1;
            x1 = x0;
            v2 = v1;
            v1 = acc << V_SHIFT;
            long acc2 = Math.multiplyHigh(u0, d0) + Math.multiplyHigh(u1, d1) + Math.multiplyHigh(u2, d2)
                    - Math.multiplyHigh(w2, g2) - Math.multiplyHigh(w1, g1);
            acc2 = Math.clamp(acc2, -ACC_LIMIT, ACC_LIMIT);
            buf[n] = (int) ((acc2 + HALF) >> ACC_SHIFT);
            u2 = u1;
            u1 = u0;
            w2 = w1;
            w1 = acc2 << V_SHIFT;
        }
        save(st, so, x1, x2, v1, v2);
        save(st, so + STATE, u1, u2, w1, w2);
    }

    /** One section of channel p and the same-numbered section of channel q, in one loop. */
    private static void sectionOfTwo(int[] bp, int[] bq, int frames, long[] cp, long[] cq, int co,
                                     long[] sp, long[] sq, int so) {
        final long b0 = cp[co], b1 = cp[co + 1], b2 = cp[co + 2], a1 = cp[co + 3], a2 = cp[co + 4];
        final long d0 = cq[co], d1 = cq[co + 1], d2 = cq[co + 2], g1 = cq[co + 3], g2 = cq[co + 4];
        long x1 = sp[so], x2 = sp[so + 1], v1 = sp[so + 2], v2 = sp[so + 3];
        long u1 = sq[so], u2 = sq[so + 1], w1 = sq[so + 2], w2 = sq[so + 3];
        for (int n = 0; n < frames; n++) {
            long x0 = (long) bp[n] << X_SHIFT;
            long u0 = (long) bq[n] << X_SHIFT;
            long acc = Math.multiplyHigh(x0, b0) + Math.multiplyHigh(x1, b1) + Math.multiplyHigh(x2, b2)
                    - Math.multiplyHigh(v2, a2) - Math.multiplyHigh(v1, a1);
            long acc2 = Math.multiplyHigh(u0, d0) + Math.multiplyHigh(u1, d1) + Math.multiplyHigh(u2, d2)
                    - Math.multiplyHigh(w2, g2) - Math.multiplyHigh(w1, g1);
            acc = Math.clamp(acc, -ACC_LIMIT, ACC_LIMIT);
            acc2 = Math.clamp(acc2, -ACC_LIMIT, ACC_LIMIT);
            bp[n] = (int) ((acc + HALF) >> ACC_SHIFT);
            bq[n] = (int) ((acc2 + HALF) >> ACC_SHIFT);
            x2 = x1;
            x1 = x0;
            v2 = v1;
            v1 = acc << V_SHIFT;
            u2 = u1;
            u1 = u0;
            w2 = w1;
            w1 = acc2 << V_SHIFT;
        }
        save(sp, so, x1, x2, v1, v2);
        save(sq, so, u1, u2, w1, w2);
    }

    /** Stores a section's state after a block: the inputs and accumulators the next block continues from. */
    private static void save(long[] st, int so, long x1, long x2, long v1, long v2) {
        st[so] = x1;
        st[so + 1] = x2;
        st[so + 2] = v1;
        st[so + 3] = v2;
    }

    @Override
    public void reset() {
        for (long[] st : state) {
            java.util.Arrays.fill(st, 0);
        }
    }
}
