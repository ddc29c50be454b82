package org.cabintune.hu.controls;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The controls' real clock: {@link System#nanoTime()} and one daemon thread,
 * {@code cabintune-controls}. A task that throws is reported to {@code failures} (the head unit
 * shows a fault) instead of vanishing into the executor.
 */
public final class ExecutorClock implements ControlClock, AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;
    private final Consumer<Throwable> failures;

    public ExecutorClock(Consumer<Throwable> failures) {
        this.failures = failures;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cabintune-controls");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void schedule(long delayNanos, Runnable task) {
        if (executor.isShutdown()) {
            return;
        }
        executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                failures.accept(e);
            }
        }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Stops the thread; tasks still pending are dropped. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(1, TimeUnit.SECONDS);
    }
}
