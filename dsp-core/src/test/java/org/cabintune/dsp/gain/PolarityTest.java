package org.cabintune.dsp.gain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.AcrossSampleRates;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.testing.Twins;
import org.junit.jupiter.api.Test;

class PolarityTest {

    @AcrossSampleRates
    void invertsExactlyAndMatchesTwin(int rate) {
        PolarityParams params = PolarityParams.of(true, false);
        int[][] input = Twins.onChannels(Signals.concat(Signals.whiteNoise(5, rate / 4, -12),
                Signals.logSweep(rate, rate / 4, 20, 20_000, 0.5)), 2);
        Twins.Outputs out = Twins.run(new Polarity(params), new PolarityReference(params), input);
        ErrorStats e = out.errors();
        assertEquals(Double.NEGATIVE_INFINITY, e.peakDbfs(), e.toString());
        for (int i = 0; i < input[0].length; i++) {
            assertEquals(-input[0][i], out.fixed()[0][i]);
        }
        assertArrayEquals(input[1], out.fixed()[1]);
    }

    @Test
    void negatingMinus128SaturatesInsteadOfWrapping() {
        int[] x = {Q824.MIN, Q824.MAX, Q824.MIN + 1, 0, -1};
        new Polarity(PolarityParams.of(true)).process(new int[][] {x}, x.length);
        assertArrayEquals(new int[] {Q824.MAX, Q824.MIN + 1, Q824.MAX, 0, 1}, x);
        assertTrue(x[0] > 0);
    }

    @Test
    void silenceStaysSilent() {
        int[][] x = new int[3][256];
        new Polarity(PolarityParams.of(true, true, false)).process(x, 256);
        assertArrayEquals(new int[3][256], x);
    }

    @Test
    void processAllocatesNothing() {
        Polarity polarity = new Polarity(PolarityParams.of(true, false));
        int[][] buffer = new int[2][128];
        assertEquals(0, Allocation.bytesAllocatedBy(() -> polarity.process(buffer, 128), 20_000));
    }

    @Test
    void rejectsEmptyOrMissingFlags() {
        var empty = assertThrows(IllegalArgumentException.class, PolarityParams::of);
        assertEquals("inverted has 0 entries; the allowed range is 1 .. 64 channels",
                empty.getMessage());
        var missing = assertThrows(IllegalArgumentException.class,
                () -> new PolarityParams(java.util.Arrays.asList(true, null)));
        assertEquals("inverted[1] is missing (null)", missing.getMessage());
    }
}
