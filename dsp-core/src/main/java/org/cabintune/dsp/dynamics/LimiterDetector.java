package org.cabintune.dsp.dynamics;

import java.util.Arrays;

/**
 * The fixed-point peak detector of {@link TruePeakLimiter}: for each new sample, an upper
 * estimate of the true peak of one sample interval, as {@link LimiterDesign} defines it
 * (samples, interpolated points, refined crests, plus the high-band guard).
 *
 * <p><b>Cost.</b> Both filters are symmetric, so the kernel works on sums and differences of
 * mirrored samples ({@link OversamplingInterpolator#fold}) and needs 8 multiplies per pair of
 * interpolated points, 8 for the middle point and 8 for the guard: 32 per sample at 4x, 64 at
 * 8x, half of the unfolded count. The multiplies run tap by tap over a whole chunk of
 * samples rather than sample by sample, so each inner loop is element-wise over arrays and
 * vectorises; only the short per-sample finish (magnitudes, crests, the guard's hold, which
 * is recursive) stays scalar.
 *
 * <p><b>Formats.</b> Coefficients are Q2.30. A (sum of two) Q8.24 sample(s) times a
 * coefficient is a product in units of 2^-54; every dot product stays below 2^63 (the bounds
 * are in {@link OversamplingInterpolator}). Each is turned into a magnitude in units of 2^-30
 * full scale, rounded up, and everything after that (samples shifted up by 6 bits, crest
 * refinements, the guard's hold) is in those units, rounded up or held: the estimate never
 * falls below what the arithmetic computed.
 */
final class LimiterDetector {

    private static final int TAPS = OversamplingInterpolator.TAPS;
    private static final int HALF = TAPS / 2;
    private static final int GUARD_HALF = LimiterDesign.GUARD_TAPS / 2;
    private static final int DECAY = LimiterDesign.GUARD_DECAY_BITS;
    private static final long ROUND_UP = (1L << 24) - 1;
    /** A quiet limit no estimate is at or below: {@link #detect} then computes every chunk. */
    static final long COMPUTE_ALL = -1;

    private final int factor;
    private final int[] folded;
    /**
     * The largest sum of absolute coefficients of any interpolated point, in the fixed
     * coefficients' units: no point's sum exceeds the largest sample magnitude it reads times
     * this. Phase p of a pair is {@code sum x_lo (e + o) + x_hi (e - o)}, its mirror the same
     * with the signs of o swapped, so both are bounded by {@code sum |e + o| + |e - o|}.
     */
    private final long pointGain;
    /** Guard taps from the centre outward: {@code g[0]} for x[j], {@code g[k]} for x[j-k] + x[j+k]. */
    private final int[] guardTaps;
    /** Per channel: the magnitude of the previous interval's last interpolated point. */
    private final long[] previous;
    /** Per channel: the guard's held high-band magnitude. */
    private final long[] held;
    /** Scratch: the oversampled magnitudes of one interval, v_-1 .. v_L. */
    private final long[] points;
    /**
     * Scratch per chunk: for each pair of phases its E and O sums, then the middle phase's
     * sum, in units of 2^-54.
     */
    private final long[][] sums;
    /** Scratch per chunk: the guard's high-pass output, in units of 2^-54. */
    private final long[] highpass;

    LimiterDetector(LimiterDesign design, int channels, int chunk) {
        factor = design.factor;
        folded = OversamplingInterpolator.fold(design.interpolator);
        pointGain = pointGain(folded, factor);
        guardTaps = new int[GUARD_HALF + 1];
        for (int k = 0; k <= GUARD_HALF; k++) {
            guardTaps[k] = OversamplingInterpolator.fixed(design.guard[GUARD_HALF + k]);
        }
        previous = new long[channels];
        held = new long[channels];
        points = new long[factor + 2];
        sums = new long[factor - 1][chunk];
        highpass = new long[chunk];
    }

    private static long pointGain(int[] folded, int factor) {
        int pairs = factor / 2 - 1;
        long gain = 0;
        for (int q = 0; q <= pairs; q++) {
            long sum = 0;
            for (int k = 0; k < HALF; k++) {
                long e = folded[q * TAPS + k];
                long o = q < pairs ? folded[q * TAPS + HALF + k] : 0;
                sum += Math.abs(e + o) + Math.abs(e - o);
            }
            gain = Math.max(gain, sum);
        }
        return gain;
    }

    /**
     * Peak estimates of {@code n <= chunk} new samples of channel {@code c}, unless none of
     * them can exceed {@code quiet}. The newest sample is {@code h[base + i]}; its interval
     * ends {@code TAPS/2 - 1} samples earlier, and {@code h} holds at least {@code TAPS - 1}
     * samples before {@code base}.
     *
     * <p>Quiet chunks are the common case of a limiter (it protects against what is rare),
     * and they skip the interpolator and the per-sample finish, nine tenths of the work: an
     * upper bound of every estimate is taken from the largest sample the interpolator reads,
     * and only if that bound passes {@code quiet} are the estimates computed. The guard's
     * hold and the last interpolated point, which later chunks read, are computed exactly
     * either way, so the estimates of every later chunk are the same as if this one had been
     * computed in full.
     *
     * @return true if {@code out[0..n)} holds the estimates; false if every estimate is at or
     *     below {@code quiet} and {@code out} was not written
     */
    boolean detect(int c, int[] h, int base, long[] out, int n, long quiet) {
        guardBand(h, base, n);
        if (quiet(c, h, base, n, quiet)) {
            return false;
        }
        interpolate(h, base, n);
        finish(c, h, base, out, n);
        return true;
    }

    /**
     * Whether every estimate of the chunk is at or below {@code quiet}; if so, advances the
     * guard's hold and the previous point as {@link #finish} would. Every interpolated point
     * is at most {@code m * pointGain} (rounded up as {@link #magnitude} rounds), every sample
     * magnitude at most {@code m}, and a crest adds at most an eighth of the largest point
     * (plus the rounding) to a point.
     */
    private boolean quiet(int c, int[] h, int base, int n, long quiet) {
        long m = 0;
        for (int i = base - TAPS + 1; i < base + n; i++) {
            m = Math.max(m, Math.abs((long) h[i]));
        }
        long point = Math.max(Math.max(magnitude(m * pointGain), m << 6), previous[c]);
        long crest = point + ((point + 7) >> 3);
        if (crest > quiet) {
            return false;
        }
        long guard = held[c];
        long top = 0;
        for (int i = 0; i < n; i++) {
            guard = Math.max(magnitude(highpass[i]), guard - (guard >> DECAY));
            top = Math.max(top, guard);
        }
        if (crest + top > quiet) {
            return false;
        }
        held[c] = guard;
        previous[c] = lastPoint(h, base + n - 1);
        return true;
    }

    /** The magnitude of the last interpolated point of the interval that ends with {@code h[newest]}'s. */
    private long lastPoint(int[] h, int newest) {
        // Point factor - 1 is the mirror, E - O, of the first pair of phases (factor >= 4).
        long sum = 0;
        for (int k = 0; k < HALF; k++) {
            long lo = h[newest - TAPS + 1 + k];
            long hi = h[newest - k];
            sum += (lo + hi) * folded[k] - (lo - hi) * folded[HALF + k];
        }
        return magnitude(sum);
    }

    /**
     * The dot products, tap by tap over the whole chunk: each inner loop is an element-wise
     * multiply-add over arrays, which the JIT turns into SIMD instructions.
     */
    private void interpolate(int[] h, int base, int n) {
        int pairs = factor / 2 - 1;
        for (long[] a : sums) {
            Arrays.fill(a, 0, n, 0);
        }
        for (int k = 0; k < HALF; k++) {
            // x[newest - 15 + k] and its mirror x[newest - k].
            int lo = base - TAPS + 1 + k;
            int hi = base - k;
            for (int q = 0; q < pairs; q++) {
                long e = folded[q * TAPS + k];
                long o = folded[q * TAPS + HALF + k];
                // Separate loops: one store stream each, which the JIT can prove free of
                // aliasing and vectorise; a loop writing two long[] arrays stays scalar.
                long[] even = sums[2 * q];
                for (int i = 0; i < n; i++) {
                    even[i] += ((long) h[lo + i] + h[hi + i]) * e;
                }
                long[] odd = sums[2 * q + 1];
                for (int i = 0; i < n; i++) {
                    odd[i] += ((long) h[lo + i] - h[hi + i]) * o;
                }
            }
            long m = folded[pairs * TAPS + k];
            long[] middle = sums[2 * pairs];
            for (int i = 0; i < n; i++) {
                middle[i] += ((long) h[lo + i] + h[hi + i]) * m;
            }
        }
    }

    /** The guard's high-pass, centred on each interval's end sample. */
    private void guardBand(int[] h, int base, int n) {
        int centre = base - HALF + 1;
        long g0 = guardTaps[0];
        for (int i = 0; i < n; i++) {
            highpass[i] = h[centre + i] * g0;
        }
        for (int k = 1; k <= GUARD_HALF; k++) {
            long gk = guardTaps[k];
            int lo = centre - k;
            int hi = centre + k;
            for (int i = 0; i < n; i++) {
                highpass[i] += ((long) h[lo + i] + h[hi + i]) * gk;
            }
        }
    }

    /** Magnitudes, crest refinement and the guard's hold, sample by sample. */
    private void finish(int c, int[] h, int base, long[] out, int n) {
        int pairs = factor / 2 - 1;
        long[] v = points;
        long prev = previous[c];
        long guard = held[c];
        int centre = base - HALF + 1;
        for (int i = 0; i < n; i++) {
            // v[0] = v_-1, v[1] = |x[j-1]|, v[1 + p] = point p, v[factor + 1] = |x[j]|.
            v[0] = prev;
            v[1] = Math.abs((long) h[centre + i - 1]) << 6;
            v[factor + 1] = Math.abs((long) h[centre + i]) << 6;
            for (int q = 0; q < pairs; q++) {
                long even = sums[2 * q][i];
                long odd = sums[2 * q + 1][i];
                v[2 + q] = magnitude(even + odd);
                v[factor - q] = magnitude(even - odd);
            }
            v[1 + factor / 2] = magnitude(sums[2 * pairs][i]);
            prev = v[factor];
            long best = v[factor + 1];
            for (int k = 1; k <= factor; k++) {
                long m = v[k];
                long l = v[k - 1];
                long r = v[k + 1];
                long crest = m >= l && m >= r ? m + ((Math.abs(r - l) + 7) >> 3) : m;
                best = Math.max(best, crest);
            }
            guard = Math.max(magnitude(highpass[i]), guard - (guard >> DECAY));
            out[i] = best + guard;
        }
        previous[c] = prev;
        held[c] = guard;
    }

    /** |sum| in units of 2^-54 to a magnitude in units of 2^-30, rounded up. */
    private static long magnitude(long sum) {
        return (Math.abs(sum) + ROUND_UP) >> 24;
    }

    void reset() {
        Arrays.fill(previous, 0);
        Arrays.fill(held, 0);
    }
}
