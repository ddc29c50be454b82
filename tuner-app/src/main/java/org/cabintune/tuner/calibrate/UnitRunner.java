package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cabintune.hu.HeadUnitCli;

/** Starts a head unit ({@code cabintune-hu} with its arguments) for the demo, and stops it. */
public interface UnitRunner {

    /** Runs {@code cabintune-hu args...}; what it prints goes to {@code log}. */
    Running start(List<String> args, Path log) throws IOException;

    /** A unit started by a runner. */
    interface Running extends AutoCloseable {

        /** Whether it still runs. */
        boolean alive();

        /** Stops it as SIGTERM does (speaker-safe) and waits for it. */
        @Override
        void close() throws IOException;
    }

    /** The unit as its own process, through the {@code cabintune-hu} launcher in {@code home}. */
    static UnitRunner process(Path home) {
        return (args, log) -> {
            Path launcher = home.resolve("cabintune-hu");
            if (!Files.isExecutable(launcher)) {
                throw new IOException(launcher + " is not there or not executable; run the demo from a CabinTune checkout");
            }
            List<String> command = new ArrayList<>();
            command.add(launcher.toString());
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Running() {
                @Override
                public boolean alive() {
                    return p.isAlive();
                }

                @Override
                public void close() throws IOException {
                    p.destroy();
                    try {
                        if (!p.waitFor(20, TimeUnit.SECONDS)) {
                            p.destroyForcibly();
                            p.waitFor(5, TimeUnit.SECONDS);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        p.destroyForcibly();
                    }
                }
            };
        };
    }

    /** The unit on a thread of this process (tests): stopped by interrupting it. */
    static UnitRunner inProcess() {
        return (args, log) -> {
            Thread t = new Thread(() -> HeadUnitCli.commandLine().execute(args.toArray(String[]::new)), "head-unit");
            t.setDaemon(true);
            t.start();
            return new Running() {
                @Override
                public boolean alive() {
                    return t.isAlive();
                }

                @Override
                public void close() throws IOException {
                    t.interrupt();
                    try {
                        t.join(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        };
    }
}
