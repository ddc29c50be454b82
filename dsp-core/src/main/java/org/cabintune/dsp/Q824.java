package org.cabintune.dsp;

/**
 * The sample format: signed Q8.24 in an {@code int}. 1.0 (0 dBFS) is {@code 1 << 24}; the
 * eight integer bits give about +42 dB of headroom above full scale, as in the SigmaDSP
 * ADAU145x family, so gain stages and filter peaks inside the chain never clip before the
 * final limiter. Arithmetic on samples accumulates in {@code long} and saturates on the way
 * back to {@code int}: it never wraps.
 */
public final class Q824 {

    /** Fractional bits of a sample. */
    public static final int FRAC_BITS = 24;
    /** The raw value of 1.0 (0 dBFS). */
    public static final int ONE = 1 << FRAC_BITS;
    /** Largest representable sample, just under +128.0 (+42.1 dBFS). */
    public static final int MAX = Integer.MAX_VALUE;
    /** Smallest representable sample, -128.0. */
    public static final int MIN = Integer.MIN_VALUE;
    /** One least significant bit as a double: 2^-24, about -144.5 dBFS. */
    public static final double LSB = 1.0 / ONE;

    private Q824() {
    }

    /** Converts a double (1.0 = 0 dBFS) to Q8.24, rounding to nearest and saturating. */
    public static int fromDouble(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double scaled = Math.rint(value * ONE);
        if (scaled >= MAX) {
            return MAX;
        }
        if (scaled <= MIN) {
            return MIN;
        }
        return (int) scaled;
    }

    /** Converts a Q8.24 sample to a double (1.0 = 0 dBFS). */
    public static double toDouble(int sample) {
        return sample * LSB;
    }

    /** Saturates a 64-bit value to the {@code int} range. Branch-free on the JIT's cmov. */
    public static int saturate(long value) {
        return (int) Math.clamp(value, (long) MIN, (long) MAX);
    }

    /** Converts decibels to a linear amplitude factor. */
    public static double dbToGain(double db) {
        return Math.pow(10.0, db / 20.0);
    }

    /** Converts a linear amplitude factor to decibels (-inf for 0). */
    public static double gainToDb(double gain) {
        return 20.0 * Math.log10(Math.abs(gain));
    }
}
