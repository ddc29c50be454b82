package org.cabintune.tuner.measure;

/**
 * A response's arrival time: the envelope peak ({@link Analytic}) of its impulse response
 * limited to the audible band by a zero-phase weight: 0 at and below 20 Hz, rising over the
 * octave to 40 Hz, 1 up to 10 kHz, falling over the octave to 0 at 20 kHz (raised cosines in
 * log-frequency). Fixing the band makes the definition independent of how the response was
 * obtained: a measurement's own band limits, or a simulation's exact response, give the same
 * instant for the same system. The weight is zero outside 20 Hz - 20 kHz so that what a
 * measurement cannot know well (below its sweep's band edge, where regularisation and the
 * window's cut meet) has no say.
 */
public final class Arrival {

    /** Band the arrival is read in: the weight is zero outside it and reaches 1 an octave inside. */
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
        // Octaves inside the band from its nearer edge: 0 at the edge, 1 an octave in.
        double inside = Math.min(Math.log(f / LOW_HZ), Math.log(HIGH_HZ / f)) / Math.log(2);
        if (inside <= 0) {
            return 0;
        }
        return inside >= 1 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * inside);
    }
}
