package org.cabintune.tuner.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;

/**
 * Long operations off the event thread, one at a time in the order asked: each shows its progress on
 * the status bar with a Cancel button, hands its result to the event thread, and turns a failure into
 * a readable error. Cancelling stops a job at its next {@link Progress#step}; its result is then dropped.
 * Called on the event thread only.
 */
public final class Tasks {

    private final StatusBar bar;
    private final Consumer<String> status;
    private final ErrorSink errors;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cabintune-gui-worker");
        t.setDaemon(true);
        return t;
    });
    private final List<Runnable> whenIdle = new ArrayList<>();
    private int pending;
    private volatile Task<?> current;

    /** Where failures go. */
    interface ErrorSink {
        void error(String what, Throwable e);
    }

    Tasks(StatusBar bar, Consumer<String> status, ErrorSink errors) {
        this.bar = bar;
        this.status = status;
        this.errors = errors;
        bar.cancelButton().addActionListener(e -> cancel());
    }

    /** Runs {@code job} (titled {@code what} on the status bar), then {@code done} with its result on the event thread. */
    public <T> void run(String what, Job<T> job, Consumer<T> done) {
        pending++;
        worker.execute(new Task<>(what, job, done));
    }

    /** Cancels the job running now, if any. */
    public void cancel() {
        Task<?> t = current;
        if (t != null) {
            t.cancelled = true;
        }
    }

    /** Whether no job runs or waits. */
    public boolean idle() {
        return pending == 0;
    }

    /** Runs {@code r} on the event thread once no job runs or waits (at once when idle). */
    public void whenIdle(Runnable r) {
        if (idle()) {
            r.run();
        } else {
            whenIdle.add(r);
        }
    }

    private final class Task<T> extends SwingWorker<T, Object> implements Progress {

        private final String what;
        private final Job<T> job;
        private final Consumer<T> done;
        private volatile boolean cancelled;

        Task(String what, Job<T> job, Consumer<T> done) {
            this.what = what;
            this.job = job;
            this.done = done;
        }

        @Override
        protected T doInBackground() throws Exception {
            current = this;
            step("", Double.NaN);
            try {
                return job.run(this);
            } finally {
                current = null;
            }
        }

        @Override
        public void step(String detail, double fraction) {
            if (cancelled) {
                throw new CancellationException(what + " cancelled");
            }
            String text = detail.isEmpty() ? what : what + ": " + detail;
            SwingUtilities.invokeLater(() -> bar.working(text, fraction));
        }

        @Override
        protected void done() {
            try {
                T result = get();
                if (cancelled) {
                    status.accept(what + " cancelled");
                } else {
                    done.accept(result);
                }
            } catch (CancellationException e) {
                status.accept(what + " cancelled");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                if (cancelled || e.getCause() instanceof CancellationException) {
                    status.accept(what + " cancelled");
                } else {
                    errors.error(what, e);
                }
            } finally {
                pending--;
                if (pending == 0) {
                    bar.idle();
                    List<Runnable> run = List.copyOf(whenIdle);
                    whenIdle.clear();
                    run.forEach(Runnable::run);
                }
            }
        }
    }
}
