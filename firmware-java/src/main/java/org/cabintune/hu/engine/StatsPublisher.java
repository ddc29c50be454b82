package org.cabintune.hu.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audio thread's counters, published once per period for any thread to read.
 *
 * <p>A sequence lock without the lock: the writer (the audio thread) makes the version odd,
 * stores the counters, and makes it even again; it never waits. A reader copies the counters
 * between two reads of the version and retries if the version was odd or moved, so a snapshot
 * never mixes two periods. Counters are stored and loaded as opaque {@code long}s so no value
 * tears, and fences order them against the version.
 */
final class StatsPublisher {

    static final int PERIODS = 0;
    static final int FRAMES = 1;
    static final int XRUNS = 2;
    static final int MISSES = 3;
    static final int BUSY_TOTAL = 4;
    static final int BUSY_MAX = 5;
    static final int MIN_SLACK = 6;
    static final int ALLOCATED = 7;
    static final int APPLIED = 8;
    static final int RUNNING = 9;
    static final int PRIORITY = 10;
    static final int LAST_MISS = 11;
    private static final int SLOTS = 12;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] slots = new long[SLOTS];
    /** The writer's working copy; only the audio thread touches it. */
    final long[] pending = new long[SLOTS];
    private final AtomicLong version = new AtomicLong();
    private volatile String failure;

    StatsPublisher() {
        pending[MIN_SLACK] = Long.MAX_VALUE;
        pending[ALLOCATED] = -1;
        publish();
    }

    /** Copies {@link #pending} out for readers. Writer only; never waits. */
    void publish() {
        long v = version.getPlain();
        version.setOpaque(v + 1);
        VarHandle.storeStoreFence();
        for (int i = 0; i < SLOTS; i++) {
            SLOT.setOpaque(slots, i, pending[i]);
        }
        version.setRelease(v + 2);
    }

    /**
     * Publishes the stream stopped, then records why (allocates: it is no longer real time
     * then). In that order, a reader that sees the failure and then {@link #read}s sees the
     * stream stopped too.
     */
    void fail(String reason) {
        pending[RUNNING] = 0;
        publish();
        failure = reason;
    }

    String failure() {
        return failure;
    }

    /** A consistent copy of the published counters; spins only while a publish is under way. */
    long[] read() {
        long[] copy = new long[SLOTS];
        while (true) {
            long before = version.getAcquire();
            if ((before & 1) == 0) {
                for (int i = 0; i < SLOTS; i++) {
                    copy[i] = (long) SLOT.getOpaque(slots, i);
                }
                VarHandle.loadLoadFence();
                if (version.getOpaque() == before) {
                    return copy;
                }
            }
            Thread.onSpinWait();
        }
    }
}
