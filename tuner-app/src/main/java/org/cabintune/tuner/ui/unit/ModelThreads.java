package org.cabintune.tuner.ui.unit;

import java.awt.EventQueue;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the view models run: blocking work (the link, measurements) on background threads,
 * and every change a view must see on the UI thread ({@link #swing()}: Swing's event dispatch
 * thread). The models never block the UI thread and never touch a component.
 */
public final class ModelThreads implements AutoCloseable {

    private final Executor ui;
    private final ExecutorService work;
    private final ScheduledExecutorService timer;

    /** @param ui runs what the views must see, in order (the event dispatch thread, or a test's thread) */
    public ModelThreads(Executor ui) {
        this.ui = ui;
        this.work = Executors.newCachedThreadPool(daemons("cabintune-unit-work"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("cabintune-unit-timer"));
    }

    /** Changes shown on Swing's event dispatch thread. */
    public static ModelThreads swing() {
        return new ModelThreads(EventQueue::invokeLater);
    }

    /** Runs {@code change} on the UI thread. */
    void ui(Runnable change) {
        ui.execute(change);
    }

    /** Runs {@code task} on a background thread; cancelling the future interrupts it. */
    Future<?> work(Runnable task) {
        return work.submit(task);
    }

    /** Runs {@code task} every {@code period} on the timer thread, which must never block. */
    ScheduledFuture<?> every(Duration period, Runnable task) {
        return timer.scheduleAtFixedRate(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        work.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
