package org.cabintune.hu.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.store.TestProfiles;
import org.cabintune.hu.store.StoreProfiles;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.TestSignal;
import org.cabintune.link.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code play-test-signal} and {@code stop-test-signal} on the running engine of the stereo USB
 * board (programme: a 1 kHz sine at -20 dBFS on both inputs), through the real
 * {@link HeadUnitRemote}: the outputs asked for play the signal at the level the chain's gains
 * give, the others are silent, the programme comes back at the end, a profile selected in
 * between is what comes back, a sweep is the tuner's stimulus sample for sample, bad requests
 * change nothing, and the audio thread allocates nothing throughout.
 */
class TestSignalTest {

    /** Meters settle within their 300 ms RMS window after the switch's ramps and cross-fade. */
    private static final long SETTLE_MS = 600;
    private static final double SILENT_DBFS = -120;
    /** Through a 2nd-order 60 Hz highpass, 250 Hz loses 20 log10(1 / sqrt(1 + (60/250)^4)) dB. */
    private static final double HIGHPASS_AT_250_DB = 20 * Math.log10(1 / Math.sqrt(1 + Math.pow(60.0 / 250, 4)));

    @TempDir
    Path dir;

    @Test
    void playsOnTheOutputsAskedForAndGivesTheProgrammeBack() throws Exception {
        try (RemoteRig rig = new RemoteRig(dir)) {
            Thread.sleep(SETTLE_MS);
            assertLevels(rig, RemoteRig.expectedRms(0), RemoteRig.expectedRms(0));

            // -20 dBFS peak at 1 kHz through Driver (0 dB, 60 Hz highpass): -20 - 3.01 = -23.0 dBFS RMS on output 0 only.
            rig.unit.playTestSignal(new Command.PlayTestSignal(List.of(0), new TestSignal.Sine(1000), -20,
                    Command.Correction.ON));
            assertTrue(rig.unit.state().testSignal(), "state.testSignal while it plays");
            Thread.sleep(SETTLE_MS);
            assertLevels(rig, -20 + Q824.gainToDb(Math.sqrt(0.5)), Double.NEGATIVE_INFINITY);

            // Another signal on the other output: 250 Hz at -32 dBFS, the profile's highpass included.
            rig.unit.playTestSignal(new Command.PlayTestSignal(List.of(1), new TestSignal.Sine(250), -32,
                    Command.Correction.ON));
            Thread.sleep(SETTLE_MS);
            double atOne = -32 + Q824.gainToDb(Math.sqrt(0.5)) + HIGHPASS_AT_250_DB;
            assertLevels(rig, Double.NEGATIVE_INFINITY, atOne);

            // Bad requests are refused with their codes and change nothing.
            PortException beyond = assertThrows(PortException.class, () -> rig.unit.playTestSignal(
                    new Command.PlayTestSignal(List.of(0, 2), new TestSignal.Sine(1000), -20, Command.Correction.ON)));
            assertEquals(ErrorCode.OUT_OF_RANGE, beyond.code());
            assertTrue(beyond.getMessage().contains("body.outputs[1] = 2") && beyond.getMessage().contains("0..1"),
                    beyond.getMessage());
            PortException loud = assertThrows(PortException.class, () -> rig.unit.playTestSignal(
                    new Command.PlayTestSignal(List.of(0), new TestSignal.Sine(1000), -3, Command.Correction.ON)));
            assertEquals(ErrorCode.REFUSED, loud.code());
            assertTrue(loud.getMessage().contains("maxTestLevelDbfs = -6"), loud.getMessage());
            PortException fade = assertThrows(PortException.class, () -> rig.unit.playTestSignal(
                    new Command.PlayTestSignal(List.of(0), new TestSignal.Sweep(20, 20000, 5, 50, 1.25), -20,
                            Command.Correction.BYPASSED)));
            assertEquals(ErrorCode.OUT_OF_RANGE, fade.code());
            assertTrue(fade.getMessage().startsWith("body.signal.fadeMs = 50"), fade.getMessage());
            Thread.sleep(SETTLE_MS);
            assertLevels(rig, Double.NEGATIVE_INFINITY, atOne);
            assertTrue(rig.unit.state().testSignal());

            // A profile selected while the test plays is recorded; the test keeps its graph.
            rig.unit.selectProfile("night");
            assertEquals("night", rig.unit.playingId());
            Thread.sleep(SETTLE_MS);
            assertLevels(rig, Double.NEGATIVE_INFINITY, atOne);

            // Stop: the programme comes back, through Night.
            rig.unit.stopTestSignal();
            Reply.State state = rig.unit.state();
            assertFalse(state.testSignal());
            Thread.sleep(SETTLE_MS);
            assertLevels(rig, RemoteRig.expectedRms(RemoteRig.NIGHT_DB), RemoteRig.expectedRms(RemoteRig.NIGHT_DB));

            assertEquals(null, rig.engine.stats().failure());
            assertEquals(0, rig.audioAllocated(), "bytes the audio thread allocated");
        }
    }

    @Test
    void aSweepIsTheTunersStimulusSampleForSample() throws Exception {
        int fs = RemoteRig.FS;
        SweepSpec spec = new SweepSpec(fs, 100, 20000, 0.5, -20, false);
        double fadeMs = TestSignal.Sweep.fadeMs(spec, SweepSpec.FADE_IN_OCTAVES);
        double gapSeconds = 1.5;
        int total = spec.layout().total();
        int cycle = spec.sweepFrames() + (int) Math.round(gapSeconds * fs);
        RecordingSink sink = new RecordingSink(2, fs, cycle + fs / 4);
        try (RemoteRig rig = new RemoteRig(dir, sink)) {
            rig.unit.playTestSignal(new Command.PlayTestSignal(List.of(0),
                    new TestSignal.Sweep(100, 20000, 0.5, fadeMs, gapSeconds), -20, Command.Correction.BYPASSED));
            // Armed within the stimulus's 0.25 s lead silence.
            sink.arm();
            Await.until(sink::full, "a sweep's cycle recorded", Duration.ofSeconds(10));
            rig.unit.stopTestSignal();
            assertEquals(0, rig.audioAllocated(), "bytes the audio thread allocated");
            assertEquals(null, rig.engine.stats().failure());

            // The twin: the SweepGenerator's samples, repeated with the gap, through the same flat graph, fresh.
            int[] stimulus = new int[total];
            new SweepGenerator(spec).fill(0, 0, stimulus, total);
            int frames = 2 * cycle;
            int[][] in = new int[2][frames];
            for (int n = 0; n < frames; n++) {
                int k = n % cycle;
                in[0][n] = k < total ? stimulus[k] : 0;
                in[1][n] = in[0][n];
            }
            BoardGraph graph = BoardGraph.compile(rig.board,
                    TestProfiles.forTest(StoreProfiles.stereo("Driver", 0), Set.of("front-left"), null, true),
                    RemoteRig.PERIOD);
            int[] expected = render(graph.graph(), in, frames)[graph.channelMap()[0]];

            int[] left = sink.recorded(0);
            int[] right = sink.recorded(1);
            int threshold = Q824.fromDouble(1e-4);
            int onRecord = onset(left, threshold);
            int onTwin = onset(expected, threshold);
            assertTrue(onRecord > 0 && onTwin > 0, "the sweep starts in both: " + onRecord + ", " + onTwin);
            long maxError = 0;
            int compared = Math.min(left.length - onRecord, spec.sweepFrames() + fs);
            assertTrue(compared >= spec.sweepFrames() + fs / 2, "compared frames " + compared);
            for (int n = 0; n < compared; n++) {
                maxError = Math.max(maxError, Math.abs((long) left[onRecord + n] - expected[onTwin + n]));
            }
            assertEquals(0, maxError, "largest difference from the twin, Q8.24 LSB");
            // The sweep lasts its frames: the energy after it (the tail, decayed) is below -100 dBFS.
            double after = 0;
            for (int n = onRecord + spec.sweepFrames() + fs / 100; n < onRecord + compared; n++) {
                after = Math.max(after, Math.abs(Q824.toDouble(left[n])));
            }
            assertTrue(after < 1e-5, "peak after the sweep " + after);
            for (int v : right) {
                assertEquals(0, v, "output 1 is silent");
            }
        }
    }

    /**
     * A sweep with timing markers, correction on, the reference on output 1 (front-right) and the
     * sweep on output 0 (front-left): each output is the stimulus's channel through its own chain
     * of the profile, compared with a fresh graph of the unchanged profile fed that channel on
     * every input, to the last bit. Then the reference output also under test plays both, and
     * output 0 is exact zeros. Refused requests between them change nothing.
     */
    @Test
    void aReferencedSweepPlaysItsMarkersOnTheReferenceOutputSampleForSample() throws Exception {
        int fs = RemoteRig.FS;
        SweepSpec spec = new SweepSpec(fs, 100, 20000, 0.5, -20, true);
        SweepGenerator generator = new SweepGenerator(spec);
        int total = generator.layout().total();
        int[] markers = new int[total];
        int[] sweep = new int[total];
        generator.fill(0, 0, markers, total);
        generator.fill(1, 0, sweep, total);
        int[] both = new int[total];
        for (int n = 0; n < total; n++) {
            both[n] = markers[n] + sweep[n];
            assertTrue(markers[n] == 0 || sweep[n] == 0, "markers and sweep never sound at once");
        }
        Command.PlayTestSignal request = Command.PlayTestSignal.stimulus(List.of(0), spec, 1, 0, Command.Correction.ON);
        RecordingSink sink = new RecordingSink(2, fs, total);
        try (RemoteRig rig = new RemoteRig(dir, sink)) {
            rig.unit.playTestSignal(request);
            sink.arm();
            // Refused while it plays, each naming its field; the stimulus plays on untouched.
            TestSignal.Sweep asked = (TestSignal.Sweep) request.signal();
            PortException beyond = assertThrows(PortException.class, () -> rig.unit.playTestSignal(
                    new Command.PlayTestSignal(List.of(0), new TestSignal.Sweep(100, 20000, 0.5, asked.fadeMs(),
                            asked.gapSeconds(), 2), -20, Command.Correction.ON)));
            assertEquals(ErrorCode.OUT_OF_RANGE, beyond.code());
            assertEquals("body.signal.referenceOutput = 2 is beyond this unit's outputs 0..1 (front-left, front-right)",
                    beyond.getMessage());
            PortException gap = assertThrows(PortException.class, () -> rig.unit.playTestSignal(
                    new Command.PlayTestSignal(List.of(0), new TestSignal.Sweep(100, 20000, 0.5, asked.fadeMs(), 1.25,
                            1), -20, Command.Correction.ON)));
            assertEquals(ErrorCode.OUT_OF_RANGE, gap.code());
            assertTrue(gap.getMessage().startsWith("body.signal.gapSeconds = 1.25 is below") && gap.getMessage()
                    .contains("allowed 2.2..60 s"), gap.getMessage());
            PortException fade = assertThrows(PortException.class, () -> rig.unit.playTestSignal(
                    new Command.PlayTestSignal(List.of(0), new TestSignal.Sweep(100, 20000, 0.5, 50, asked.gapSeconds(),
                            1), -20, Command.Correction.ON)));
            assertTrue(fade.getMessage().startsWith("body.signal.fadeMs = 50 is not this sweep's fade-in: send fadeMs = "
                    + Math.round(asked.fadeMs() * 100) / 100.0 + " "), fade.getMessage());
            Await.until(sink::full, "the stimulus recorded", Duration.ofSeconds(10));
            assertTrue(rig.unit.state().testSignal());
            int[][] take = {sink.recorded(0), sink.recorded(1)};

            // The reference output also under test plays both; output 0 is not fed.
            rig.unit.playTestSignal(Command.PlayTestSignal.stimulus(List.of(1), spec, 1, 0, Command.Correction.ON));
            sink.arm();
            Await.until(sink::full, "the second stimulus recorded", Duration.ofSeconds(10));
            int[][] second = {sink.recorded(0), sink.recorded(1)};
            rig.unit.stopTestSignal();
            assertEquals(null, rig.engine.stats().failure());
            assertEquals(0, rig.audioAllocated(), "bytes the audio thread allocated");

            // The twins: the unchanged profile, corrected, fresh, with the channel on every input.
            BoardGraph graph = BoardGraph.compile(rig.board, StoreProfiles.stereo("Driver", 0), RemoteRig.PERIOD);
            int[] left = graph.channelMap()[0] == 0 ? new int[] {0, 1} : new int[] {1, 0};
            int[] sweepChain = chain(graph, sweep, 2 * total)[left[0]];
            int[] markerChain = chain(graph, markers, 2 * total)[left[1]];
            int[] bothChain = chain(graph, both, 2 * total)[left[1]];
            int[] quiet = new int[2 * total];

            int first = onset(take[1], Q824.fromDouble(1e-4));
            int twin = onset(markerChain, Q824.fromDouble(1e-4));
            assertTrue(first > 0 && twin > 0, "marker A starts in both: " + first + ", " + twin);
            int through = generator.layout().markerB() + spec.markerFrames() - generator.layout().markerA();
            assertEquals(0, largestDifference(take[1], first, markerChain, twin, through), "reference output, LSB");
            assertEquals(0, largestDifference(take[0], first, sweepChain, twin, through), "output under test, LSB");

            int again = onset(second[1], Q824.fromDouble(1e-4));
            assertEquals(0, largestDifference(second[1], again, bothChain, twin, through), "reference under test, LSB");
            assertEquals(0, largestDifference(second[0], 0, quiet, 0, second[0].length), "output 0 is exact zeros");
        }
    }

    @Test
    void aReferencedSweepNeedsTwoInputs() throws Exception {
        TestSignal.Sweep sweep = TestSignal.Sweep.of(new SweepSpec(48000, 20, 20000, 3, -12, true), 0, 0);
        PortException mono = assertThrows(PortException.class, () -> TestSignalRequests.source(sweep, -12, 1, 48000));
        assertEquals(ErrorCode.REFUSED, mono.code());
        assertTrue(mono.getMessage().startsWith("body.signal.referenceOutput = 0 cannot be played: the playing profile"
                + " has 1 input"), mono.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestProfiles.forTest(org.cabintune.dsp.profile.ProfileParser
                .parse("""
                        {"format": "cabintune.profile/1", "name": "Mono", "sampleRate": 48000, "inputs": ["M"],
                         "outputs": [{"name": "front-left", "role": "fullrange", "mix": {"M": 1.0}}]}"""),
                Set.of("front-left"), "front-left", false));
    }

    /** {@code channel} on every input of a fresh {@code graph}, then silence, over {@code frames}. */
    private static int[][] chain(BoardGraph graph, int[] channel, int frames) {
        int[][] in = new int[graph.graph().inputs()][frames];
        for (int[] input : in) {
            System.arraycopy(channel, 0, input, 0, Math.min(channel.length, frames));
        }
        return render(graph.graph(), in, frames);
    }

    /** The largest |a - b| over {@code frames} frames from {@code atA} and {@code atB}, Q8.24 LSB. */
    private static long largestDifference(int[] a, int atA, int[] b, int atB, int frames) {
        assertTrue(atA + frames <= a.length && atB + frames <= b.length, "frames to compare: " + frames + " from "
                + atA + " of " + a.length + " and " + atB + " of " + b.length);
        long largest = 0;
        for (int n = 0; n < frames; n++) {
            largest = Math.max(largest, Math.abs((long) a[atA + n] - b[atB + n]));
        }
        return largest;
    }

    private static int[][] render(ProcessingGraph graph, int[][] in, int frames) {
        int[][] out = new int[graph.outputs()][frames];
        int[][] blockIn = new int[in.length][RemoteRig.PERIOD];
        int[][] blockOut = new int[graph.outputs()][RemoteRig.PERIOD];
        graph.reset();
        for (int at = 0; at + RemoteRig.PERIOD <= frames; at += RemoteRig.PERIOD) {
            for (int c = 0; c < in.length; c++) {
                System.arraycopy(in[c], at, blockIn[c], 0, RemoteRig.PERIOD);
            }
            graph.process(blockIn, blockOut, RemoteRig.PERIOD);
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(blockOut[c], 0, out[c], at, RemoteRig.PERIOD);
            }
        }
        return out;
    }

    /** The first frame after a run of at least 0.1 s below {@code threshold} where the signal reaches it. */
    private static int onset(int[] x, int threshold) {
        int quiet = 0;
        for (int n = 0; n < x.length; n++) {
            if (Math.abs(x[n]) >= threshold) {
                if (quiet >= RemoteRig.FS / 10) {
                    return n;
                }
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return -1;
    }

    private static void assertLevels(RemoteRig rig, double output0, double output1) {
        List<Reply.Level> levels = rig.unit.meters().outputs();
        assertLevel(levels.get(0).rmsDbfs(), output0, "output 0");
        assertLevel(levels.get(1).rmsDbfs(), output1, "output 1");
    }

    private static void assertLevel(double measured, double expected, String what) {
        if (expected == Double.NEGATIVE_INFINITY) {
            assertTrue(measured <= SILENT_DBFS, what + " silent: " + measured + " dBFS");
        } else {
            assertEquals(expected, measured, 0.5, what + " RMS dBFS");
        }
    }
}
