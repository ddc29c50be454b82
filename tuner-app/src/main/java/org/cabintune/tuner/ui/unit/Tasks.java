package org.cabintune.tuner.ui.unit;

import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A view model's background work, one piece at a time: the status says what runs, then how it
 * ended (its notice, or its failure in one sentence). A second piece asked for while one runs
 * is refused with a status saying what is still running.
 */
final class Tasks {

    /** A piece of work; returns the notice to show when it ends well (null for none). */
    @FunctionalInterface
    interface Work {
        String run() throws Exception;
    }

    private final ModelThreads threads;
    private final Consumer<UnaryOperator<Status>> status;
    private Future<?> running;
    /** True from start until the work's thread has really ended (a cancelled future is done before that). */
    private boolean active;
    private boolean cancelled;

    /** @param status changes the model's status */
    Tasks(ModelThreads threads, Consumer<UnaryOperator<Status>> status) {
        this.threads = threads;
        this.status = status;
    }

    /**
     * Starts {@code work} on a background thread unless something runs; false when it was refused.
     *
     * @param what        what it does, for the status ("Connecting to car-7 ...")
     * @param cancellable whether {@link #cancel} may stop it
     */
    synchronized boolean start(String what, boolean cancellable, Work work) {
        if (active) {
            status.accept(s -> new Status(s.busy(), s.cancellable(), "Wait until " + lower(s.busy()) + " ends.", null));
            return false;
        }
        active = true;
        cancelled = false;
        status.accept(s -> Status.busy(what, cancellable));
        running = threads.work(() -> {
            Status end;
            try {
                String notice = work.run();
                end = notice == null ? Status.IDLE : Status.done(notice);
            } catch (Exception | LinkageError | AssertionError e) {
                end = Status.failed(Problems.readable(e));
            }
            finish(end, what);
        });
        return true;
    }

    /** Stops what runs (interrupting it), if anything does. */
    synchronized void cancel() {
        if (active) {
            cancelled = true;
            running.cancel(true);
        }
    }

    /** Whether something runs. */
    synchronized boolean busy() {
        return active;
    }

    /** Whether the work running now (or that ran last) was cancelled; work checks it between its steps. */
    synchronized boolean cancelled() {
        return cancelled;
    }

    private synchronized void finish(Status end, String what) {
        Status shown = cancelled ? Status.done("Stopped " + lower(what) + ".") : end;
        active = false;
        status.accept(s -> shown);
    }

    private static String lower(String what) {
        if (what == null || what.isEmpty()) {
            return "the current step";
        }
        String s = what.endsWith("...") ? what.substring(0, what.length() - 3) : what;
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
