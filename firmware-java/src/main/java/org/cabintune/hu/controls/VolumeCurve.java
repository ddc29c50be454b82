package org.cabintune.hu.controls;

/**
 * The knob's acceleration: the faster it turns, the bigger each detent's volume step.
 *
 * <pre>
 *   step = 0.5 dB x clamp(floor(120 ms / interval), 1, 8)
 * </pre>
 *
 * where {@code interval} is the time since the previous detent in the same direction. Turned
 * slowly (a detent every 120 ms or more, fewer than ~8 a second) each detent is 0.5 dB, for fine
 * setting; 60 ms gives 1 dB, 40 ms 1.5 dB, 30 ms 2 dB, 20 ms 3 dB, and 15 ms or less (a fast spin)
 * 4 dB. The first detent after a pause or a change of direction is always 0.5 dB, so a reversal
 * to correct an overshoot is fine again. A 20-detent knob spun through one turn in 0.3 s moves
 * 80 dB, the whole range; turned slowly through one turn, 10 dB.
 */
final class VolumeCurve {

    /** The step of a slow detent, dB. */
    static final double BASE_STEP_DB = 0.5;
    /** Intervals at or above this are slow, ms. */
    static final long SLOW_INTERVAL_MS = 120;
    /** The largest multiple of the base step. */
    static final int MAX_MULTIPLIER = 8;

    private VolumeCurve() {
    }

    /**
     * The step of one detent, dB (positive), for the time since the previous detent in the same
     * direction; {@code Long.MAX_VALUE} for none.
     */
    static double stepDb(long intervalNanos) {
        if (intervalNanos <= 0) {
            return BASE_STEP_DB * MAX_MULTIPLIER;
        }
        long multiplier = ControlClock.ms(SLOW_INTERVAL_MS) / intervalNanos;
        return BASE_STEP_DB * Math.clamp(multiplier, 1, MAX_MULTIPLIER);
    }
}
