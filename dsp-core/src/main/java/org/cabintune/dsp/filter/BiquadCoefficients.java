package org.cabintune.dsp.filter;

/**
 * One second-order section {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)},
 * normalised so that {@code a0 = 1}. First-order sections have {@code b2 = a2 = 0}.
 * This is the design-side (double) description; {@link QuantizedBiquad} is what runs.
 */
public record BiquadCoefficients(double b0, double b1, double b2, double a1, double a2) {

    /** The identity section. */
    public static final BiquadCoefficients IDENTITY = new BiquadCoefficients(1, 0, 0, 0, 0);

    public BiquadCoefficients {
        if (!(Double.isFinite(b0) && Double.isFinite(b1) && Double.isFinite(b2)
                && Double.isFinite(a1) && Double.isFinite(a2))) {
            throw new IllegalArgumentException("biquad coefficients must be finite: " + describe(b0, b1, b2, a1, a2));
        }
    }

    /** Normalises an un-normalised section by {@code a0}. */
    static BiquadCoefficients normalised(double b0, double b1, double b2, double a0, double a1, double a2) {
        return new BiquadCoefficients(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    /**
     * True when both poles lie strictly inside the unit circle with the given margin: the
     * stability triangle {@code |a2| < 1} and {@code |a1| < 1 + a2}.
     */
    public boolean isStable(double margin) {
        return Math.abs(a2) < 1.0 - margin && Math.abs(a1) < 1.0 + a2 - margin;
    }

    /** Complex response at {@code freqHz}: returns {re, im}. */
    public double[] response(double freqHz, double sampleRate) {
        double w = 2 * Math.PI * freqHz / sampleRate;
        double c1 = Math.cos(w), s1 = -Math.sin(w);
        double c2 = Math.cos(2 * w), s2 = -Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2, ni = b1 * s1 + b2 * s2;
        double dr = 1 + a1 * c1 + a2 * c2, di = a1 * s1 + a2 * s2;
        double den = dr * dr + di * di;
        return new double[] {(nr * dr + ni * di) / den, (ni * dr - nr * di) / den};
    }

    /** Magnitude response in dB at {@code freqHz}. */
    public double magnitudeDb(double freqHz, double sampleRate) {
        double[] h = response(freqHz, sampleRate);
        return 10 * Math.log10(h[0] * h[0] + h[1] * h[1]);
    }

    /** Magnitude in dB of a cascade of sections at {@code freqHz}. */
    public static double magnitudeDb(Iterable<BiquadCoefficients> cascade, double freqHz, double sampleRate) {
        double db = 0;
        for (BiquadCoefficients s : cascade) {
            db += s.magnitudeDb(freqHz, sampleRate);
        }
        return db;
    }

    /** Complex response of a cascade: returns {re, im}. */
    public static double[] response(Iterable<BiquadCoefficients> cascade, double freqHz, double sampleRate) {
        double re = 1, im = 0;
        for (BiquadCoefficients s : cascade) {
            double[] h = s.response(freqHz, sampleRate);
            double r = re * h[0] - im * h[1];
            im = re * h[1] + im * h[0];
            re = r;
        }
        return new double[] {re, im};
    }

    private static String describe(double b0, double b1, double b2, double a1, double a2) {
        return "b0=" + b0 + " b1=" + b1 + " b2=" + b2 + " a1=" + a1 + " a2=" + a2;
    }

    @Override
    public String toString() {
        return describe(b0, b1, b2, a1, a2);
    }
}
