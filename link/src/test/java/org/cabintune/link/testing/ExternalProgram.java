package org.cabintune.link.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real program a test runs beside it (socat, mosquitto): started, waited for until it is
 * ready, and stopped by its own process handle.
 */
public final class ExternalProgram {

    private final String name;
    private Process process;

    public ExternalProgram(String name) {
        this.name = name;
    }

    /** True when {@code command} runs here (any exit code: only that it starts). */
    public static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the program and waits until {@code ready}, or fails if it exits first or takes too long. */
    public void start(ProcessBuilder builder, BooleanSupplier ready, Duration timeout)
            throws IOException, InterruptedException {
        process = builder.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " was not ready within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    /** Stops the program (SIGTERM, then SIGKILL after 5 s). */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }
}
