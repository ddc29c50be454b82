package org.cabintune.hu.controls;

/**
 * One push button, wired from its GPIO pin to ground with the pin's pull-up on: pressed reads
 * low. Runs on the control thread.
 *
 * <p><b>Debouncing.</b> A level counts once it has held, unchanged, for {@link #DEBOUNCE_MS}:
 * every edge restarts that wait, so contact bounce (edges a millisecond or two apart) never
 * reaches the actions. <b>Short press</b>: released before {@link #LONG_PRESS_MS}; its action
 * runs on release. <b>Long press</b>: held for {@link #LONG_PRESS_MS}; its action runs then,
 * while still held, and the release that follows does nothing. A button held while the head unit
 * starts does nothing until it has been released once.
 */
final class Button {

    /** How long a level must hold to count, ms. Switch bounce lasts 1-5 ms; a deliberate tap 50 ms or more. */
    static final long DEBOUNCE_MS = 20;
    /** How long a press lasts to be a long press, ms, from the debounced press. */
    static final long LONG_PRESS_MS = 800;

    private final ControlClock clock;
    private final Runnable onShort;
    private final Runnable onLong;
    private boolean rawHigh;
    private boolean pressed;
    private boolean armed;
    private boolean longDone;
    private int edgeGeneration;
    private int pressGeneration;

    /**
     * @param initialHigh the pin's level when the button is set up
     * @param onShort     the short press's action, or null for none
     * @param onLong      the long press's action, or null for none
     */
    Button(ControlClock clock, boolean initialHigh, Runnable onShort, Runnable onLong) {
        this.clock = clock;
        this.onShort = onShort;
        this.onLong = onLong;
        this.rawHigh = initialHigh;
        this.pressed = !initialHigh;
        this.armed = initialHigh;
    }

    /** A level change seen on the pin. */
    void edge(boolean high) {
        rawHigh = high;
        int generation = ++edgeGeneration;
        clock.schedule(ControlClock.ms(DEBOUNCE_MS), () -> settle(generation));
    }

    private void settle(int generation) {
        boolean nowPressed = !rawHigh;
        if (generation != edgeGeneration || nowPressed == pressed) {
            return;
        }
        pressed = nowPressed;
        int press = ++pressGeneration;
        if (pressed) {
            longDone = false;
            clock.schedule(ControlClock.ms(LONG_PRESS_MS), () -> heldLong(press));
        } else if (!armed) {
            armed = true;
        } else if (!longDone && onShort != null) {
            onShort.run();
        }
    }

    private void heldLong(int press) {
        if (press != pressGeneration || !pressed || !armed) {
            return;
        }
        longDone = true;
        if (onLong != null) {
            onLong.run();
        }
    }

    /** True while the debounced button is down. */
    boolean pressed() {
        return pressed;
    }
}
