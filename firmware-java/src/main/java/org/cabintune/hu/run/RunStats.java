package org.cabintune.hu.run;

import org.cabintune.hu.engine.EngineStats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code run} reports when it ends: the stats JSON ({@code --stats-json}) and the one-line
 * summary. The JSON's field names are a contract (scripts and tests read them).
 *
 * @param board          the board's id
 * @param profile        the profile's name
 * @param profilePath    the profile file
 * @param source         what played
 * @param sink           where it went
 * @param stats          the engine's counters at the end
 * @param allocatedBytes bytes the audio thread allocated from its first period to the end
 * @param schedulingNote why real-time scheduling was not had, or null
 * @param notes          what the compiler said about the profile
 * @param gcPauses       the collector's pauses during the stream, -1 when not watched
 * @param gcPauseMillisMax the longest of them, ms (NaN when not watched)
 */
record RunStats(String board, String profile, String profilePath, String source, String sink, EngineStats stats,
                long allocatedBytes, String schedulingNote, List<String> notes, long gcPauses, double gcPauseMillisMax) {

    /** The JSON document, fields in a fixed order. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("board", board);
        m.put("profile", profile);
        m.put("profilePath", profilePath);
        m.put("source", source);
        m.put("sink", sink);
        m.put("sampleRate", stats.sampleRate());
        m.put("periodFrames", stats.periodFrames());
        m.put("periodsProcessed", stats.periods());
        m.put("framesProcessed", stats.framesProcessed());
        m.put("seconds", stats.framesProcessed() / (double) stats.sampleRate());
        m.put("xruns", stats.xruns());
        m.put("deadlineMisses", stats.deadlineMisses());
        m.put("dspLoadMean", stats.dspLoadMean());
        m.put("dspLoadMax", stats.dspLoadMax());
        m.put("minSlackMicros", stats.minSlackNanos() == Long.MAX_VALUE ? null : stats.minSlackNanos() / 1000.0);
        // A percentile is its bucket's middle, which may lie above the longest period itself.
        double maxNanos = stats.dspLoadMax() * stats.periodNanos();
        m.put("blockMicrosP50", micros(Math.min(stats.blockNanosP50(), maxNanos)));
        m.put("blockMicrosP99", micros(Math.min(stats.blockNanosP99(), maxNanos)));
        m.put("blockMicrosP9999", micros(Math.min(stats.blockNanosP9999(), maxNanos)));
        m.put("blockMicrosMax", stats.periods() == 0 ? null : maxNanos / 1000);
        m.put("gcPauses", gcPauses < 0 ? null : gcPauses);
        m.put("gcPauseMillisMax", Double.isNaN(gcPauseMillisMax) ? null : gcPauseMillisMax);
        m.put("audioThreadAllocatedBytes", allocatedBytes);
        m.put("allocatedBytesPerPeriod", allocatedBytes < 0 || stats.periods() == 0 ? null
                : allocatedBytes / (double) stats.periods());
        m.put("controlsApplied", stats.controlsApplied());
        m.put("realtimePriority", stats.realtimePriority());
        m.put("schedulingNote", schedulingNote);
        m.put("failure", stats.failure());
        m.put("notes", notes);
        return m;
    }

    private static Double micros(double nanos) {
        return Double.isNaN(nanos) ? null : nanos / 1000;
    }

    /** Writes the JSON atomically: a reader never sees half a file. */
    void write(Path file) throws IOException {
        JsonFiles.write(file, json());
    }

    /** One line for the terminal. */
    String summary() {
        return String.format("run: %.1f s on %s (%s, %s -> %s): %d frames in %d periods of %d at %d Hz,"
                        + " DSP load mean %.1f%% max %.1f%%, %d deadline misses, %d xruns%s",
                stats.framesProcessed() / (double) stats.sampleRate(), board, profile, source, sink,
                stats.framesProcessed(), stats.periods(), stats.periodFrames(), stats.sampleRate(),
                100 * stats.dspLoadMean(), 100 * stats.dspLoadMax(), stats.deadlineMisses(), stats.xruns(),
                stats.failure() == null ? "" : "; stopped: " + stats.failure());
    }
}
