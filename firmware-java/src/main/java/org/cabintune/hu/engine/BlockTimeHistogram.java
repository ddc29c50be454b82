package org.cabintune.hu.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The distribution of the audio thread's processing time per period, for percentiles: a
 * log-linear histogram (16 buckets per octave, so a bucket spans at most 6.25 % of its value;
 * exact below 16 ns) of nanoseconds, up to 2^40 ns. The audio thread records with one array
 * increment, no allocation and no lock; any thread reads the counts with opaque loads, so a
 * reader sees each count whole, and at worst misses the periods recorded while it read.
 * Holds no string constants (see {@link Checks}).
 */
final class BlockTimeHistogram {

    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    private static final int MAX_EXPONENT = 40;
    static final int BUCKETS = (MAX_EXPONENT - SUB_BITS + 1) * SUB;
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] counts = new long[BUCKETS];

    /** Counts one period's processing time. Writer only: the audio thread. */
    void record(long nanos) {
        int i = index(nanos);
        COUNT.setOpaque(counts, i, counts[i] + 1);
    }

    /** Forgets every count (after the warm-up, before the stream). Writer only. */
    void clear() {
        for (int i = 0; i < BUCKETS; i++) {
            COUNT.setOpaque(counts, i, 0L);
        }
    }

    static int index(long nanos) {
        long v = Math.clamp(nanos, 0, (1L << MAX_EXPONENT) - 1);
        if (v < SUB) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (exponent - SUB_BITS)) & (SUB - 1);
        return (exponent - SUB_BITS + 1) * SUB + sub;
    }

    /** The middle of bucket {@code i}, in nanoseconds. */
    static double value(int i) {
        if (i < SUB) {
            return i;
        }
        int exponent = i / SUB + SUB_BITS - 1;
        long width = 1L << (exponent - SUB_BITS);
        long low = (SUB + (long) (i % SUB)) * width;
        return low + (width - 1) / 2.0;
    }

    /**
     * The {@code q} quantile (0 < q <= 1) of the recorded times in nanoseconds, as the middle
     * of its bucket, or NaN before anything was recorded. Any thread.
     */
    double quantile(double q) {
        long[] c = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            c[i] = (long) COUNT.getOpaque(counts, i);
            total += c[i];
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += c[i];
            if (seen >= rank) {
                return value(i);
            }
        }
        return value(BUCKETS - 1);
    }
}
