package org.cabintune.hu.run;

import jdk.jfr.consumer.RecordingStream;

import java.time.Duration;

/**
 * The collector's stop-the-world pauses during a run, from Flight Recorder's
 * {@code jdk.GCPhasePause} events (one per pause, nanosecond durations; a
 * {@code GarbageCollectorMXBean} counts collections and reports whole milliseconds, too
 * coarse for ZGC's pauses). The audio thread waits at each such pause. Events are consumed on
 * Flight Recorder's own thread; {@link #stop()} waits until all of them have been.
 */
final class GcPauses implements AutoCloseable {

    private final RecordingStream stream;
    private long count;
    private long maxNanos;
    private final String problem;

    private GcPauses(RecordingStream stream, String problem) {
        this.stream = stream;
        this.problem = problem;
    }

    /** Starts watching; without Flight Recorder the counts stay unknown. */
    static GcPauses start() {
        try {
            RecordingStream s = new RecordingStream();
            GcPauses pauses = new GcPauses(s, null);
            s.enable("jdk.GCPhasePause").withoutThreshold();
            s.onEvent("jdk.GCPhasePause", e -> pauses.add(e.getDuration()));
            s.startAsync();
            return pauses;
        } catch (RuntimeException | Error e) {
            return new GcPauses(null, "Flight Recorder is not available: " + e.getMessage());
        }
    }

    private synchronized void add(Duration pause) {
        count++;
        maxNanos = Math.max(maxNanos, pause.toNanos());
    }

    /** Stops watching once every recorded pause has been counted. */
    void stop() {
        if (stream != null) {
            try {
                stream.stop();
            } catch (IllegalStateException alreadyStopped) {
                // counted already
            }
        }
    }

    /** Pauses seen, or -1 when they could not be watched. */
    synchronized long count() {
        return stream == null ? -1 : count;
    }

    /** The longest pause in milliseconds, 0 when there was none, NaN when unknown. */
    synchronized double maxMillis() {
        return stream == null ? Double.NaN : maxNanos / 1e6;
    }

    /** Why pauses could not be watched, or null. */
    String problem() {
        return problem;
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
