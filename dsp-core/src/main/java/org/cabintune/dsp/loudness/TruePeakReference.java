package org.cabintune.dsp.loudness;

import java.util.Arrays;

/**
 * Double twin of {@link TruePeakDetector}: the same two {@link TruePeakFilter} stages, in
 * double, computed the textbook way, one interpolated point at a time from per-channel
 * histories. Slow, plain, and independent of the block loops it checks.
 */
final class TruePeakReference {

    private static final int HALF = TruePeakFilter.HALF_BAND_TAPS;
    private static final int FINE = TruePeakFilter.FINE_TAPS;

    private final double[] halfBand = TruePeakFilter.halfBand();
    private final double[][] fine;
    /** [channel][HALF]: the last input samples, oldest first. */
    private final double[][] input;
    /** [channel][FINE]: the last values of the 2x signal, oldest first. */
    private final double[][] doubled;
    private double peak;

    TruePeakReference(int sampleRate, int channels) {
        fine = TruePeakFilter.fine(TruePeakFilter.oversampling(sampleRate));
        input = new double[channels][HALF];
        doubled = new double[channels][FINE];
    }

    /** Takes one sample of {@code channel}. */
    void add(int channel, double x) {
        double[] h = input[channel];
        System.arraycopy(h, 1, h, 0, HALF - 1);
        h[HALF - 1] = x;
        // The newest interval with all its taps is the one after h[HALF/2 - 1].
        double mid = 0;
        for (int k = 0; k < HALF; k++) {
            mid += halfBand[k] * h[k];
        }
        peak = Math.max(peak, Math.abs(mid));
        push(channel, h[HALF / 2 - 1]);
        push(channel, mid);
    }

    /** Appends a value of the 2x signal and interpolates the newest complete interval. */
    private void push(int channel, double value) {
        double[] u = doubled[channel];
        System.arraycopy(u, 1, u, 0, FINE - 1);
        u[FINE - 1] = value;
        for (double[] c : fine) {
            double y = 0;
            for (int k = 0; k < FINE; k++) {
                y += c[k] * u[k];
            }
            peak = Math.max(peak, Math.abs(y));
        }
    }

    /** Largest interpolated magnitude so far over all channels. */
    double peak() {
        return peak;
    }

    void reset() {
        for (double[] h : input) {
            Arrays.fill(h, 0);
        }
        for (double[] u : doubled) {
            Arrays.fill(u, 0);
        }
        peak = 0;
    }
}
