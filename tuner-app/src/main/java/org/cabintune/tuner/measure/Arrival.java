package org.cabintune.tuner.measure;

/**
 * A response's arrival time: the envelope peak ({@link Analytic}) of its impulse response
 * limited to the audible band, 20 Hz to 20 kHz, by a zero-phase weight that rolls off over an
 * octave at each end (raised cosine in log-frequency). Fixing the band makes the definition
 * independent of how the response was obtained: a measurement's own band limits, or a
 * simulation's exact response, give the same instant for the same system.
 */
public final class Arrival {

    /** Band the arrival is read in. */
    public static final double LOW_HZ = 20;
    public static final double HIGH_HZ = 20_000;

    private Arrival() {
    }

    /** Seconds after time zero (negative if before) of the band-limited envelope peak. */
    public static double of(Transfer t) {
        int bins = t.bins();
        int n = 2 * (bins - 1);
        double[] spectrum = new double[n];
        for (int k = 0; k < bins; k++) {
            double w = weight(k * t.binHz());
            Fft.set(spectrum, k, t.re()[k] * w, t.im()[k] * w);
        }
        // Rotate by half the length so negative times (before time zero) stay visible.
        int half = n / 2;
        for (int k = 0; k < bins; k++) {
            if (k % 2 == 1) {
                Fft.set(spectrum, k, -Fft.re(spectrum, k), -Fft.im(spectrum, k));
            }
        }
        Peaks.Peak peak = TimingMarkers.envelopePeak(spectrum, 0, n);
        double sampleRate = t.binHz() * n;
        return (peak.position() - half) / sampleRate;
    }

    /** The band weight at f. */
    static double weight(double f) {
        if (f <= 0) {
            return 0;
        }
        double below = Math.log(LOW_HZ / f) / Math.log(2);
        double above = Math.log(f / HIGH_HZ) / Math.log(2);
        double outside = Math.max(below, above);
        if (outside <= 0) {
            return 1;
        }
        return outside >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * outside);
    }
}
