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
import org.cabintune.hu.store.ProfileService;
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
        double fadeMs = TestSignalRequests.fadeMs(spec, SweepSpec.FADE_IN_OCTAVES);
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
                    ProfileService.forTest(StoreProfiles.stereo("Driver", 0), Set.of("front-left"), true),
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
            assertTrue(maxError <= 16, "largest difference from the twin, Q8.24 LSB: " + maxError);
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
