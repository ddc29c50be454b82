package org.cabintune.tuner.loudness;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long measurement on standard error: for files over {@value #LONG_SECONDS} s of
 * audio, a self-overwriting line on a terminal (4 times a second), otherwise one line every
 * {@value #PLAIN_INTERVAL_SECONDS} s. Short files print nothing.
 */
final class Progress {

    /** Files shorter than this (in audio seconds) get no progress output. */
    static final double LONG_SECONDS = 30;
    static final int PLAIN_INTERVAL_SECONDS = 5;

    private final PrintWriter err;
    private final boolean enabled;
    private final boolean terminal;
    private final long intervalNanos;
    private String name;
    private long total;
    private int sampleRate;
    private long start;
    private long last;
    private boolean active;
    private boolean printed;

    /**
     * @param err      where progress goes
     * @param enabled  false for {@code --quiet}
     * @param terminal whether {@code err} is a terminal (then the line overwrites itself)
     */
    Progress(PrintWriter err, boolean enabled, boolean terminal) {
        this(err, enabled, terminal, terminal ? 250_000_000L : PLAIN_INTERVAL_SECONDS * 1_000_000_000L);
    }

    /** With an explicit interval between lines, for tests. */
    Progress(PrintWriter err, boolean enabled, boolean terminal, long intervalNanos) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = terminal;
        this.intervalNanos = intervalNanos;
    }

    /** A file starts: {@code frames} is -1 when the header did not say. */
    void start(String file, long frames, int rate) {
        name = file;
        total = frames;
        sampleRate = rate;
        start = System.nanoTime();
        last = start;
        // Unknown length: report once the file has proved long.
        active = enabled && (frames < 0 || frames > LONG_SECONDS * rate);
        printed = false;
    }

    /** {@code frames} have been measured so far. */
    void update(long frames) {
        if (!active || frames < LONG_SECONDS * sampleRate) {
            return;
        }
        long now = System.nanoTime();
        if (now - last < intervalNanos) {
            return;
        }
        last = now;
        double done = (double) frames / sampleRate;
        double speed = done / Math.max(1e-9, (now - start) / 1e9);
        String line = total > 0
                ? String.format(Locale.ROOT, "loudness: %s  %3.0f%%  %s of %s  %.0fx real time", name,
                        100.0 * frames / total, clock(done), clock((double) total / sampleRate), speed)
                : String.format(Locale.ROOT, "loudness: %s  %s  %.0fx real time", name, clock(done), speed);
        err.print(terminal ? "\r" + line + "\u001b[K" : line + System.lineSeparator());
        err.flush();
        printed = true;
    }

    /** The file is finished (or failed): ends a terminal line. */
    void done() {
        if (printed && terminal) {
            err.print("\r\u001b[K");
            err.flush();
        }
        printed = false;
        active = false;
    }

    private static String clock(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
