package org.cabintune.tuner.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A virtual X display (Xvfb) for tests of real windows. The tests' own JVM is headless
 * ({@code java.awt.headless=true}, for painting panels without a screen), so a window opens in a
 * child JVM on this display, with the tests' class path. Where Xvfb is not installed, starting
 * one skips the test, saying why.
 */
public final class Xvfb implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/Xvfb");

    private final Process process;
    private final String display;

    private Xvfb(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** A display of 1600 x 1000, 24-bit; the test is skipped where Xvfb is not installed. */
    public static Xvfb start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "Xvfb is not installed (apt-get install xvfb): GUI tests skipped");
        Process p = new ProcessBuilder(BINARY.toString(), "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String number = lines.readLine();
        assertTrue(number != null && number.strip().matches("[0-9]+"), "Xvfb did not say its display: " + number);
        return new Xvfb(p, ":" + number.strip());
    }

    /** The display's name, for {@code DISPLAY}. */
    public String display() {
        return display;
    }

    /**
     * A child JVM running {@code main} with the tests' class path, its output (both streams) into
     * {@code log}.
     *
     * @param display the display it opens windows on, or null for none
     * @param options the JVM's options before the class path (memory, compiler, properties)
     */
    public static Process java(String display, Path log, List<String> options, String main, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().remove("DISPLAY");
        if (display != null) {
            b.environment().put("DISPLAY", display);
        }
        return b.start();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
