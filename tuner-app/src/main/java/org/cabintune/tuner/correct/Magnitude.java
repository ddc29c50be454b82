package org.cabintune.tuner.correct;

import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.QuantizedBiquad;

/**
 * Magnitude responses of sections on a frequency grid, in the form that stays exact at low
 * frequencies: with {@code phi = 4 sin^2(w / 2)},
 * {@code |b0 + b1 z^-1 + b2 z^-2|^2 = (b0 + b1 + b2)^2 + phi (b0 b2 phi - (b1 (b0 + b2) + 4 b0 b2))}.
 * Written through {@code cos w}, the same sum loses the small differences that carry a 20 Hz
 * section's shape at 96 kHz.
 */
final class Magnitude {

    private Magnitude() {
    }

    /** {@code 4 sin^2(pi f / fs)} for each frequency. */
    static double[] phi(double[] hz, double sampleRate) {
        double[] phi = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            double s = Math.sin(Math.PI * hz[i] / sampleRate);
            phi[i] = 4 * s * s;
        }
        return phi;
    }

    /** The section's gain in dB at one {@code phi}. */
    static double db(BiquadCoefficients c, double phi) {
        return 10 * Math.log10(square(c.b0(), c.b1(), c.b2(), phi) / square(1, c.a1(), c.a2(), phi));
    }

    /** Writes the section's gain in dB at each {@code phi} into {@code out}. */
    static void db(BiquadCoefficients c, double[] phi, double[] out) {
        for (int i = 0; i < phi.length; i++) {
            out[i] = db(c, phi[i]);
        }
    }

    /** The gain in dB of a quantised cascade, as the head unit runs it, at each frequency. */
    static double[] cascadeDb(List<QuantizedBiquad> sections, double[] hz, double sampleRate) {
        double[] phi = phi(hz, sampleRate);
        double[] out = new double[hz.length];
        for (QuantizedBiquad q : sections) {
            BiquadCoefficients c = q.realized();
            for (int i = 0; i < hz.length; i++) {
                out[i] += db(c, phi[i]);
            }
        }
        return out;
    }

    private static double square(double c0, double c1, double c2, double phi) {
        double sum = c0 + c1 + c2;
        return sum * sum + phi * (c0 * c2 * phi - (c1 * (c0 + c2) + 4 * c0 * c2));
    }
}
