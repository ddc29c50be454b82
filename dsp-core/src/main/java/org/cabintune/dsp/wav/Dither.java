package org.cabintune.dsp.wav;

import org.cabintune.dsp.Q824;

/**
 * Quantizes Q8.24 samples to signed integers of a target word length, with optional TPDF
 * (triangular) dither of &plusmn;1 LSB of that word length, saturating at full scale: the
 * result is limited to [-1, 1 - 1 LSB], the range of the target format.
 *
 * <p>TPDF dither of &plusmn;1 LSB is the smallest dither that makes the mean and the
 * variance of the quantization error independent of the signal (Wannamaker, Lipshitz and
 * Vanderkooy, "A theory of non-subtractive dither", IEEE Trans. SP 2000). Word lengths of
 * 25 bits and more hold every Q8.24 value exactly, so they are never dithered.
 *
 * <p>The generator is xorshift64* (Vigna 2016) seeded through SplitMix64: one multiply and
 * three shifts per sample, no allocation, and the same seed always gives the same noise, so
 * renders are reproducible. An instance is not thread-safe; use one per audio thread.
 */
public final class Dither {

    private long state;

    /** Creates a generator; any seed (including 0) is valid. */
    public Dither(long seed) {
        // SplitMix64 finaliser: spreads similar seeds apart and never leaves a zero state,
        // which xorshift cannot leave once it is in it.
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        state = z == 0 ? 0x9E3779B97F4A7C15L : z;
    }

    /**
     * The next triangular dither value in units of 2^-32 LSB: the sum of two independent
     * uniform 32-bit values, so the range is [-2^32, 2^32) and the mean is -0.5 (2^-33 LSB).
     */
    public long nextTpdf() {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        long r = x * 0x2545F4914F6CDD1DL;
        return (long) (int) r + (int) (r >>> 32);
    }

    /**
     * Quantizes one Q8.24 sample to a signed {@code bits}-bit integer with TPDF dither,
     * rounding to nearest and saturating to [-2^(bits-1), 2^(bits-1) - 1].
     *
     * @param bits the target word length, 2 to 32
     */
    public int quantize(int sample, int bits) {
        checkBits(bits);
        return bits >= 25 ? quantize(sample, bits, 0) : quantize(sample, bits, nextTpdf());
    }

    /** Quantizes one Q8.24 sample like {@link #quantize(int, int)} but without dither. */
    public static int round(int sample, int bits) {
        checkBits(bits);
        return quantize(sample, bits, 0);
    }

    /**
     * The quantizer shared with the WAV encoder's loops. {@code tpdf} is in units of 2^-32
     * target LSB (0 for no dither). The target LSB is 2^(25 - bits) Q8.24 LSBs: a 24-bit
     * word has one fractional bit fewer than Q8.24.
     */
    static int quantize(int sample, int bits, long tpdf) {
        int shift = 25 - bits;
        if (shift <= 0) {
            // Every Q8.24 value below full scale is exact at 25 bits and more: only clip.
            if (sample >= Q824.ONE) {
                return (int) ((1L << (bits - 1)) - 1);
            }
            return Math.max(sample, -Q824.ONE) << -shift;
        }
        // Clamp first to +-4.0 so the 32 guard bits below cannot overflow a long; anything
        // past +-1.0 saturates anyway.
        long q = Math.clamp(sample, -4 * Q824.ONE, 4 * Q824.ONE);
        long v = ((q << 32) + (tpdf << shift) + (1L << (31 + shift))) >> (32 + shift);
        long max = (1L << (bits - 1)) - 1;
        return (int) Math.clamp(v, -max - 1, max);
    }

    private static void checkBits(int bits) {
        if (bits < 2 || bits > 32) {
            throw new IllegalArgumentException("bits " + bits + " is outside 2..32");
        }
    }
}
