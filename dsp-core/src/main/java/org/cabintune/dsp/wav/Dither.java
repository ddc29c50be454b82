package org.cabintune.dsp.wav;

import org.cabintune.dsp.Q824;

/**
 * Quantizes Q8.24 samples to signed integers of a target word length, with TPDF (triangular)
 * dither of &plusmn;1 LSB of that word length, optionally noise-shaped, saturating at full
 * scale: the result is limited to [-1, 1 - 1 LSB], the range of the target format.
 *
 * <p><b>TPDF.</b> Dither of &plusmn;1 LSB with a triangular distribution is the smallest
 * dither that makes the mean and the variance of the quantization error independent of the
 * signal (Wannamaker, Lipshitz and Vanderkooy, "A theory of non-subtractive dither", IEEE Trans.
 * SP 2000): the error is then white, of variance 1/4 LSB^2, whatever the music.
 *
 * <p><b>Noise shaping</b> ({@link #shaped}) feeds the total error back through a filter, so
 * the output is {@code x + (1 - H(z)) e} with {@code e} that same white, signal-independent
 * error: the noise is moved out of the band where the ear is most sensitive. {@code H} is the
 * 5-tap "E-weighted" filter of Lipshitz, Vanderkooy and Wannamaker, "Minimally audible noise
 * shaping", J. Audio Eng. Soc. 39(11), 1991 (coefficients 2.033, -2.165, 1.959, -1.590,
 * 0.6149, the "lipshitz" shaper of SoX), designed for 44.1 kHz: at 44.1 and 48 kHz the
 * noise is 15 to 27 dB below plain TPDF from 1 to 5 kHz and up to 19 dB above it at Nyquist,
 * 12.2 dB more in total; at 88.2 and 96 kHz the same filter keeps the audio band 15 dB quieter
 * and puts the rise above 20 kHz. The error that is fed back is that of the unclipped
 * quantizer, at most 1.5 LSB, so a clipped full-scale signal cannot drive the loop: the
 * shaped noise is bounded by {@code 1.5 (1 + sum |h|) = 14 LSB} whatever the input.
 *
 * <p><b>Fixed point.</b> Coefficients are Q3.28; the filter works on the error in units of
 * 2^-8 Q8.24 LSB (8 guard bits), products in a {@code long}. Shaping is for words of 8 to 24
 * bits, where the sums stay far below 2^63.
 *
 * <p>Word lengths of 25 bits and more hold every Q8.24 value exactly, so they are never
 * dithered. The generator is xorshift64* (Vigna 2016) seeded through SplitMix64: one multiply
 * and three shifts per sample, no allocation, and the same seed always gives the same noise,
 * so renders are reproducible. An instance is not thread-safe; use one per audio thread. The
 * class holds no string constants (its messages are in {@code DitherChecks}): it runs on the
 * audio thread inside the DAC's sink.
 */
public final class Dither {

    /** Lipshitz et al. 1991, 5-tap E-weighted error filter h_1 .. h_5. */
    public static final double[] E_WEIGHTED = {2.033, -2.165, 1.959, -1.590, 0.6149};
    /** Shortest word length shaping is for. */
    public static final int MIN_SHAPED_BITS = 8;

    private static final int TAPS = 5;
    private static final int COEF_BITS = 28;
    private static final int GUARD_BITS = 8;

    /** Q3.28 filter, or empty for plain TPDF. */
    private final int[] coefficients;
    /** [channel][tap]: past total errors, newest at {@code positions[channel]}, in 2^-8 Q8.24 LSB. */
    private final long[][] errors;
    private final int[] positions;
    private long state;

    /** Creates a plain TPDF generator; any seed (including 0) is valid. */
    public Dither(long seed) {
        this(seed, 0, false);
    }

    private Dither(long seed, int channels, boolean shaped) {
        // SplitMix64 finaliser: spreads similar seeds apart and never leaves a zero state,
        // which xorshift cannot leave once it is in it.
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        state = z == 0 ? 0x9E3779B97F4A7C15L : z;
        coefficients = new int[shaped ? TAPS : 0];
        for (int j = 0; j < coefficients.length; j++) {
            coefficients[j] = (int) Math.round(E_WEIGHTED[j] * (1 << COEF_BITS));
        }
        errors = new long[channels][TAPS];
        positions = new int[channels];
    }

    /** TPDF dither shaped by the E-weighted filter, with error state for {@code channels} channels (1..64). */
    public static Dither shaped(long seed, int channels) {
        DitherChecks.shapedChannels(channels);
        return new Dither(seed, channels, true);
    }

    /** True when the noise is shaped. */
    public boolean isShaped() {
        return coefficients.length > 0;
    }

    /**
     * Refuses a stream this dither cannot serve: shaping needs error state for each of its
     * channels and a word of {@value #MIN_SHAPED_BITS} to 24 bits (longer words are not dithered).
     */
    void checkFits(WavFormat format) {
        if (format.encoding() == WavEncoding.PCM) {
            checkFits(format.channels(), format.bitsPerSample());
        }
    }

    private void checkFits(int channels, int bits) {
        if (isShaped() && bits < 25) {
            DitherChecks.fits(errors.length, channels, bits);
        }
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
     * Quantizes one Q8.24 sample of channel 0 to a signed {@code bits}-bit integer with
     * (shaped) TPDF dither, rounding to nearest and saturating to [-2^(bits-1), 2^(bits-1) - 1].
     *
     * @param bits the target word length, 2 to 32 (8 to 32 when shaped)
     */
    public int quantize(int sample, int bits) {
        return quantize(0, sample, bits);
    }

    /** As {@link #quantize(int, int)} for {@code channel}, whose shaping state it uses. */
    public int quantize(int channel, int sample, int bits) {
        checkBits(bits);
        if (bits >= 25) {
            return roundWith(sample, bits, 0);
        }
        if (isShaped()) {
            checkFits(channel + 1, bits);
            return shape(channel, sample, bits);
        }
        return roundWith(sample, bits, nextTpdf());
    }

    /** Quantizes one Q8.24 sample like {@link #quantize(int, int)} but without dither. */
    public static int round(int sample, int bits) {
        checkBits(bits);
        return roundWith(sample, bits, 0);
    }

    /**
     * The encoder loops' quantizer: with {@code dither} (plain or shaped, checked with
     * {@link #checkFits} when the stream was set up), or rounding when it is null.
     */
    static int encode(Dither dither, int channel, int sample, int bits) {
        if (dither == null || bits >= 25) {
            return roundWith(sample, bits, 0);
        }
        return dither.isShaped() ? dither.shape(channel, sample, bits) : roundWith(sample, bits, dither.nextTpdf());
    }

    /**
     * Error feedback: {@code v = x - sum h_j e[n-j]}, {@code y = round(v + tpdf)},
     * {@code e[n] = y - v} (the total error, dither included, of the unclipped quantizer),
     * then {@code y} saturated.
     */
    private int shape(int channel, int sample, int bits) {
        long[] e = errors[channel];
        int p = positions[channel];
        long feedback = 0;
        for (int j = 0; j < TAPS; j++) {
            int at = p + j;
            feedback += coefficients[j] * e[at >= TAPS ? at - TAPS : at];
        }
        long x = (long) Math.clamp(sample, -4 * Q824.ONE, 4 * Q824.ONE) << GUARD_BITS;
        long v = x - ((feedback + (1L << (COEF_BITS - 1))) >> COEF_BITS);
        int unit = 25 - bits + GUARD_BITS;
        long y = (v + (nextTpdf() >> (32 - unit)) + (1L << (unit - 1))) >> unit;
        p = p == 0 ? TAPS - 1 : p - 1;
        e[p] = (y << unit) - v;
        positions[channel] = p;
        long max = (1L << (bits - 1)) - 1;
        return (int) Math.clamp(y, -max - 1, max);
    }

    /**
     * The plain quantizer shared with the WAV encoder's loops. {@code tpdf} is in units of
     * 2^-32 target LSB (0 for no dither). The target LSB is 2^(25 - bits) Q8.24 LSBs: a 24-bit
     * word has one fractional bit fewer than Q8.24.
     */
    static int roundWith(int sample, int bits, long tpdf) {
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
        DitherChecks.bits(bits);
    }
}
