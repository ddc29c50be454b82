package org.cabintune.hu.controls;

/**
 * Time and the one thread the controls run on. Every piece of control logic (debouncing, long
 * presses, the knob, the LED, the amplifier sequence) runs on that thread, so none of it needs a
 * lock; GPIO events arrive on Pi4J's threads, are stamped with {@link #nanoTime()} there and
 * handed over with {@link #execute}. {@link ExecutorClock} is the real one; tests drive a manual
 * clock so timing is exact and fast.
 */
public interface ControlClock {

    /** Monotonic time, ns. */
    long nanoTime();

    /** Runs {@code task} on the control thread once {@code delayNanos} (0 or more) have passed. */
    void schedule(long delayNanos, Runnable task);

    /** Runs {@code task} on the control thread as soon as it is free. */
    default void execute(Runnable task) {
        schedule(0, task);
    }

    /** Milliseconds as nanoseconds. */
    static long ms(long millis) {
        return millis * 1_000_000L;
    }
}
