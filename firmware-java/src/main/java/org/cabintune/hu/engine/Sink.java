package org.cabintune.hu.engine;

import java.io.IOException;

/**
 * Where processed blocks go: ALSA playback, a WAV file, or a null device paced at real time.
 * The sink sets the pace of the engine: {@link #write} returns when the device has room for
 * the next period, so the engine's deadline for a period is one period after the previous
 * write returned.
 */
public interface Sink extends AutoCloseable {

    /** Channels taken per frame (the DAC's channels). */
    int channels();

    /**
     * Takes {@code block[c][0..frames)} for every channel c, waiting until the device has room
     * for it. Audio thread; allocates nothing.
     */
    void write(int[][] block, int frames) throws IOException;

    /**
     * When the next block must be written, on the {@link System#nanoTime()} scale, for sinks
     * that keep the device clock themselves; 0 when the device does not say, and the engine
     * then takes the moment the last write returned plus one period.
     */
    default long nextDeadlineNanos() {
        return 0;
    }

    /** Underruns: periods the device ran dry waiting for (counted on the writing thread). */
    default long xruns() {
        return 0;
    }

    /** Plays out what is queued and releases the device; called once, after the audio thread stopped. */
    @Override
    default void close() throws IOException {
    }
}
