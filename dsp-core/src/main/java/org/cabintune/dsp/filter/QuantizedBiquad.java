package org.cabintune.dsp.filter;

/**
 * A section's coefficients as the fixed-point kernel runs them.
 *
 * <p>Format: every coefficient is a {@code long} in Q5.59 (range +-16, resolution 2^-59,
 * about 1.7e-18). The kernel multiplies them with 128-bit products ({@link Math#multiplyHigh})
 * and accumulates in 64 bits. 32-bit coefficients are not enough: a 20 Hz, Q 10 section at
 * 96 kHz has its poles and zeros within 7e-5 of z = 1, and Q2.30 moves its response by
 * 0.015 dB near the corner; Q5.59 moves it by less than 1e-9 dB. Feed-forward coefficients
 * must stay below {@value #MAX_FEED_FORWARD} in magnitude (a +18 dB high shelf at 3 kHz has
 * {@code b1} near -13.6), which
 * bounds the accumulator (see {@link BiquadCascade}).
 */
public record QuantizedBiquad(long b0, long b1, long b2, long a1, long a2) {

    /** Fractional bits of a coefficient. */
    public static final int FRAC_BITS = 59;
    /** Limit on feed-forward magnitude. */
    public static final double MAX_FEED_FORWARD = 16.0;

    private static final double SCALE = 0x1p59;

    /**
     * Rounds designed coefficients to the fixed format.
     *
     * @throws IllegalArgumentException when a feed-forward coefficient is 16 or more, or the
     *     section is not stable (poles on or outside the unit circle)
     */
    public static QuantizedBiquad of(BiquadCoefficients c) {
        double maxB = Math.max(Math.abs(c.b0()), Math.max(Math.abs(c.b1()), Math.abs(c.b2())));
        if (!(maxB < MAX_FEED_FORWARD)) {
            throw new IllegalArgumentException("feed-forward coefficient " + maxB + " is not below "
                    + MAX_FEED_FORWARD + " (" + c + ")");
        }
        if (!c.isStable(0)) {
            throw new IllegalArgumentException("section is not stable: its poles are on or outside the unit circle ("
                    + c + ")");
        }
        return new QuantizedBiquad(raw(c.b0()), raw(c.b1()), raw(c.b2()), raw(c.a1()), raw(c.a2()));
    }

    private static long raw(double v) {
        return Math.round(v * SCALE);
    }

    /**
     * The exact coefficients this section realises, as doubles: the twin runs these. The
     * conversion is exact, because a double on the 2^-59 grid below 16 has at most 53
     * significant bits.
     */
    public BiquadCoefficients realized() {
        return new BiquadCoefficients(b0 / SCALE, b1 / SCALE, b2 / SCALE, a1 / SCALE, a2 / SCALE);
    }
}
