package org.cabintune.dsp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The helpers other suites rely on measure what they claim. */
class TestingHelpersTest {

    private static volatile Object sink;

    @Test
    void allocationCounterSeesOneSmallArrayAndNothingElse() {
        assertEquals(0, Allocation.bytesAllocatedBy(() -> sink = null, 1000));
        long bytes = Allocation.bytesAllocatedBy(() -> sink = new byte[100], 1000);
        assertTrue(bytes >= 100_000, bytes + " bytes");
    }

    @Test
    void noiseHasRequestedLevelAndIsReproducible() {
        double[] a = Signals.whiteNoise(42, 100_000, -12.0);
        double[] b = Signals.whiteNoise(42, 100_000, -12.0);
        assertEquals(-12.0, ErrorStats.between(a, new double[a.length]).rmsDbfs(), 0.05);
        assertEquals(Double.NEGATIVE_INFINITY, ErrorStats.between(a, b).peakDbfs());
    }

    @Test
    void sweepStartsAndEndsAtItsFrequencies() {
        int rate = 48_000;
        double[] x = Signals.logSweep(rate, rate, 20, 20_000, 1.0);
        assertEquals(1.0, Phasor.of(x, rate, 20_000, rate - 48, 48).magnitude(), 0.1);
        assertTrue(Phasor.of(x, rate, 20_000, 0, 4800).magnitude() < 0.01);
    }

    @Test
    void phasorMeasuresAmplitudeAndPhaseOfAWholeCycleSine() {
        double[] x = Signals.sine(48_000, 4800, 1000, 0.25, 0.5);
        Phasor p = Phasor.of(x, 48_000, 1000, 0, 4800);
        assertEquals(0.25, p.magnitude(), 1e-12);
        // sin(wt + 0.5) = cos(wt + 0.5 - pi/2)
        assertEquals(0.5 - Math.PI / 2, p.phase(), 1e-12);
    }

    @Test
    void errorStatsReportsRmsPeakAndWhere() {
        ErrorStats e = ErrorStats.between(new double[] {0, 0.5, 0, 0}, new double[4]);
        assertEquals(ErrorStats.dbfs(0.25), e.rmsDbfs(), 1e-12);
        assertEquals(ErrorStats.dbfs(0.5), e.peakDbfs(), 1e-12);
        assertEquals(1, e.peakIndex());
    }
}
