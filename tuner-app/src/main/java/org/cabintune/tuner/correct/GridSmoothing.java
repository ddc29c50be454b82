package org.cabintune.tuner.correct;

import org.cabintune.tuner.measure.Smoothing;

/**
 * {@link Smoothing} of a response already sampled on a rising list of frequencies (a log grid,
 * as {@code cabintune analyze} and REW write it), where {@link Smoothing#mean} needs the
 * uniform FFT grid. Each output is the mean over its band of the magnitude raised to the
 * smoothing's exponent (power; the cube for psychoacoustic smoothing), the input taken as
 * linear in log-frequency between points and the mean taken over log-frequency. For bands of a
 * sixth of an octave the difference from a mean over linear frequency is below 0.01 dB for any
 * slope under 12 dB per octave.
 */
public final class GridSmoothing {

    private GridSmoothing() {
    }

    /** The smoothed levels (dB) of {@code db} on {@code hz}. */
    public static double[] smooth(double[] hz, double[] db, Smoothing smoothing) {
        int n = hz.length;
        if (smoothing.kind() == Smoothing.Kind.NONE || n < 2) {
            return db.clone();
        }
        double exponent = smoothing.kind() == Smoothing.Kind.PSYCHOACOUSTIC ? 3 : 2;
        double[] x = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(hz[i]);
            v[i] = Math.pow(10, db[i] * exponent / 20);
        }
        double[] integral = new double[n];
        for (int i = 1; i < n; i++) {
            integral[i] = integral[i - 1] + 0.5 * (v[i - 1] + v[i]) * (x[i] - x[i - 1]);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double[] band = smoothing.band(hz[i]);
            double lo = Math.max(x[0], Math.log(band[0]));
            double hi = Math.min(x[n - 1], Math.log(band[1]));
            double mean = hi - lo < 1e-12 ? v[i] : (integralTo(x, v, integral, hi) - integralTo(x, v, integral, lo)) / (hi - lo);
            out[i] = 20 / exponent * Math.log10(mean);
        }
        return out;
    }

    /** The integral of the piecewise-linear interpolant from x[0] to {@code at}. */
    private static double integralTo(double[] x, double[] v, double[] integral, double at) {
        int k = segment(x, at);
        double dx = x[k + 1] - x[k];
        double u = at - x[k];
        double slope = (v[k + 1] - v[k]) / dx;
        return integral[k] + v[k] * u + 0.5 * slope * u * u;
    }

    /** The index k with x[k] <= at < x[k + 1], clamped to the last segment. */
    static int segment(double[] x, double at) {
        int k = java.util.Arrays.binarySearch(x, at);
        int below = k >= 0 ? k : -k - 2;
        return Math.clamp(below, 0, x.length - 2);
    }
}
