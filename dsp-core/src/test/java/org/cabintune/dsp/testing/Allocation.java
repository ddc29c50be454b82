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

    /** Measured batches; the least is reported. */
    private static final int BATCHES = 3;

    /**
     * Runs {@code action} {@code repetitions} times to warm it up (class loading, linkage,
     * JIT), then measures {@value #BATCHES} batches of {@code repetitions} runs and returns the
     * least any batch allocated, less what the measurement itself costs.
     *
     * <p>Why the least: the JVM occasionally allocates a few dozen bytes on the running thread
     * for its own bookkeeping (seen even in the interpreter, once, at a moving point), which
     * would make a single batch flaky. An allocation in the code under test happens on every
     * run, so it shows in every batch, and a zero here still proves there is none.
     */
    public static long bytesAllocatedBy(Runnable action, int repetitions) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        repeat(action, repetitions);
        Runnable nothing = () -> { };
        long least = Long.MAX_VALUE;
        for (int b = 0; b < BATCHES; b++) {
            long overhead = measure(nothing, 1);
            least = Math.min(least, Math.max(0, measure(action, repetitions) - overhead));
        }
        return least;
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
