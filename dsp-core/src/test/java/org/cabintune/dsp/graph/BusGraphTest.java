package org.cabintune.dsp.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.loudness.CompensationDesign;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.Music;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;

/** The whole bus in the compiled graph: rider, detection and link settings, loudness compensation. */
class BusGraphTest {

    private static final int FS = 48000;
    private static final int BLOCK = 128;
    private static final String EVERYTHING = """
            "preampDb": 3,
            "normalize": {"mode": "auto", "targetLufs": -16, "windowS": 2, "speedDbPerS": 4},
            "multiband": {"crossoversHz": [150, 3000],
                          "bands": [{"thresholdDb": -24, "ratio": 3}, {"thresholdDb": -20, "ratio": 2},
                                    {"thresholdDb": -18, "ratio": 2}],
                          "detection": "rms", "rmsWindowMs": 5, "stereoLink": false},
            "limiter": {"ceilingDbtp": -1, "stereoLink": false},
            "loudnessCompensation": {"referencePhon": 85, "referenceVolumeDb": -6, "maxBoostDb": 15}""";

    private static int[][] music(int seconds) {
        double[][] x = Music.stereo(FS, seconds * FS, 11);
        return new int[][] {Signals.quantize(x[0]), Signals.quantize(x[1])};
    }

    @Test
    void theWholeBusTracksItsDoubleTwin() {
        GraphPlan plan = GraphPlan.of(Profiles.stereoBus(FS, EVERYTHING));
        ProcessingGraph graph = GraphCompiler.compile(plan, BLOCK);
        ProcessingGraphReference twin = new ProcessingGraphReference(plan);
        graph.setVolumeDb(-30);
        twin.setVolumeDb(-30);
        int[][] in = music(2);
        int[][] out = Graphs.run(graph, in);
        double[][] outD = Graphs.run(twin, new double[][] {Signals.toDouble(in[0]), Signals.toDouble(in[1])}, 2, BLOCK);
        ErrorStats e = ErrorStats.between(out, outD, out[0].length);
        assertTrue(e.rmsDbfs() <= -130 && e.peakDbfs() <= -110, e.toString());
        assertTrue(graph.riderGainDb() != 0, "the rider works");
        assertEquals(java.util.List.of(), graph.notes());
    }

    @Test
    void theWholeBusAllocatesNothingWhileTheVolumeMoves() {
        ProcessingGraph graph = GraphCompiler.compile(Profiles.stereoBus(FS, EVERYTHING), BLOCK);
        int[][] music = music(1);
        int[][] in = {Arrays.copyOf(music[0], BLOCK), Arrays.copyOf(music[1], BLOCK)};
        int[][] out = new int[2][BLOCK];
        double[] volume = {0};
        assertEquals(0, Allocation.bytesAllocatedBy(() -> {
            volume[0] = volume[0] < -70 ? 0 : volume[0] - 3;
            graph.setVolumeDb(volume[0]);
            graph.process(in, out, BLOCK);
        }, 2_000));
    }

    @Test
    void anUnlinkedLimiterLeavesTheQuietChannelAlone() {
        int frames = FS / 2;
        int[] loud = Signals.quantize(Signals.whiteNoise(3, frames, 0));
        int[] quiet = Signals.quantize(Signals.sine(FS, frames, 440, 0.05, 0));
        int[][] in = {loud, quiet};
        String limiter = "\"limiter\": {\"ceilingDbtp\": -3, \"lookaheadMs\": 1, \"stereoLink\": %s}";
        int[] unlinked = Graphs.run(GraphCompiler.compile(Profiles.stereoBus(FS, limiter.formatted(false)), BLOCK), in)[1];
        int[] linked = Graphs.run(GraphCompiler.compile(Profiles.stereoBus(FS, limiter.formatted(true)), BLOCK), in)[1];
        int delay = FS / 1000;
        assertArrayEquals(Arrays.copyOf(quiet, frames - delay), Arrays.copyOfRange(unlinked, delay, frames),
                "unlinked: the quiet channel passes bit for bit, one look-ahead late");
        double reduction = ErrorStats.between(linked, Signals.toDouble(unlinked)).rmsDbfs();
        assertTrue(reduction > -40, "linked: the loud channel's gain reaches the quiet one (" + reduction + ")");
    }

    @Test
    void aGraphSwappedInStartsAtTheVolumeAndFollowsIt() {
        Profile profile = Profiles.stereoBus(FS, "\"loudnessCompensation\": {\"referencePhon\": 80}");
        CompensationDesign design = GraphPlan.of(profile).compensation().orElseThrow();
        GraphSwitcher switcher = GraphSwitcher.withDefaultFade(GraphCompiler.compile(profile, BLOCK));
        switcher.setVolumeDb(-35);
        switcher.offer(GraphCompiler.compile(profile, BLOCK));
        int frames = FS;
        int[] tone = Signals.quantize(Signals.sine(FS, frames, 50, 0.1, 0));
        int[][] in = {tone, tone};
        int[][] out = new int[2][BLOCK];
        double[] left = new double[frames];
        for (int at = 0; at + BLOCK <= frames; at += BLOCK) {
            if (at >= frames / 2 && at < frames / 2 + BLOCK) {
                switcher.setVolumeDb(-10);
            }
            int[][] view = {Arrays.copyOfRange(tone, at, at + BLOCK), Arrays.copyOfRange(tone, at, at + BLOCK)};
            switcher.process(view, out, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                left[at + i] = Q824.toDouble(out[0][i]);
            }
        }
        assertTrue(switcher.pollRetired() != null, "the new graph took over");
        assertEquals(design.responseDb(design.indexForVolume(-35), 50), levelDb(left, FS / 4, FS / 2), 0.02);
        assertEquals(design.responseDb(design.indexForVolume(-10), 50), levelDb(left, 3 * FS / 4, frames), 0.02);
    }

    /** RMS level of a 0.1-amplitude tone's output over [from, to), relative to the input, dB. */
    private static double levelDb(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i] * y[i];
        }
        return Q824.gainToDb(Math.sqrt(2 * sum / (to - from)) / 0.1);
    }
}
