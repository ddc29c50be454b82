package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cabintune.dsp.Q824;
import org.junit.jupiter.api.Test;

/** The test meter reads known true peaks correctly, so the limiter's guarantee means something. */
class LimiterTruePeakProbeTest {

    private static final double DB = 0.001;

    @Test
    void readsTheInterSamplePeakOfAQuarterRateSineAt45Degrees() {
        // Samples are +-1; the waveform between them reaches sqrt(2) (+3.01 dB).
        double[] x = tapered(n -> Math.sqrt(2) * Math.sin(Math.PI / 2 * n + Math.PI / 4), 4000);
        assertEquals(Math.sqrt(2), LimiterTruePeakProbe.truePeak(x), Math.sqrt(2) * DB / 8.7);
    }

    @Test
    void readsTheCrestOfAPulseCentredBetweenSamples() {
        // sinc(0.9 (t - 0.5)), band-limited to 0.45 fs: samples peak at 0.697 (-3.1 dB), the
        // waveform at exactly 1 at t = 0.5. A wide Hann taper ends its tails smoothly.
        int half = 2000;
        double[] x = new double[2 * half + 1];
        for (int i = 0; i < x.length; i++) {
            double d = 0.9 * (i - half - 0.5);
            double taper = 0.5 + 0.5 * Math.cos(Math.PI * (i - half) / (half + 1));
            x[i] = Math.sin(Math.PI * d) / (Math.PI * d) * taper;
        }
        assertEquals(0.0, Q824.gainToDb(LimiterTruePeakProbe.truePeak(x)), DB);
    }

    @Test
    void readsSinesUpTo047FsAtAnyPhaseWithin0001Db() {
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            double f = 0.005 + 0.465 * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            double[] x = tapered(n -> Math.sin(2 * Math.PI * f * n + phase), 3000);
            double db = Q824.gainToDb(LimiterTruePeakProbe.truePeak(x));
            assertEquals(0.0, db, DB, "f = " + f + " fs, phase " + phase);
        }
    }

    @Test
    void readsAnIsolatedImpulseAsItsHeight() {
        double[] x = new double[500];
        x[250] = -0.75;
        assertEquals(0.75, LimiterTruePeakProbe.truePeak(x), 1e-9);
    }

    /**
     * {@code length} samples of a steady signal, faded in and out over 1000 samples each so
     * that the abrupt start and end add no ringing; its flat middle holds the crest.
     */
    static double[] tapered(java.util.function.IntToDoubleFunction signal, int length) {
        int fade = 1000;
        double[] x = new double[length + 2 * fade];
        for (int n = 0; n < x.length; n++) {
            double w = 1.0;
            if (n < fade) {
                w = 0.5 - 0.5 * Math.cos(Math.PI * n / fade);
            } else if (n >= x.length - fade) {
                w = 0.5 - 0.5 * Math.cos(Math.PI * (x.length - 1 - n) / fade);
            }
            x[n] = w * signal.applyAsDouble(n);
        }
        return x;
    }
}
