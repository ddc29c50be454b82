package org.cabintune.hu.controls;

import java.util.PriorityQueue;

/**
 * A control clock the test moves by hand: tasks run on the test's thread, in order of their
 * due time (then of scheduling), when {@link #advanceMs} reaches them. Makes every timing of the
 * controls exact and a multi-second scenario take microseconds.
 */
final class ManualClock implements ControlClock {

    private record Due(long nanos, long order, Runnable task) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>((x, y) -> x.nanos != y.nanos
            ? Long.compare(x.nanos, y.nanos) : Long.compare(x.order, y.order));
    private long now;
    private long order;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void schedule(long delayNanos, Runnable task) {
        queue.add(new Due(now + Math.max(0, delayNanos), order++, task));
    }

    /** Moves time on by {@code ms} (0 runs what is due now), running every task due on the way. */
    void advanceMs(double ms) {
        long target = now + Math.round(ms * 1e6);
        while (!queue.isEmpty() && queue.peek().nanos <= target) {
            Due due = queue.poll();
            now = due.nanos;
            due.task.run();
        }
        now = target;
    }

    /** Now, in ms since the clock was made. */
    double nowMs() {
        return now / 1e6;
    }
}
