package org.cabintune.link.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real pair of connected pseudo-terminals made by socat, as a null-modem cable between two
 * serial ports: {@code a} and {@code b} are symlinks to the two ptys. Stopping it closes both
 * ptys, as pulling the cable would; starting it again makes the same two paths.
 */
final class Socat implements AutoCloseable {

    private final Path a;
    private final Path b;
    private Process process;

    Socat(Path dir) {
        this.a = dir.resolve("a");
        this.b = dir.resolve("b");
    }

    /** True when socat can be run here. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("socat", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path a() {
        return a;
    }

    Path b() {
        return b;
    }

    /** Starts socat and waits until both ptys exist. */
    Socat start() throws IOException, InterruptedException {
        process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!(Files.exists(a) && Files.exists(b))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IOException("socat did not make its ptys within 5 s");
            }
            Thread.sleep(10);
        }
        return this;
    }

    /** Stops socat: both ptys close, as when the cable is pulled. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
