package org.cabintune.hu.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * A device clock in software, modelled on an ALSA playback buffer of {@code periods} periods:
 * the device starts playing at the first block and plays {@code sampleRate} frames per second
 * from then on; {@link #await} parks the writer until the buffer has room for the block, as a
 * blocking {@code snd_pcm_writei} does. A block is due when the device would otherwise run
 * dry, that is when everything written before it has played. A block handed over after that
 * moment is an underrun: it is counted, its lateness is measured, and the clock restarts from
 * it, as ALSA's recovery does.
 *
 * <p>With {@code periods} = 2 (one period playing, one queued) a writer that wakes when room
 * appears has exactly one period to produce the next block; each further period adds one
 * period of slack and one of latency.
 */
final class Pacer {

    private static final long NANOS = 1_000_000_000L;

    private final int sampleRate;
    private final int periods;
    private long capacity;
    private long origin;
    private boolean started;
    private long written;
    private long underruns;
    private long maxLatenessNanos;

    Pacer(int sampleRate, int periods) {
        Checks.periods(periods);
        this.sampleRate = sampleRate;
        this.periods = periods;
    }

    /** Waits until the buffer has room for a block of {@code blockFrames} frames. */
    void await(int blockFrames) {
        long now = System.nanoTime();
        if (!started) {
            started = true;
            origin = now;
            capacity = (long) periods * blockFrames;
        } else {
            // Branch-free on lateness, as the engine's miss count is: a branch first taken at an
            // underrun would deoptimise the compiled period mid-stream, and deoptimisation
            // reallocates on this thread what escape analysis had removed.
            long late = now - (origin + nanos(written));
            long isLate = -late >>> 63;
            underruns += isLate;
            maxLatenessNanos = Math.max(maxLatenessNanos, late * isLate);
            origin += late * isLate;
            // A late block finds the room already there: it parks for the shortest time (a park
            // of 0 would take a branch inside parkNanos that blocks on time never take) and the
            // loop ends, through the same instructions as a block on time.
            long room = origin + nanos(Math.max(0, written + blockFrames - capacity));
            long left;
            do {
                left = room - System.nanoTime();
                LockSupport.parkNanos(Math.max(left, 1));
            } while (room - System.nanoTime() > 0);
        }
        written += blockFrames;
    }

    /** When the next block is due: {@link System#nanoTime()} scale, or 0 before the first block. */
    long nextDue() {
        return started ? origin + nanos(written) : 0;
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
