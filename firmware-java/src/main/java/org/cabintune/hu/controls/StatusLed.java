package org.cabintune.hu.controls;

import com.pi4j.io.gpio.digital.DigitalOutput;

/**
 * The status LED (driven high = lit) blinking the pattern of the head unit's {@link UnitState}.
 * Runs on the control thread; a new state restarts the pattern at its first "on".
 */
final class StatusLed {

    private final DigitalOutput led;
    private final ControlClock clock;
    private UnitState state;
    private int generation;

    StatusLed(DigitalOutput led, ControlClock clock) {
        this.led = led;
        this.clock = clock;
    }

    void show(UnitState next) {
        if (next == state) {
            return;
        }
        state = next;
        phase(++generation, 0);
    }

    /** Dark, and no pattern running. */
    void off() {
        state = null;
        generation++;
        led.low();
    }

    UnitState state() {
        return state;
    }

    private void phase(int forGeneration, int step) {
        if (forGeneration != generation) {
            return;
        }
        int phase = state.phases() == 0 ? 0 : step % state.phases();
        if (state.phases() == 0 || phase % 2 == 0) {
            led.high();
        } else {
            led.low();
        }
        if (state.phases() > 0) {
            clock.schedule(ControlClock.ms(state.phaseMs(phase)), () -> phase(forGeneration, phase + 1));
        }
    }
}
