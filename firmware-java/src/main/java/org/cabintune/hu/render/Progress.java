package org.cabintune.hu.render;

import java.io.PrintStream;

/**
 * Progress of a long offline job on standard error: a self-overwriting line on a terminal,
 * a line every few seconds otherwise. Silent for jobs shorter than a second.
 */
final class Progress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final boolean quiet;
    private final long totalFrames;
    private final int sampleRate;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private boolean printed;

    Progress(PrintStream err, boolean quiet, long totalFrames, int sampleRate) {
        this.err = err;
        this.quiet = quiet;
        this.totalFrames = totalFrames;
        this.sampleRate = sampleRate;
    }

    void update(long frames) {
        long now = System.nanoTime();
        long interval = terminal ? INTERVAL_NANOS / 4 : 5 * INTERVAL_NANOS;
        if (quiet || now - lastPrint < interval) {
            return;
        }
        lastPrint = now;
        printed = true;
        double done = frames / (double) sampleRate;
        double speed = done / ((now - start) / 1e9);
        String line = totalFrames > 0
                ? String.format("rendering: %3.0f%%  %s of %s  %.0fx real time", 100.0 * frames / totalFrames,
                        clock(done), clock(totalFrames / (double) sampleRate), speed)
                : String.format("rendering: %s  %.0fx real time", clock(done), speed);
        err.print(terminal ? "\r" + line : line + System.lineSeparator());
        err.flush();
    }

    void done() {
        if (printed && terminal) {
            err.println();
        }
    }

    private static String clock(double seconds) {
        long s = (long) seconds;
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
