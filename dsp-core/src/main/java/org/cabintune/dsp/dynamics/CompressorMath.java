package org.cabintune.dsp.dynamics;

/**
 * Fixed-point log2 and exp2 for the compressor's log domain: a 1025-entry table of each
 * function on one octave, linear interpolation between entries, and the octave taken from the
 * leading-zero count (log2) or applied as a shift (exp2). Integer arithmetic only, so the
 * result is the same on every JVM and CPU; the tables are filled with {@link StrictMath} for
 * the same reason.
 *
 * <p>Log-domain values are {@code long} in units of 2^-{@value #LOG_FRAC} bit (1 bit = one
 * doubling = 6.02 dB): resolution 2^-48 bit = 2e-14 dB, range far beyond any level.
 *
 * <p>Accuracy (linear interpolation of a smooth function, nodes 2^-10 apart, error at most
 * {@code h^2/8 max|f''|}):
 * <ul>
 *   <li>{@link #log2}: within 1.72e-7 bit (1.04e-6 dB) of the exact value, never above it;</li>
 *   <li>{@link #exp2}: within 1.16e-7 relative (1.0e-6 dB) of the exact power, never below it,
 *       then rounded to nearest Q5.27 (at most 2^-28 absolute, 168 dB below unity).</li>
 * </ul>
 * The table nodes themselves are exact to 2^-62. {@code CompressorMathTest} measures both.
 */
final class CompressorMath {

    /** Fractional bits of a log-domain value. */
    static final int LOG_FRAC = 48;
    /** One bit (a factor of two, 6.02 dB) in log-domain units. */
    static final long ONE_BIT = 1L << LOG_FRAC;

    private static final int TABLE_BITS = 10;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    /** log2(1 + i / 1024), i = 0 .. 1024, Q1.62 (the last entry is 1.0 = 2^62). */
    private static final long[] LOG2 = new long[TABLE_SIZE + 1];
    /** 2^(i / 1024), i = 0 .. 1024, Q2.61 (the last entry is 2.0 = 2^62). */
    private static final long[] EXP2 = new long[TABLE_SIZE + 1];
    /** Q5.27 is 2^61 / 2^27 = 2^34 below the Q2.61 table: the shift for 2^0. */
    private static final int EXP_SHIFT = 61 - 27;

    static {
        double ln2 = StrictMath.log(2.0);
        for (int i = 0; i <= TABLE_SIZE; i++) {
            LOG2[i] = Math.round(StrictMath.log1p((double) i / TABLE_SIZE) / ln2 * 0x1p62);
            EXP2[i] = Math.round(StrictMath.pow(2.0, (double) i / TABLE_SIZE) * 0x1p61);
        }
    }

    private CompressorMath() {
    }

    /**
     * log2 of a positive integer, in units of 2^-48 bit. The caller removes the value's own
     * scale (e.g. 24 bits for a Q8.24 sample).
     */
    static long log2(long value) {
        int zeros = Long.numberOfLeadingZeros(value);
        // The bits below the leading one, as an unsigned fraction in [0, 1).
        long fraction = (value << zeros) << 1;
        int i = (int) (fraction >>> (64 - TABLE_BITS));
        // Position between nodes i and i+1 as Q0.63.
        long between = (fraction << TABLE_BITS) >>> 1;
        long t0 = LOG2[i];
        long mantissa = t0 + (Math.multiplyHigh(LOG2[i + 1] - t0, between) << 1);
        return ((long) (63 - zeros) << LOG_FRAC) + ((mantissa + (1L << 13)) >> 14);
    }

    /**
     * 2 to the power of a log-domain value, as a Q5.27 gain rounded to nearest; at or above 16
     * (+24.08 dB) it saturates to the largest coefficient, far below 2^-28 it is 0.
     */
    static int exp2(long bits) {
        long octave = bits >> LOG_FRAC;
        long fraction = bits & (ONE_BIT - 1);
        int i = (int) (fraction >>> (LOG_FRAC - TABLE_BITS));
        long between = (fraction << (64 - LOG_FRAC + TABLE_BITS)) >>> 1;
        long t0 = EXP2[i];
        long mantissa = t0 + (Math.multiplyHigh(EXP2[i + 1] - t0, between) << 1);
        long shift = EXP_SHIFT - octave;
        if (shift < 31) {
            return Integer.MAX_VALUE;
        }
        if (shift > 62) {
            return 0;
        }
        int s = (int) shift;
        return (int) Math.min((mantissa + (1L << (s - 1))) >> s, Integer.MAX_VALUE);
    }
}
