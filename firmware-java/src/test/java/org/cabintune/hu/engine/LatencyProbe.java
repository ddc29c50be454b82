package org.cabintune.hu.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code latency-probe.py} beside a soak: an independent real-time process on the audio
 * thread's CPU that records when the CPU itself was unavailable. A deadline miss the engine
 * did not cause (a host taking the virtual CPU for milliseconds) shows there too; one it
 * caused, or a JVM pause, does not, because the probe preempts the audio thread and never
 * waits at a safepoint.
 */
final class LatencyProbe {

    /** A late wake of the probe: when it woke ({@link System#nanoTime()} scale) and how late. */
    record Stall(long atNanos, long lateNanos) {
    }

    /** What the probe saw. */
    record Report(boolean realtime, long wakes, long worstNanos, List<Stall> stalls) {
    }

    /** Lateness above which a wake counts as a stall of the CPU. */
    static final long THRESHOLD_NANOS = 300_000;

    private final Process process;
    private final BufferedReader out;

    private LatencyProbe(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (!"ready".equals(first)) {
            throw new IOException("the latency probe did not start: " + first);
        }
    }

    /** Starts the probe for {@code seconds} on {@code cpu}, or returns null when python3 is missing. */
    static LatencyProbe start(int cpu, int priority, double seconds) throws IOException {
        Path script = Files.createTempFile("latency-probe", ".py");
        script.toFile().deleteOnExit();
        try (InputStream in = LatencyProbe.class.getResourceAsStream("/latency-probe.py")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            return new LatencyProbe(new ProcessBuilder("python3", script.toString(), String.valueOf(cpu),
                    String.valueOf(priority), String.valueOf(seconds), String.valueOf(THRESHOLD_NANOS))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            return null;
        }
    }

    /** Waits for the probe to finish and reads what it saw. */
    Report finish() throws IOException, InterruptedException {
        String summary = out.readLine();
        List<Stall> stalls = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            String[] parts = line.split(" ");
            stalls.add(new Stall(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        }
        process.waitFor();
        if (summary == null) {
            throw new IOException("the latency probe printed nothing");
        }
        String[] fields = summary.split(" ");
        return new Report(fields[1].endsWith("1"), Long.parseLong(fields[2].substring(6)),
                Long.parseLong(fields[3].substring(6)), stalls);
    }

    /** True when a stall of the CPU ended within the window before {@code missNanos} in which it could have caused it. */
    static boolean explains(Report report, long missNanos, long periodNanos) {
        for (Stall s : report.stalls()) {
            if (s.atNanos() >= missNanos - s.lateNanos() - 3 * periodNanos && s.atNanos() <= missNanos + periodNanos) {
                return true;
            }
        }
        return false;
    }
}
