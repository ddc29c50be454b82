package org.cabintune.tuner.ui.unit;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The view models' threads for tests: Swing's event dispatch thread (which runs without a
 * screen) as under the window, so the panels can be painted from the same models; a test waits
 * for the state it expects.
 */
final class UiThread implements AutoCloseable {

    final ModelThreads threads = ModelThreads.swing();

    /** The longest a test waits for one step (a measurement on a busy machine). */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * Waits until the state satisfies {@code condition}; fails with the state it ended in, at
     * once when the model reports an error the condition does not expect.
     */
    static <S> S await(ModelState<S> state, Function<S, Status> status, Predicate<S> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            S s = state.get();
            if (condition.test(s)) {
                return s;
            }
            if (status.apply(s).error() != null && !status.apply(s).isBusy() || System.nanoTime() > deadline) {
                throw new AssertionError("waiting for " + what + ", the state is " + s);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
