package org.cabintune.tuner.measure;

import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;

/**
 * Phasors e^{j k step} for k = 0, 1, 2, ... by complex multiplication, recomputed exactly every
 * {@value #RESYNC} steps so rounding cannot build up (the error stays below 1e-13): a spectrum's
 * per-bin phase ramps and filter responses without a sine and cosine per bin.
 */
final class Rotation {

    private static final int RESYNC = 1024;

    private Rotation() {
    }

    /** cos and sin of k * step for k in [0, count). */
    static double[][] of(double step, int count) {
        double[] c = new double[count];
        double[] s = new double[count];
        double cr = Math.cos(step);
        double ci = Math.sin(step);
        double re = 1;
        double im = 0;
        for (int k = 0; k < count; k++) {
            if (k % RESYNC == 0) {
                re = Math.cos(k * step);
                im = Math.sin(k * step);
            }
            c[k] = re;
            s[k] = im;
            double t = re * cr - im * ci;
            im = re * ci + im * cr;
            re = t;
        }
        return new double[][] {c, s};
    }

    /** The complex response {re[], im[]} of a cascade at k * binHz for k in [0, count), designed at {@code sampleRate}. */
    static double[][] response(List<BiquadCoefficients> cascade, double binHz, int count, double sampleRate) {
        double[][] z = of(-2 * Math.PI * binHz / sampleRate, count);
        double[] re = new double[count];
        double[] im = new double[count];
        java.util.Arrays.fill(re, 1);
        for (int k = 0; k < count; k++) {
            double c1 = z[0][k];
            double s1 = z[1][k];
            double c2 = c1 * c1 - s1 * s1;
            double s2 = 2 * c1 * s1;
            double r = re[k];
            double i = im[k];
            for (BiquadCoefficients b : cascade) {
                double nr = b.b0() + b.b1() * c1 + b.b2() * c2;
                double ni = b.b1() * s1 + b.b2() * s2;
                double dr = 1 + b.a1() * c1 + b.a2() * c2;
                double di = b.a1() * s1 + b.a2() * s2;
                double den = dr * dr + di * di;
                double hr = (nr * dr + ni * di) / den;
                double hi = (ni * dr - nr * di) / den;
                double t = r * hr - i * hi;
                i = r * hi + i * hr;
                r = t;
            }
            re[k] = r;
            im[k] = i;
        }
        return new double[][] {re, im};
    }
}
