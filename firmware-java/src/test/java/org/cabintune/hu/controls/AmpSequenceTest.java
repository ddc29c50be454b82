package org.cabintune.hu.controls;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The amplifier and DAC mute around the stream's start and stop, on Pi4J's mock digital
 * outputs and mock I2C device, in the speaker-safe order with the documented waits.
 */
class AmpSequenceTest {

    private static final int MUTE_REGISTER = 3;
    private static final double DAC_SETTLE = AmpTiming.DAC_SETTLE_MS;
    private static final double AMP_SETTLE = AmpTiming.AMP_SETTLE_MS;
    private static final double AMP_OFF = AmpTiming.AMP_OFF_MS;
    /** 10 ms ramp + 4 periods of 128 frames at 48 kHz (10.7 ms), rounded up, + 5 ms. */
    private static final double SILENT = 26;

    private static List<ControlsRig.Event> sequence(ControlsRig rig) {
        return rig.events.stream().filter(e -> !e.what().startsWith(Controls.STATUS_LED)).toList();
    }

    private static ControlsRig.Event at(double ms, String what) {
        return new ControlsRig.Event(ms, what);
    }

    /** The start sequence from {@code t0}: amplifier on, then its mute and the output released. */
    private static List<ControlsRig.Event> started(double t0) {
        return List.of(at(t0 + DAC_SETTLE, "amp-enable high"), at(t0 + DAC_SETTLE + AMP_SETTLE, "amp-mute low"),
                at(t0 + DAC_SETTLE + AMP_SETTLE, "release"));
    }

    @Test
    void theSilenceWaitCoversTheRampAndTheDeviceBuffer() {
        assertEquals(SILENT * 1e6, ControlsRig.TIMING.outputSilentNanos());
    }

    @Test
    void startsWithTheAmplifierOffAndMutedAndTheDacMuted() throws Exception {
        try (ControlsRig rig = ControlsRig.open("rpi4-hifiberry-dacplus")) {
            assertFalse(rig.high(Controls.AMP_ENABLE));
            assertTrue(rig.high(Controls.AMP_MUTE));
            assertEquals(List.of(0x11), rig.dacWrites(MUTE_REGISTER));
        }
    }

    @Test
    void switchesTheAmplifierOnOnlyAfterTheStreamRunsAndTheDacIsUnmuted() throws Exception {
        try (ControlsRig rig = ControlsRig.open("rpi4-hifiberry-dacplus")) {
            rig.dacWrites(MUTE_REGISTER);
            double t0 = rig.clock.nowMs();
            rig.controls.streamStarted();
            rig.clock.advanceMs(0);
            assertEquals(List.of(0x00), rig.dacWrites(MUTE_REGISTER), "the DAC is unmuted first");
            rig.clock.advanceMs(DAC_SETTLE - 1);
            assertFalse(rig.high(Controls.AMP_ENABLE), "the amplifier waits for the DAC to settle");
            rig.clock.advanceMs(1000);
            assertEquals(started(t0), sequence(rig));
        }
    }

    @Test
    void switchesTheAmplifierOffBeforeTheStreamStopsAndMutesTheDacLast() throws Exception {
        try (ControlsRig rig = ControlsRig.open("rpi4-hifiberry-dacplus")) {
            rig.controls.streamStarted();
            rig.clock.advanceMs(1000);
            rig.events.clear();
            rig.dacWrites(MUTE_REGISTER);
            double t1 = rig.clock.nowMs();
            CompletableFuture<Void> stopped = rig.controls.stopSequence();
            rig.clock.advanceMs(SILENT + AMP_OFF - 1);
            assertFalse(stopped.isDone(), "the stream may not stop before the DAC is muted");
            assertEquals(List.of(), rig.dacWrites(MUTE_REGISTER));
            rig.clock.advanceMs(1);
            assertTrue(stopped.isDone());
            assertEquals(List.of(0x11), rig.dacWrites(MUTE_REGISTER));
            assertEquals(List.of(at(t1, "hold"), at(t1, "amp-mute high"), at(t1 + SILENT, "amp-enable low")),
                    sequence(rig));
        }
    }

    @Test
    void aStopDuringTheStartCancelsTheRestOfIt() throws Exception {
        try (ControlsRig rig = ControlsRig.open("rpi4-hifiberry-dacplus")) {
            rig.dacWrites(MUTE_REGISTER);
            double t0 = rig.clock.nowMs();
            rig.controls.streamStarted();
            rig.clock.advanceMs(100);
            CompletableFuture<Void> stopped = rig.controls.stopSequence();
            rig.clock.advanceMs(2000);
            assertTrue(stopped.isDone());
            assertEquals(List.of(at(t0 + DAC_SETTLE, "amp-enable high"), at(t0 + 100, "hold"),
                    at(t0 + 100 + SILENT, "amp-enable low")), sequence(rig), "never released, never unmuted");
            assertEquals(List.of(0x00, 0x11), rig.dacWrites(MUTE_REGISTER));
        }
    }

    @Test
    void aStopBeforeTheDacSettledNeverSwitchesTheAmplifierOn() throws Exception {
        try (ControlsRig rig = ControlsRig.open("rpi4-hifiberry-dacplus")) {
            rig.controls.streamStarted();
            rig.clock.advanceMs(DAC_SETTLE / 2);
            rig.controls.stopSequence();
            rig.clock.advanceMs(2000);
            assertEquals(List.of(), rig.events("amp-enable high"));
        }
    }

    /**
     * On a DAC+ whose I2C device cannot be opened (no {@code /dev/i2c-1}, or the DAC's kernel
     * driver holding its address) and with no input provider at all, the controls still open:
     * each missing part is one warning and the LED shows the fault, and the amplifier switches
     * on after the stream starts, so the car plays.
     */
    @Test
    void whatCannotBeSetUpIsAFaultAndTheAmplifierStillSwitchesOn() throws Exception {
        try (ControlsRig rig = new ControlsRig("rpi4-hifiberry-dacplus",
                com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider.newInstance())) {
            rig.clock.advanceMs(0);
            assertFalse(rig.pi4j.hasIO(Controls.DAC_MUTE));
            assertEquals(5, rig.warnings.size(), rig.warnings.toString());
            assertTrue(rig.warnings.get(0).startsWith("dac-mute on I2C bus 1 at 0x4d failed ("), rig.warnings.get(0));
            assertTrue(rig.warnings.get(0).endsWith("; the amplifier is switched without the DAC mute"),
                    rig.warnings.get(0));
            for (String input : List.of(Controls.PROFILE_PREVIOUS, Controls.PROFILE_NEXT, Controls.ENCODER_PUSH,
                    Controls.ENCODER_A)) {
                assertTrue(rig.warnings.stream().anyMatch(w -> w.startsWith(input + " on GPIO ")
                        && w.endsWith("; running without it")), input + ": " + rig.warnings);
            }
            double t0 = rig.clock.nowMs();
            rig.controls.streamStarted();
            rig.clock.advanceMs(1000);
            assertEquals(started(t0), sequence(rig));
        }
    }

    @Test
    void aBoardWithoutAnI2cMuteSequencesTheAmplifierAlone() throws Exception {
        try (ControlsRig rig = ControlsRig.open("rpi5-hifiberry-dac8x")) {
            assertFalse(rig.pi4j.hasIO(Controls.DAC_MUTE));
            double t0 = rig.clock.nowMs();
            rig.controls.streamStarted();
            rig.clock.advanceMs(1000);
            assertEquals(started(t0), sequence(rig));
            assertEquals(List.of(), rig.warnings);
        }
    }
}
