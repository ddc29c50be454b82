package org.cabintune.dsp.testing;

import java.lang.management.ManagementFactory;

/**
 * Measures heap allocation by the current thread, to prove the real-time rule that
 * {@code process} allocates nothing. Uses HotSpot's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), which counts TLAB and
 * outside-TLAB allocation exactly, so one stray object shows up as a non-zero count.
 */
public final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    /**
     * Runs {@code action} {@code repetitions} times to warm it up (class loading, JIT), then
     * another {@code repetitions} times under measurement, and returns the bytes this thread
     * allocated in the measured runs, less what the measurement itself costs.
     */
    public static long bytesAllocatedBy(Runnable action, int repetitions) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        repeat(action, repetitions);
        long overhead = measure(() -> { }, 1);
        long bytes = measure(action, repetitions);
        return Math.max(0, bytes - overhead);
    }

    private static long measure(Runnable action, int repetitions) {
        long id = Thread.currentThread().threadId();
        long before = THREADS.getThreadAllocatedBytes(id);
        repeat(action, repetitions);
        return THREADS.getThreadAllocatedBytes(id) - before;
    }

    private static void repeat(Runnable action, int repetitions) {
        for (int i = 0; i < repetitions; i++) {
            action.run();
        }
    }
}
