package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded histogram against exact gating on the block list itself. */
class GatingHistogramTest {

    /** Exact BS.1770-5 gated loudness of blocks given as mean squares. */
    private static double exactGated(double[] blocks, double relative) {
        double[] aboveAbsolute = Arrays.stream(blocks).filter(z -> Loudness.lufs(z) > -70).toArray();
        double gate = Loudness.lufs(Arrays.stream(aboveAbsolute).average().orElse(0)) - relative;
        return Loudness.lufs(Arrays.stream(aboveAbsolute).filter(z -> Loudness.lufs(z) > gate).average().orElse(0));
    }

    /** Exact EBU Tech 3342 range, with its reference code's percentile rule. */
    private static double exactRange(double[] blocks) {
        double[] aboveAbsolute = Arrays.stream(blocks).filter(z -> Loudness.lufs(z) > -70).toArray();
        double gate = Loudness.lufs(Arrays.stream(aboveAbsolute).average().orElse(0)) - 20;
        double[] sorted = Arrays.stream(aboveAbsolute).map(Loudness::lufs).filter(l -> l > gate).sorted().toArray();
        int n = sorted.length;
        return sorted[(int) Math.round((n - 1) * 0.95)] - sorted[(int) Math.round((n - 1) * 0.10)];
    }

    @Test
    void agreesWithExactGatingOnRandomProgrammes() {
        Random random = new Random(7);
        for (int programme = 0; programme < 40; programme++) {
            List<Double> list = new ArrayList<>();
            int sections = 1 + random.nextInt(6);
            for (int s = 0; s < sections; s++) {
                double level = -80 + 75 * random.nextDouble();
                double spread = 8 * random.nextDouble();
                int length = 50 + random.nextInt(2000);
                for (int i = 0; i < length; i++) {
                    list.add(Math.pow(10, (level + spread * random.nextGaussian() + 0.691) / 10));
                }
            }
            double[] blocks = list.stream().mapToDouble(Double::doubleValue).toArray();
            GatingHistogram h = new GatingHistogram();
            for (double z : blocks) {
                h.add(z);
            }
            if (h.count() == 0) {
                continue;
            }
            assertEquals(exactGated(blocks, 10), h.gatedLufs(10), 0.01, "integrated, programme " + programme);
            assertEquals(exactRange(blocks), h.rangeLu(20, 0.10, 0.95), 0.1, "range, programme " + programme);
        }
    }

    @Test
    void emptyOrAllBelowTheAbsoluteGateHasNoValue() {
        GatingHistogram h = new GatingHistogram();
        assertEquals(Double.NEGATIVE_INFINITY, h.gatedLufs(10));
        assertTrue(Double.isNaN(h.rangeLu(20, 0.1, 0.95)));
        h.add(0);
        h.add(1e-9);
        assertEquals(0, h.count());
        assertEquals(Double.NEGATIVE_INFINITY, h.gatedLufs(10));
    }

    @Test
    void blocksAboveTheTopBinKeepTheirEnergy() {
        GatingHistogram h = new GatingHistogram();
        h.add(1e7);
        assertEquals(Loudness.lufs(1e7), h.gatedLufs(10), 1e-9);
    }
}
