package org.cabintune.dsp;

/**
 * The gain-coefficient format of the level blocks (gain ramps, mixer matrices): signed Q5.27
 * in an {@code int}. 1.0 is {@code 1 << 27}; the range [-16, 16) holds +24 dB (15.85) and the
 * step 2^-27 is 162 dB below unity, far under the sample LSB at any useful gain.
 *
 * <p>A Q8.24 sample times a Q5.27 coefficient is a Q13.51 product with |p| &lt;= 2^62, so it
 * fits a {@code long} without overflow. It is rounded to nearest by adding half an output LSB
 * (2^26) before the 27-bit arithmetic shift, then saturated: no truncation bias (no DC
 * offset from a gain stage), never a wrap, and 0 in gives exactly 0 out.
 */
public final class Q527 {

    /** Fractional bits of a coefficient. */
    public static final int FRAC_BITS = 27;
    /** The raw value of 1.0. */
    public static final int ONE = 1 << FRAC_BITS;
    /** Largest representable coefficient, just under 16.0 (+24.08 dB). */
    public static final double MAX_VALUE = (double) Integer.MAX_VALUE / ONE;
    /** Smallest representable coefficient, -16.0. */
    public static final double MIN_VALUE = (double) Integer.MIN_VALUE / ONE;

    private static final long HALF = 1L << (FRAC_BITS - 1);

    private Q527() {
    }

    /** Converts a double to Q5.27, rounding to nearest and saturating; NaN gives 0. */
    public static int fromDouble(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return (int) Math.clamp(Math.rint(value * ONE), (double) Integer.MIN_VALUE,
                (double) Integer.MAX_VALUE);
    }

    /** Converts a Q5.27 coefficient to a double. */
    public static double toDouble(int coefficient) {
        return (double) coefficient / ONE;
    }

    /** Multiplies a Q8.24 sample by a Q5.27 coefficient: 64-bit product, round, saturate. */
    public static int multiply(int sample, int coefficient) {
        return Q824.saturate(((long) sample * coefficient + HALF) >> FRAC_BITS);
    }
}
