package org.cabintune.tuner.calibrate;

import java.io.PrintStream;

/**
 * Leaves the car quiet when the tuner is ended (Ctrl-C, a closed terminal): while a command plays
 * test signals on a unit, a shutdown hook stands ready to stop them and put back what played
 * before. A command that finishes, or fails, cleans up itself and closes the guard, which
 * removes the hook.
 */
public final class ExitGuard implements AutoCloseable {

    private final Thread hook;
    private boolean armed = true;

    private ExitGuard(Thread hook) {
        this.hook = hook;
    }

    /**
     * Arms {@code action} to run if the JVM shuts down before {@link #close}; what it is for is
     * said on {@code err} when it runs, and a failure of it is reported there too.
     */
    public static ExitGuard arm(String what, Runnable action, PrintStream err) {
        Thread hook = new Thread(() -> {
            err.println("interrupted: " + what);
            try {
                action.run();
            } catch (RuntimeException e) {
                err.println("could not " + what + ": " + e.getMessage());
            }
            err.flush();
        }, "cabintune-exit-guard");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ExitGuard(hook);
    }

    /** Whether the hook is still registered. */
    public boolean armed() {
        return armed;
    }

    @Override
    public void close() {
        if (armed) {
            armed = false;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook runs, as it should.
            }
        }
    }
}
