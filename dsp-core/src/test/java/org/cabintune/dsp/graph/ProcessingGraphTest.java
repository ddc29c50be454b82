package org.cabintune.dsp.graph;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessingGraphTest {

    private static final int BLOCK = 128;

    @Test
    void referenceChainTracksItsDoubleTwin() {
        GraphPlan plan = GraphPlan.of(Profiles.reference());
        ProcessingGraph graph = GraphCompiler.compile(plan, BLOCK);
        ProcessingGraphReference twin = new ProcessingGraphReference(plan);
        int frames = 2 * plan.sampleRate();
        int[][] in = {Signals.quantize(Signals.whiteNoise(11, frames, -12)),
                Signals.quantize(Signals.whiteNoise(12, frames, -12))};
        double[][] inD = {Signals.toDouble(in[0]), Signals.toDouble(in[1])};
        int[][] out = Graphs.run(graph, in);
        double[][] outD = Graphs.run(twin, inD, graph.outputs(), BLOCK);
        for (int c = 0; c < graph.outputs(); c++) {
            ErrorStats e = ErrorStats.between(out[c], outD[c]);
            assertTrue(e.rmsDbfs() <= -130, "output " + c + " error RMS " + e.rmsDbfs() + " dBFS");
            assertTrue(e.peakDbfs() <= -110, "output " + c + " error peak " + e.peakDbfs() + " dBFS");
        }
    }

    @Test
    void addedBusGainAndTrimActOnEveryOutputAndTheTwinAgrees() {
        Profile profile = Profiles.stereo(48000, "\"gainDb\": 3",
                "\"filters\": [{\"type\": \"peaking\", \"freqHz\": 1000, \"q\": 1, \"gainDb\": 6}]");
        GraphPlan plan = GraphPlan.of(profile);
        GraphPlan trimmed = plan.withGains(-4, -6.5);
        assertEquals(plan.preampDb() - 4, trimmed.preampDb(), 0);
        assertEquals(-6.5, trimmed.trimDb(), 0);
        IllegalArgumentException up = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> plan.withGains(0, 0.5));
        assertTrue(up.getMessage().startsWith("trimDb = 0.5 is above 0 dB"), up.getMessage());
        int frames = plan.sampleRate() / 2;
        int[][] in = {Signals.quantize(Signals.whiteNoise(31, frames, -20)),
                Signals.quantize(Signals.whiteNoise(32, frames, -20))};
        double[][] inD = {Signals.toDouble(in[0]), Signals.toDouble(in[1])};
        double[][] plain = Graphs.run(new ProcessingGraphReference(plan), inD, plan.outputs(), BLOCK);
        double[][] twin = Graphs.run(new ProcessingGraphReference(trimmed), inD, plan.outputs(), BLOCK);
        int[][] out = Graphs.run(GraphCompiler.compile(trimmed, BLOCK), in);
        double scale = Math.pow(10, -10.5 / 20);
        for (int c = 0; c < plan.outputs(); c++) {
            for (int i = 0; i < frames; i++) {
                assertEquals(plain[c][i] * scale, twin[c][i], 1e-9, "the twin: a linear chain scaled by -10.5 dB");
            }
            ErrorStats e = ErrorStats.between(out[c], twin[c]);
            assertTrue(e.rmsDbfs() <= -130, "output " + c + " error RMS " + e.rmsDbfs() + " dBFS");
        }
    }

    @Test
    void everyOutputStaysUnderItsProtectionCeilingWhenDrivenHard() {
        // No bus limiter; boosts after the router push both outputs far over their ceilings.
        Profile profile = Profiles.stereo(48000,
                "\"gainDb\": 12, \"protect\": {\"ceilingDbtp\": -3}",
                "\"filters\": [{\"type\": \"peaking\", \"freqHz\": 1000, \"q\": 1, \"gainDb\": 12}], "
                        + "\"protect\": {\"ceilingDbtp\": -6}");
        ProcessingGraph graph = GraphCompiler.compile(profile, BLOCK);
        int frames = profile.sampleRate();
        // Noise 12 dB over full scale.
        int[][] in = {Signals.quantize(Signals.whiteNoise(21, frames, 0)), Signals.quantize(Signals.whiteNoise(22, frames, 0))};
        for (int[] ch : in) {
            for (int i = 0; i < frames; i++) {
                ch[i] = org.cabintune.dsp.Q824.saturate(4L * ch[i]);
            }
        }
        int[][] inBlock = new int[2][BLOCK];
        int[][] out = new int[graph.outputs()][BLOCK];
        double[] peak = new double[graph.outputs()];
        for (int at = 0; at + BLOCK <= frames; at += BLOCK) {
            for (int c = 0; c < 2; c++) {
                System.arraycopy(in[c], at, inBlock[c], 0, BLOCK);
            }
            graph.process(inBlock, out, BLOCK);
            for (int o = 0; o < out.length; o++) {
                for (int v : out[o]) {
                    peak[o] = Math.max(peak[o], Math.abs(org.cabintune.dsp.Q824.toDouble(v)));
                }
            }
        }
        for (int o = 0; o < peak.length; o++) {
            double ceiling = profile.outputs().get(o).protect().ceilingDbtp();
            double peakDb = org.cabintune.dsp.Q824.gainToDb(peak[o]);
            assertTrue(peakDb <= ceiling + 0.1, "output " + o + " peaks at " + peakDb + " dBFS over its ceiling " + ceiling);
        }
    }

    @Test
    void digitalSilenceGivesExactZeros() {
        ProcessingGraph graph = GraphCompiler.compile(Profiles.reference(), BLOCK);
        int[][] in = new int[2][BLOCK];
        int[][] out = new int[graph.outputs()][BLOCK];
        for (int i = 0; i < 1000; i++) {
            graph.process(in, out, BLOCK);
            for (int[] ch : out) {
                assertArrayEquals(new int[BLOCK], ch);
            }
        }
    }

    @Test
    void processLeavesItsInputUntouched() {
        ProcessingGraph graph = GraphCompiler.compile(Profiles.reference(), BLOCK);
        int[][] in = {Signals.quantize(Signals.whiteNoise(1, BLOCK, -6)), Signals.quantize(Signals.whiteNoise(2, BLOCK, -6))};
        int[][] copy = Signals.copy(in);
        graph.process(in, new int[graph.outputs()][BLOCK], BLOCK);
        assertArrayEquals(copy, in);
    }

    @Test
    void referenceChainAllocatesNothingPerBlock() {
        ProcessingGraph graph = GraphCompiler.compile(Profiles.reference(), BLOCK);
        int[][] in = {Signals.quantize(Signals.whiteNoise(1, BLOCK, -12)), Signals.quantize(Signals.whiteNoise(2, BLOCK, -12))};
        int[][] out = new int[graph.outputs()][BLOCK];
        assertEquals(0, Allocation.bytesAllocatedBy(() -> graph.process(in, out, BLOCK), 5_000));
    }

    @Test
    void referenceChainHasTheDesignedShape() {
        Profile profile = Profiles.reference();
        GraphPlan plan = GraphPlan.of(profile);
        assertEquals(8, plan.outputs());
        assertEquals(2, plan.inputs());
        int sections = plan.sections().stream().mapToInt(java.util.List::size).sum();
        // Tweeters 2 x (LR4 + 10 peaks), mid-woofers 2 x (2 LR4 + 10), rears 2 x (BW2 + 6), subs 2 x (2 LR4 + 6).
        assertEquals(2 * 12 + 2 * 14 + 2 * 7 + 2 * 10, sections);
    }
}
