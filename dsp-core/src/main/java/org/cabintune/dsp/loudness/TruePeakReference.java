package org.cabintune.dsp.loudness;

/**
 * Double twin of {@link TruePeakDetector}: the same {@link TruePeakFilter} taps, in double,
 * computed the textbook way, one interpolated point at a time from a per-channel history.
 * Slow, plain, and independent of the block loop it checks.
 */
final class TruePeakReference {

    private final double[][] taps;
    /** [channel][TAPS]: the last TAPS samples, oldest first. */
    private final double[][] history;
    private double peak;

    TruePeakReference(int sampleRate, int channels) {
        taps = TruePeakFilter.design(TruePeakFilter.oversampling(sampleRate));
        history = new double[channels][TruePeakFilter.TAPS];
    }

    /** Takes one sample of {@code channel}. */
    void add(int channel, double x) {
        double[] h = history[channel];
        System.arraycopy(h, 1, h, 0, h.length - 1);
        h[h.length - 1] = x;
        // The newest complete interval is the one between h[TAPS/2 - 1] and h[TAPS/2].
        for (double[] c : taps) {
            double y = 0;
            for (int k = 0; k < c.length; k++) {
                y += c[k] * h[k];
            }
            peak = Math.max(peak, Math.abs(y));
        }
    }

    /** Largest interpolated magnitude so far over all channels. */
    double peak() {
        return peak;
    }

    void reset() {
        for (double[] h : history) {
            java.util.Arrays.fill(h, 0);
        }
        peak = 0;
    }
}
