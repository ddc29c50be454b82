package org.cabintune.link.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cabintune.link.testing.ExternalProgram;

/**
 * A real pair of connected pseudo-terminals made by socat, as a null-modem cable between two
 * serial ports: {@code a} and {@code b} are symlinks to the two ptys. Stopping it closes both
 * ptys, as pulling the cable would; starting it again makes the same two paths.
 */
public final class Socat {

    private final Path a;
    private final Path b;
    private final ExternalProgram program = new ExternalProgram("socat");

    public Socat(Path dir) {
        this.a = dir.resolve("a");
        this.b = dir.resolve("b");
    }

    /** True when socat can be run here. */
    public static boolean available() {
        return ExternalProgram.available("socat", "-V");
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    /** Starts socat and waits until both ptys exist. */
    public Socat start() throws IOException, InterruptedException {
        program.start(new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD),
                () -> Files.exists(a) && Files.exists(b), Duration.ofSeconds(5));
        return this;
    }

    /** Stops socat: both ptys close, as when the cable is pulled. */
    public void stop() throws InterruptedException {
        program.stop();
    }

}
