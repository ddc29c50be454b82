package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The detector's parts do what {@link LimiterDesign} says they do. */
class LimiterDetectorTest {

    private static final int RATE = 48_000;

    @ParameterizedTest(name = "{0}x")
    @ValueSource(ints = {4, 8})
    void interpolatorErrorIsWithinItsDocumentedBounds(int factor) {
        double[][] c = OversamplingInterpolator.design(factor);
        assertEquals(factor - 1, c.length);
        assertTrue(maxError(c, 0.35) <= 0.0055, "up to 0.35 fs: " + maxError(c, 0.35));
        assertTrue(maxError(c, 0.40) <= 0.0085, "up to 0.40 fs: " + maxError(c, 0.40));
        for (double[] phase : c) {
            double sum = 0;
            for (double v : phase) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-12, "unity at DC");
        }
    }

    /**
     * The fixed-point dot products cannot overflow: a sum of two samples is below 2^32 and the
     * coefficients are Q2.30, so the folded coefficients of a pair of phases ({@code |E| + |O|})
     * and the guard's (centre tap on one sample, the others on sums) must stay below 2.
     */
    @ParameterizedTest(name = "{0}x")
    @ValueSource(ints = {4, 8})
    void fixedPointDotProductsCannotOverflow(int factor) {
        int[] folded = OversamplingInterpolator.fold(OversamplingInterpolator.design(factor));
        int half = OversamplingInterpolator.TAPS / 2;
        double worst = 0;
        for (int at = 0; at < folded.length; at += 2 * half) {
            double sum = 0;
            for (int k = at; k < Math.min(folded.length, at + 2 * half); k++) {
                sum += Math.abs(Math.scalb((double) folded[k], -OversamplingInterpolator.COEF_BITS));
            }
            worst = Math.max(worst, sum);
        }
        assertTrue(worst < 2, "phase pair: " + worst);
        double[] g = LimiterDesign.guardHighpass();
        int centre = g.length / 2;
        double guard = Math.abs(g[centre]) / 2;
        for (int k = 1; k <= centre; k++) {
            guard += Math.abs(g[centre + k]);
        }
        assertTrue(guard < 2, "guard: " + guard);
    }

    /** Largest |H_mu(f) - exp(2 pi i f mu)| over 0 .. fMax for every phase. */
    private static double maxError(double[][] c, double fMax) {
        int taps = c[0].length;
        double worst = 0;
        for (int p = 0; p < c.length; p++) {
            double mu = (p + 1.0) / (c.length + 1);
            for (double f = 0; f <= fMax; f += 0.0005) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < taps; k++) {
                    double w = 2 * Math.PI * f * (k - taps / 2 + 1);
                    re += c[p][k] * Math.cos(w);
                    im += c[p][k] * Math.sin(w);
                }
                double w = 2 * Math.PI * f * mu;
                worst = Math.max(worst, Math.hypot(re - Math.cos(w), im - Math.sin(w)));
            }
        }
        return worst;
    }

    @Test
    void guardHighpassIgnoresTheAudioBandAndPassesTheTopBand() {
        double[] g = LimiterDesign.guardHighpass();
        assertEquals(0.0, response(g, 0.0), 1e-12);
        assertTrue(response(g, 0.30) < 0.005, "0.30 fs");
        assertTrue(response(g, 0.35) < 0.03, "0.35 fs");
        assertEquals(0.5, response(g, LimiterDesign.GUARD_CUTOFF), 0.01);
        assertTrue(response(g, 0.45) > 0.65, "0.45 fs");
        assertTrue(response(g, 0.5) > 0.9, "Nyquist");
    }

    private static double response(double[] h, double f) {
        double re = 0;
        double im = 0;
        for (int k = 0; k < h.length; k++) {
            re += h[k] * Math.cos(2 * Math.PI * f * k);
            im += h[k] * Math.sin(2 * Math.PI * f * k);
        }
        return Math.hypot(re, im);
    }

    /**
     * For steady sines from 0 to 0.48 fs at many phases, the larger of the estimates of an
     * interval and of the next one is never below the sine's crest within that interval. (A
     * crest just before a sample is refined in the next interval, where that sample is the
     * centre of a parabola; the limiter's hold covers both intervals.)
     */
    @ParameterizedTest(name = "{0}x")
    @ValueSource(ints = {4, 8})
    void neverUnderReadsASteadySineUpTo048Fs(int factor) {
        LimiterDesign design = new LimiterDesign(LimiterParams.of(RATE, 1, -1, 1.5, 50)
                .withOversampling(factor));
        int taps = OversamplingInterpolator.TAPS;
        int delay = design.detectorDelay;
        int frames = 300;
        double amplitude = 0.5;
        double worst = Double.POSITIVE_INFINITY;
        for (double f = 0.002; f <= 0.48; f += 0.0037) {
            for (double phase = 0; phase < 2 * Math.PI; phase += 0.77) {
                int[] x = Signals.quantize(Signals.sine(1, frames, f, amplitude, phase));
                int[] h = new int[frames + taps];
                System.arraycopy(x, 0, h, taps - 1, frames);
                long[] estimate = new long[frames];
                new LimiterDetector(design, 1, frames).detect(0, h, taps - 1, estimate, frames, LimiterDetector.COMPUTE_ALL);
                for (int i = 100; i + 1 < frames; i++) {
                    int j = i - delay;
                    double crest = crest(amplitude, 2 * Math.PI * f, phase, j - 1, j);
                    double read = Math.max(estimate[i], estimate[i + 1]) / (double) (1L << 30);
                    worst = Math.min(worst, read / crest);
                }
            }
        }
        assertTrue(worst >= 1 - 1e-6, "worst estimate / crest = " + worst);
    }

    /** max |a sin(w t + phase)| for t in [t0, t1]. */
    private static double crest(double a, double w, double phase, double t0, double t1) {
        double from = w * t0 + phase;
        double to = w * t1 + phase;
        // A crest lies at pi/2 + k pi; is one inside [from, to]?
        double k = Math.ceil((from - Math.PI / 2) / Math.PI);
        if (Math.PI / 2 + k * Math.PI <= to) {
            return a;
        }
        return a * Math.max(Math.abs(Math.sin(from)), Math.abs(Math.sin(to)));
    }

    @Test
    void silenceReadsZeroAndAnImpulseReadsItsHeight() {
        LimiterDesign design = new LimiterDesign(LimiterParams.of(RATE, 1, -1, 1.5, 50));
        int[] h = new int[200];
        long[] estimate = new long[200 - 15];
        new LimiterDetector(design, 1, estimate.length).detect(0, h, 15, estimate, estimate.length, LimiterDetector.COMPUTE_ALL);
        for (long e : estimate) {
            assertEquals(0, e);
        }
        h[100] = Q824.ONE / 2;
        new LimiterDetector(design, 1, estimate.length).detect(0, h, 15, estimate, estimate.length, LimiterDetector.COMPUTE_ALL);
        long max = 0;
        for (long e : estimate) {
            max = Math.max(max, e);
        }
        // The sample itself plus the guard's share of an impulse's flat spectrum.
        assertTrue(max >= (1L << 29), "reads at least the impulse: " + max);
    }
}
