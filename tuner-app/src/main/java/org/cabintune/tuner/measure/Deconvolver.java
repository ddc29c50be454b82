package org.cabintune.tuner.measure;

import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.CrossoverDesign;

/**
 * Divides a recording by a known stimulus in the frequency domain (Farina's deconvolution, done
 * as a regularised spectral division rather than with a time-reversed inverse sweep, so fades
 * and any stimulus shape are undone exactly). Inside the stimulus band the division is exact
 * but for a regularisation of {@value #IN_BAND} of the peak power; outside it, the
 * regularisation rises over half an octave to the peak power itself (Kirkeby), so bins the
 * stimulus never excited do not amplify noise.
 *
 * <p>The division is followed by a known causal band limit ({@link #bandLimit}: a 4th-order
 * Butterworth high-pass half an octave above the sweep's first frequency). A regularised
 * division alone band-limits with zero phase, whose ringing before the peak no window can keep;
 * with the causal high-pass in front, what the regularisation leaves is 12 dB down, the response
 * stays causal, and the analysis divides the high-pass back out of every spectrum it reports.
 *
 * <p>The result can be advanced by a frequency-dependent number of samples while it is in the
 * frequency domain: that is how a fractional start and the clock drift are removed (see
 * {@link ClockDrift#advanceSamples}).
 */
final class Deconvolver {

    static final double IN_BAND = 1e-10;
    private static final double TRANSITION_OCTAVES = 0.5;

    private final int n;
    private final double sampleRate;
    /** conj(S) / (|S|^2 + lambda), packed. */
    private final double[] inverse;

    /** The causal band limit for a sweep starting at {@code lowHz}. */
    static List<BiquadCoefficients> bandLimit(double lowHz, double sampleRate) {
        return CrossoverDesign.butterworth(CrossoverDesign.Pass.HIGHPASS, 4, sampleRate, lowHz * Math.sqrt(2));
    }

    /** An inverse filter of length n for {@code stimulus} sampled at {@code sampleRate}, band [lowHz, highHz]. */
    Deconvolver(double[] stimulus, int n, double sampleRate, double lowHz, double highHz) {
        List<BiquadCoefficients> limit = bandLimit(lowHz, sampleRate);
        this.n = n;
        this.sampleRate = sampleRate;
        double[] s = Fft.forward(stimulus, n);
        double[] power = Fft.power(s);
        double peak = 0;
        for (double p : power) {
            peak = Math.max(peak, p);
        }
        inverse = new double[n];
        double[][] b = Rotation.response(limit, sampleRate / n, n / 2 + 1, sampleRate);
        for (int k = 0; k <= n / 2; k++) {
            double f = k * sampleRate / n;
            double lambda = peak * (f >= lowHz && f <= highHz ? IN_BAND : regularisation(f, lowHz, highHz));
            double scale = 1 / (power[k] + lambda);
            double re = Fft.re(s, k) * scale;
            double im = -Fft.im(s, k) * scale;
            Fft.set(inverse, k, re * b[0][k] - im * b[1][k], re * b[1][k] + im * b[0][k]);
        }
    }

    /**
     * Deconvolves {@code x[from, from + length)} (zero-padded to n): returns n samples of the
     * response, index 0 at the segment's first sample, advanced by {@code advance.at(hz)} samples.
     */
    double[] apply(double[] x, int from, int length, Advance advance) {
        double[] r = Fft.forward(x, from, length, n);
        for (int k = 0; k <= n / 2; k++) {
            double ar = Fft.re(r, k);
            double ai = Fft.im(r, k);
            double br = Fft.re(inverse, k);
            double bi = Fft.im(inverse, k);
            double re = ar * br - ai * bi;
            double im = ar * bi + ai * br;
            double shift = advance.at(k * sampleRate / n);
            if (shift != 0) {
                double phi = 2 * Math.PI * k * shift / n;
                double c = Math.cos(phi);
                double si = Math.sin(phi);
                double t = re * c - im * si;
                im = re * si + im * c;
                re = t;
            }
            if (k == 0 || k == n / 2) {
                im = 0;
            }
            Fft.set(r, k, re, im);
        }
        Fft.inverse(r);
        return r;
    }

    /** How many samples to advance the response at each frequency. */
    @FunctionalInterface
    interface Advance {
        double at(double hz);

        Advance NONE = hz -> 0;
    }

    /** Regularisation relative to the peak power at frequency f for a stimulus band [low, high]. */
    static double regularisation(double f, double low, double high) {
        double outside;
        if (f < low) {
            outside = f <= 0 ? Double.POSITIVE_INFINITY : Math.log(low / f) / Math.log(2);
        } else if (f > high) {
            outside = Math.log(f / high) / Math.log(2);
        } else {
            return IN_BAND;
        }
        double ramp = Math.min(1, outside / TRANSITION_OCTAVES);
        return IN_BAND + (1 - IN_BAND) * (0.5 - 0.5 * Math.cos(Math.PI * ramp));
    }
}
