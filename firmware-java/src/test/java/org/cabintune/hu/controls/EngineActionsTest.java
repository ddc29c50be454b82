package org.cabintune.hu.controls;

import org.cabintune.hu.meters.MeterTap;
import org.cabintune.hu.meters.TappedSink;
import org.cabintune.hu.meters.TappedSource;

import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.Graphs;
import org.cabintune.hu.engine.NullSink;
import org.cabintune.hu.engine.TestSignals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The controls' actions on a real engine: volume range, the user's mute and the sequence's hold. */
class EngineActionsTest {

    private static AudioEngine engine() throws Exception {
        return AudioEngine.create(new AudioEngine.Context().source(TestSignals.sine(2, 48000, 1000, -20))
                .sink(new NullSink(2, 48000, 2)).warmupPeriods(10).muted(true).graph(Graphs.identity(128)));
    }

    @Test
    void theVolumeStaysWithinItsRange() throws Exception {
        try (AudioEngine engine = engine()) {
            EngineActions actions = new EngineActions(engine, delta -> { });
            actions.changeVolume(+3);
            assertEquals(0, actions.volumeDb(), "never above the profile's own level");
            actions.changeVolume(-12.5);
            assertEquals(-12.5, actions.volumeDb());
            actions.changeVolume(-500);
            assertEquals(EngineActions.MIN_VOLUME_DB, actions.volumeDb());
        }
    }

    /** A ceiling (the link's limits, night mode) brings a louder volume down to it, and the knob stops there. */
    @Test
    void theKnobStopsAtTheCeiling() throws Exception {
        try (AudioEngine engine = engine()) {
            EngineActions actions = new EngineActions(engine, delta -> { });
            actions.changeVolume(-4);
            assertTrue(actions.setVolumeCeilingDb(-10));
            assertEquals(-10, actions.volumeDb(), "down to the ceiling");
            actions.changeVolume(+6);
            assertEquals(-10, actions.volumeDb(), "the knob stops at the ceiling");
            actions.changeVolume(-6);
            assertTrue(actions.setVolumeDb(-2));
            assertEquals(-10, actions.volumeDb(), "the link's volume too");
            assertTrue(actions.setVolumeCeilingDb(0));
            assertEquals(-10, actions.volumeDb(), "lifting the ceiling leaves the volume where it is");
            actions.changeVolume(+6);
            assertEquals(-4, actions.volumeDb());
        }
    }

    @Test
    void aMuteMadeWhileHeldStaysMadeWhenReleased() throws Exception {
        try (AudioEngine engine = engine()) {
            EngineActions actions = new EngineActions(engine, delta -> { });
            List<UnitState> states = new ArrayList<>();
            actions.onState(states::add);
            actions.toggleMute();
            assertEquals(List.of(), states, "nothing plays while held: nothing to report");
            actions.release();
            assertEquals(List.of(UnitState.MUTED), states);
            actions.toggleMute();
            assertFalse(actions.muted());
            assertEquals(List.of(UnitState.MUTED, UnitState.PLAYING), states);
            actions.hold();
            actions.toggleMute();
            actions.toggleMute();
            assertEquals(2, states.size(), "no reports while held again");
        }
    }

    @Test
    void everyChangeReachesTheRunningEngine() throws Exception {
        try (AudioEngine engine = engine()) {
            EngineActions actions = new EngineActions(engine, delta -> { });
            engine.start();
            actions.release();
            actions.changeVolume(-6);
            actions.toggleMute();
            actions.toggleMute();
            actions.changeVolume(+3);
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (engine.stats().controlsApplied() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(5, engine.stats().controlsApplied());
            assertEquals(-3, actions.volumeDb());
            assertTrue(engine.stop());
        }
    }

    @Test
    void theLinksUnmuteNeverLiftsTheAmplifierSequencesHold() throws Exception {
        MeterTap tap = new MeterTap(48000, 2, 2, 128);
        try (AudioEngine engine = AudioEngine.create(new AudioEngine.Context()
                .source(new TappedSource(TestSignals.sine(2, 48000, 1000, -20), tap))
                .sink(new TappedSink(new NullSink(2, 48000, 2), tap)).warmupPeriods(10).muted(true)
                .graph(engine().context().graph()))) {
            EngineActions actions = new EngineActions(engine, delta -> { });
            engine.start();
            assertTrue(actions.setMuted(true));
            assertTrue(actions.setMuted(false));
            assertTrue(actions.setVolumeDb(-6));
            Thread.sleep(400);
            assertEquals(Double.NEGATIVE_INFINITY, tap.read().outputs().getFirst().rmsDbfs(), "held: silent");
            actions.release();
            Thread.sleep(400);
            // A -20 dBFS sine at -6 dB: RMS -29 dBFS.
            assertEquals(-29.0, tap.read().outputs().getFirst().rmsDbfs(), 0.2);
            assertEquals(-6, actions.volumeDb());
        }
    }

    @Test
    void theProfileButtonsGoToTheSelector() throws Exception {
        try (AudioEngine engine = engine()) {
            List<Integer> steps = new ArrayList<>();
            EngineActions actions = new EngineActions(engine, steps::add);
            actions.nextProfile();
            actions.previousProfile();
            actions.nextProfile();
            assertEquals(List.of(1, -1, 1), steps);
        }
    }
}
