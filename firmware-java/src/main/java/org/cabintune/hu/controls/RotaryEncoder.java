package org.cabintune.hu.controls;

import java.util.function.DoubleConsumer;

/**
 * The volume knob: a mechanical quadrature encoder with detents, pins A and B wired to ground
 * through its contacts with the pins' pull-ups on, so it rests at A = B = high between detents.
 * Runs on the control thread.
 *
 * <p>Decoding follows the Gray-code state table: each valid change of (A, B) is a quarter step
 * forward or back, a change of both at once (a missed edge) counts nothing, and a detent is
 * counted when the encoder comes back to rest at least half a cycle away from where it left it.
 * Contact bounce toggles one pin back and forth, which adds and takes away the same quarter
 * steps, so it needs no timed debounce. A falls before B (A leads) turns the volume up; wired
 * the other way round, swap {@code a} and {@code b} in the board file. Each detent changes the
 * volume by {@link VolumeCurve}'s step for the time since the previous one.
 */
final class RotaryEncoder {

    /** Quarter steps for (old state << 2 | new state), state = A << 1 | B. */
    private static final int[] QUARTER = {0, -1, 1, 0, 1, 0, 0, -1, -1, 0, 0, 1, 0, 1, -1, 0};
    private static final int REST = 3;

    private final DoubleConsumer changeVolume;
    private int state;
    private int quarters;
    private boolean synced;
    private int lastDirection;
    private long lastDetentNanos;

    RotaryEncoder(boolean aHigh, boolean bHigh, DoubleConsumer changeVolume) {
        this.changeVolume = changeVolume;
        this.state = (aHigh ? 2 : 0) | (bHigh ? 1 : 0);
        // Parked between detents at start: the first return to rest only synchronises.
        this.synced = state == REST;
    }

    /** A level change on pin A ({@code pinA}) or B, seen at {@code nanos}. */
    void edge(boolean pinA, boolean high, long nanos) {
        int bit = pinA ? 2 : 1;
        int next = high ? state | bit : state & ~bit;
        if (next == state) {
            return;
        }
        quarters += QUARTER[state << 2 | next];
        state = next;
        if (state != REST) {
            return;
        }
        if (synced && Math.abs(quarters) >= 2) {
            detent(quarters > 0 ? 1 : -1, nanos);
        }
        synced = true;
        quarters = 0;
    }

    private void detent(int direction, long nanos) {
        long interval = direction == lastDirection ? nanos - lastDetentNanos : Long.MAX_VALUE;
        lastDirection = direction;
        lastDetentNanos = nanos;
        changeVolume.accept(direction * VolumeCurve.stepDb(interval));
    }
}
