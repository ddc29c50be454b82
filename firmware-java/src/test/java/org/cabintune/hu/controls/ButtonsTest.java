package org.cabintune.hu.controls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The profile buttons and the encoder's push switch, on Pi4J's mock digital inputs. */
class ButtonsTest extends OnDacPlusBoard {

    /** A press whose contacts bounce for 4 ms on the way down and on the way up. */
    private void bouncyPress(String button, double heldMs) {
        for (int i = 0; i < 4; i++) {
            rig.set(button, i % 2 == 1, 1);
        }
        rig.set(button, false, heldMs);
        for (int i = 0; i < 4; i++) {
            rig.set(button, i % 2 == 0, 1);
        }
        rig.set(button, true, 100);
    }

    @ParameterizedTest
    @CsvSource({"profile-next, next", "profile-previous, previous"})
    void aBouncyShortPressStepsTheProfileOnceOnRelease(String button, String action) {
        double start = rig.clock.nowMs();
        bouncyPress(button, 150);
        // Released at start + 4 + 150 + 4 ms; the level holds from then for the debounce time.
        assertEquals(List.of(new ControlsRig.Event(start + 158 + Button.DEBOUNCE_MS, action)), rig.actions());
    }

    @Test
    void bounceShorterThanTheDebounceTimeDoesNothing() {
        rig.set(Controls.PROFILE_NEXT, false, 1);
        rig.set(Controls.PROFILE_NEXT, true, 1);
        rig.set(Controls.PROFILE_NEXT, false, Button.DEBOUNCE_MS - 1);
        rig.set(Controls.PROFILE_NEXT, true, 500);
        assertEquals(List.of(), rig.actions());
    }

    @Test
    void aLongPressOnTheEncoderPushTogglesMuteOnceWhileHeld() {
        double start = rig.clock.nowMs();
        rig.set(Controls.ENCODER_PUSH, false, 2000);
        assertEquals(List.of(new ControlsRig.Event(start + Button.DEBOUNCE_MS + Button.LONG_PRESS_MS, "toggle mute")),
                rig.actions());
        rig.set(Controls.ENCODER_PUSH, true, 100);
        assertEquals(1, rig.actions().size(), "the release after a long press does nothing");
        bouncyPress(Controls.ENCODER_PUSH, 1500);
        assertEquals(2, rig.events("toggle mute").size(), "a second long press unmutes");
    }

    @Test
    void aShortPushOnTheKnobDoesNothing() {
        bouncyPress(Controls.ENCODER_PUSH, Button.LONG_PRESS_MS - 50);
        assertEquals(List.of(), rig.actions());
    }

    @Test
    void aLongPressOnAProfileButtonSelectsNothing() {
        bouncyPress(Controls.PROFILE_NEXT, 1500);
        assertEquals(List.of(), rig.actions());
    }

    @Test
    void pressesInQuickSuccessionEachCount() {
        for (int i = 0; i < 3; i++) {
            rig.set(Controls.PROFILE_NEXT, false, 60);
            rig.set(Controls.PROFILE_NEXT, true, 60);
        }
        assertEquals(3, rig.events("next").size(), rig.actions().toString());
    }

    @Test
    void aButtonHeldWhileTheControlsStartIsIgnoredUntilReleased() throws Exception {
        try (ControlsRig held = new ControlsRig("rpi4-hifiberry-dacplus")) {
            // Pi4J's mock inputs start low: every button reads pressed.
            held.set(Controls.PROFILE_PREVIOUS, true, 100);
            assertEquals(List.of(), held.events("previous"));
            held.set(Controls.PROFILE_PREVIOUS, false, 100);
            held.set(Controls.PROFILE_PREVIOUS, true, 100);
            assertEquals(1, held.events("previous").size());
        }
    }
}
