package org.cabintune.hu.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * A device clock in software: plays {@code sampleRate} frames per second from the first block
 * on and holds one block ahead, as a DAC with a one-period buffer would. {@link #await} parks
 * the writer until the block before has played; a block handed over after that moment found
 * the device already dry: it is counted as an underrun, its lateness is measured, and the
 * clock restarts from it (as ALSA does when it recovers an underrun).
 */
final class Pacer {

    private static final long NANOS = 1_000_000_000L;

    private final int sampleRate;
    private long origin;
    private boolean started;
    private long frames;
    private long underruns;
    private long maxLatenessNanos;

    Pacer(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** Waits for the slot of the next block, of {@code blockFrames} frames. */
    void await(int blockFrames) {
        long now = System.nanoTime();
        if (!started) {
            started = true;
            origin = now;
        } else {
            long due = origin + nanos(frames);
            long late = now - due;
            if (late > 0) {
                underruns++;
                maxLatenessNanos = Math.max(maxLatenessNanos, late);
                origin += late;
            } else {
                long left;
                while ((left = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                }
            }
        }
        frames += blockFrames;
    }

    /** When the next block is due: {@link System#nanoTime()} scale, or 0 before the first block. */
    long nextDue() {
        return started ? origin + nanos(frames) : 0;
    }

    long underruns() {
        return underruns;
    }

    long maxLatenessNanos() {
        return maxLatenessNanos;
    }

    /** Exact for any run length: whole seconds and the remainder apart, so nothing overflows. */
    private long nanos(long frameCount) {
        return frameCount / sampleRate * NANOS + frameCount % sampleRate * NANOS / sampleRate;
    }
}
