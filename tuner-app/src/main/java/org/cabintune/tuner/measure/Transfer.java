package org.cabintune.tuner.measure;

import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;

/**
 * A complex frequency response on a uniform grid, bin k at {@code k * binHz} from 0 Hz to the
 * Nyquist frequency, with its phase referred to the measurement's time zero.
 *
 * @param binHz spacing of the grid
 * @param re    real parts
 * @param im    imaginary parts
 */
public record Transfer(double binHz, double[] re, double[] im) {

    /**
     * The transform of {@code h} seen through a window, zero-padded to n (even), with sample
     * {@code zeroIndex} of h at time zero, for a sample rate {@code sampleRate}.
     */
    public static Transfer of(double[] h, IrWindow window, double zeroIndex, double sampleRate, int n) {
        double[] buffer = new double[n];
        int count = Math.min(window.length(), n);
        for (int i = 0; i < count; i++) {
            int at = window.start() + i;
            buffer[i] = at < h.length ? h[at] * window.weight(at) : 0;
        }
        double[] s = Fft.forward(buffer, n);
        return fromPacked(s, sampleRate, window.start() - zeroIndex);
    }

    /** A packed spectrum of a buffer whose first sample lies {@code offsetSamples} after time zero. */
    static Transfer fromPacked(double[] packed, double sampleRate, double offsetSamples) {
        int n = packed.length;
        int bins = n / 2 + 1;
        double[] re = new double[bins];
        double[] im = new double[bins];
        double[][] ramp = Rotation.of(-2 * Math.PI * offsetSamples / n, bins);
        for (int k = 0; k < bins; k++) {
            double c = ramp[0][k];
            double s = ramp[1][k];
            double a = Fft.re(packed, k);
            double b = Fft.im(packed, k);
            re[k] = a * c - b * s;
            im[k] = a * s + b * c;
        }
        return new Transfer(sampleRate / n, re, im);
    }

    /**
     * This response divided by a filter cascade's response (designed at {@code sampleRate}), bin
     * by bin; bins where the cascade is more than 60 dB down are set to 0 rather than amplified.
     */
    public Transfer dividedBy(List<BiquadCoefficients> cascade, double sampleRate) {
        return dividedBy(Rotation.response(cascade, binHz, re.length, sampleRate));
    }

    /** This response times a filter cascade's response (designed at {@code sampleRate}), bin by bin. */
    public Transfer times(List<BiquadCoefficients> cascade, double sampleRate) {
        return times(Rotation.response(cascade, binHz, re.length, sampleRate));
    }

    /** This response delayed by {@code seconds} (a pure delay: its phase turned by -2 pi f seconds). */
    public Transfer delayed(double seconds) {
        return times(Rotation.of(-2 * Math.PI * binHz * seconds, re.length));
    }

    /** This response times another given as {re[], im[]} on the same bins. */
    Transfer times(double[][] b) {
        double[] r = new double[re.length];
        double[] i = new double[re.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = re[k] * b[0][k] - im[k] * b[1][k];
            i[k] = re[k] * b[1][k] + im[k] * b[0][k];
        }
        return new Transfer(binHz, r, i);
    }

    /** This response divided by another given as {re[], im[]} on the same bins (see {@link #dividedBy(List, double)}). */
    Transfer dividedBy(double[][] b) {
        double[] r = new double[re.length];
        double[] i = new double[re.length];
        for (int k = 0; k < r.length; k++) {
            double br = b[0][k];
            double bi = b[1][k];
            double d = br * br + bi * bi;
            if (d < 1e-6) {
                continue;
            }
            r[k] = (re[k] * br + im[k] * bi) / d;
            i[k] = (im[k] * br - re[k] * bi) / d;
        }
        return new Transfer(binHz, r, i);
    }

    /** This response plus another on the same bins: two sources heard together. */
    public Transfer plus(Transfer other) {
        if (other.re.length != re.length || other.binHz != binHz) {
            throw new MeasurementException("responses to add must share their frequency grid");
        }
        double[] r = new double[re.length];
        double[] i = new double[re.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = re[k] + other.re[k];
            i[k] = im[k] + other.im[k];
        }
        return new Transfer(binHz, r, i);
    }

    /**
     * This response on another bin grid ({@code bins} bins of {@code newBinHz}), re and im
     * interpolated linearly; zero beyond its last bin. For grids that differ by a clock's drift.
     */
    public Transfer resampled(double newBinHz, int bins) {
        double[] r = new double[bins];
        double[] i = new double[bins];
        for (int k = 0; k < bins; k++) {
            double x = k * newBinHz / binHz;
            int j = (int) x;
            if (j + 1 < re.length) {
                double u = x - j;
                r[k] = re[j] + u * (re[j + 1] - re[j]);
                i[k] = im[j] + u * (im[j + 1] - im[j]);
            }
        }
        return new Transfer(newBinHz, r, i);
    }

    /** Number of bins. */
    public int bins() {
        return re.length;
    }

    /** |H|^2 per bin. */
    public double[] power() {
        double[] p = new double[re.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = re[k] * re[k] + im[k] * im[k];
        }
        return p;
    }

    /** This response times a real gain per bin. */
    public Transfer scaled(double[] gain) {
        double[] r = new double[re.length];
        double[] i = new double[re.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = re[k] * gain[k];
            i[k] = im[k] * gain[k];
        }
        return new Transfer(binHz, r, i);
    }

    /**
     * The response on a frequency grid, smoothed, with phase referred to {@code delaySeconds}
     * after time zero (the response's own arrival, so the phase shows what is left after it).
     * Levels are 10 log10 of the smoothed power (the cubic mean for psychoacoustic smoothing)
     * plus {@code offsetDb}; group delay is the power-weighted mean over the band of
     * -d(phase)/d(omega), in seconds after time zero, with the power-weighted slope taken as
     * -Im(H[k+1] conj H[k-1]) / (2 pi 2 binHz) (exact to first order while the phase turns
     * less than a radian per bin, that is for delays under 1 / (2 pi binHz), about 0.2 s).
     */
    public FrequencyResponse respond(double[] hz, Smoothing smoothing, double delaySeconds, double offsetDb) {
        int bins = re.length;
        double exponent = smoothing.magnitudeExponent();
        double[] weight = power();
        double[] magnitude = new double[bins];
        double[] rotRe = new double[bins];
        double[] rotIm = new double[bins];
        double[] weightedDelay = new double[bins];
        double[][] ramp = Rotation.of(2 * Math.PI * binHz * delaySeconds, bins);
        for (int k = 0; k < bins; k++) {
            magnitude[k] = exponent == 2 ? weight[k] : Math.pow(weight[k], exponent / 2);
            double c = ramp[0][k];
            double s = ramp[1][k];
            rotRe[k] = re[k] * c - im[k] * s;
            rotIm[k] = re[k] * s + im[k] * c;
            int lo = Math.max(0, k - 1);
            int hi = Math.min(bins - 1, k + 1);
            // arg(H[hi] conj H[lo]) over the angular frequency step: the local phase slope.
            double ci = im[hi] * re[lo] - re[hi] * im[lo];
            weightedDelay[k] = hi > lo ? -ci / (2 * Math.PI * (hi - lo) * binHz) : 0;
        }
        double[] m = smoothing.mean(magnitude, binHz, hz);
        double[] w = smoothing.mean(weight, binHz, hz);
        double[] pr = smoothing.mean(rotRe, binHz, hz);
        double[] pi = smoothing.mean(rotIm, binHz, hz);
        double[] gd = smoothing.mean(weightedDelay, binHz, hz);
        double[] db = new double[hz.length];
        double[] phase = new double[hz.length];
        double[] delay = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            db[i] = 10 * Math.log10(m[i]) * 2 / exponent + offsetDb;
            phase[i] = Math.toDegrees(Math.atan2(pi[i], pr[i]));
            delay[i] = w[i] > 0 ? gd[i] / w[i] : Double.NaN;
        }
        return new FrequencyResponse(hz.clone(), db, phase, delay);
    }
}
