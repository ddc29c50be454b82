package org.cabintune.hu.audition;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the latest loudness match has come, written by the matcher's thread and read by
 * any other. Each match reports under its number; a report from a match that a later one has
 * replaced, but which still runs, is dropped rather than written over its successor's.
 *
 * <p>The number (high half) and the fraction (float bits, low half) share one atomic
 * {@code long}, so a reader never sees one without the other.
 */
final class MatchProgress {

    private final AtomicLong state = new AtomicLong();

    /** Match {@code number} begins: nothing done yet. */
    void begin(int number) {
        state.set(pack(number, 0));
    }

    /** Match {@code number} has done {@code fraction}; ignored unless it is the latest begun. */
    void report(int number, double fraction) {
        long now = state.get();
        while ((int) (now >>> 32) == number && !state.compareAndSet(now, pack(number, fraction))) {
            now = state.get();
        }
    }

    /** The fraction the latest match has done. */
    double fraction() {
        return Float.intBitsToFloat((int) state.get());
    }

    private static long pack(int number, double fraction) {
        return (long) number << 32 | Integer.toUnsignedLong(Float.floatToIntBits((float) fraction));
    }
}
