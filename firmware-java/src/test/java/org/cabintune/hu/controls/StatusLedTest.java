package org.cabintune.hu.controls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The status LED's blink codes, read from Pi4J's mock digital output. */
class StatusLedTest {

    /** The LED's changes over {@code ms} after showing {@code state}, as times from the start. */
    private static List<ControlsRig.Event> blink(ControlsRig rig, UnitState state, double ms) {
        rig.controls.showState(state);
        rig.events.clear();
        double t0 = rig.clock.nowMs();
        rig.clock.advanceMs(ms);
        return rig.events(Controls.STATUS_LED).stream()
                .map(e -> new ControlsRig.Event(e.ms() - t0, e.what())).toList();
    }

    /** The changes a pattern makes in {@code ms}, starting "on" at 0 from {@code litBefore}. */
    private static List<ControlsRig.Event> expected(UnitState state, double ms, boolean litBefore) {
        List<ControlsRig.Event> changes = new ArrayList<>();
        if (!litBefore) {
            changes.add(new ControlsRig.Event(0, "status-led high"));
        }
        int[] pattern = state.patternMs();
        double t = 0;
        for (int i = 0; pattern.length > 0 && t + pattern[i % pattern.length] <= ms; i++) {
            t += pattern[i % pattern.length];
            changes.add(new ControlsRig.Event(t, i % 2 == 0 ? "status-led low" : "status-led high"));
        }
        return changes;
    }

    @Test
    void bootingFlickersFromTheMomentTheControlsOpen() throws Exception {
        try (ControlsRig rig = new ControlsRig("rpi4-hifiberry-dacplus")) {
            rig.clock.advanceMs(1000);
            assertEquals(expected(UnitState.BOOTING, 1000, false), rig.events(Controls.STATUS_LED));
        }
    }

    @ParameterizedTest
    @EnumSource(value = UnitState.class, names = {"PLAYING", "MUTED", "FAULT"})
    void eachStateBlinksItsOwnPattern(UnitState state) throws Exception {
        try (ControlsRig rig = ControlsRig.open("rpi4-hifiberry-dacplus")) {
            rig.controls.showState(UnitState.PLAYING);
            rig.clock.advanceMs(0);
            List<ControlsRig.Event> seen = blink(rig, state, 3200);
            assertEquals(expected(state, 3200, true), seen);
        }
    }

    @Test
    void thePatternsAreDistinct() {
        List<List<Integer>> patterns = new ArrayList<>();
        for (UnitState s : UnitState.values()) {
            List<Integer> p = new ArrayList<>();
            for (int ms : s.patternMs()) {
                p.add(ms);
            }
            assertFalse(patterns.contains(p), s + " repeats another state's pattern");
            patterns.add(p);
        }
    }

    @Test
    void aFaultStaysShownAndTheLedGoesDarkOnClose() throws Exception {
        try (ControlsRig rig = ControlsRig.open("rpi4-hifiberry-dacplus")) {
            rig.controls.fault("I2C mute could not unmute: test");
            rig.controls.showState(UnitState.PLAYING);
            // The LED is dark at this moment of the booting flicker; the fault lights it at once.
            List<ControlsRig.Event> seen = blink(rig, UnitState.PLAYING, 3000);
            assertEquals(expected(UnitState.FAULT, 3000, false), seen);
            assertEquals(List.of("I2C mute could not unmute: test"), rig.warnings);
            rig.controls.close();
            rig.clock.advanceMs(5000);
            assertFalse(rig.high(Controls.STATUS_LED));
        }
    }
}
