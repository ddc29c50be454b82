package org.cabintune.tuner.measure;

/**
 * The analytic signal of a real signal (the signal and its Hilbert transform, by FFT), and the
 * peak of its envelope. An impulse response's envelope has one broad maximum where its energy
 * arrives, whatever the sign and shape of its lobes, so timing read from the envelope does not
 * jump between a high-passed tweeter's positive and negative lobes the way the largest sample
 * does.
 */
public final class Analytic {

    private Analytic() {
    }

    /** The Hilbert transform of x (zero-padded to twice its length, so the ends do not wrap). */
    public static double[] hilbert(double[] x) {
        int n = Fft.goodSize(2 * x.length);
        double[] s = Fft.forward(x, n);
        rotate(s);
        Fft.inverse(s);
        return java.util.Arrays.copyOf(s, x.length);
    }

    /** Multiplies a packed spectrum by -j sign(f): the Hilbert transform's response (0 at DC and Nyquist). */
    static void rotate(double[] packed) {
        int n = packed.length;
        packed[0] = 0;
        packed[1] = 0;
        for (int k = 1; k < n / 2; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            packed[2 * k] = im;
            packed[2 * k + 1] = -re;
        }
    }

    /**
     * The envelope's largest value in [from, to) of the analytic signal (re, im), located
     * between samples by interpolating both parts ({@link Peaks#interpolate}) on a fine grid and
     * a parabola through the best point. The returned value is the signal's own (real) value
     * there.
     */
    public static Peaks.Peak envelopePeak(double[] re, double[] im, int from, int to) {
        int best = from;
        double max = -1;
        for (int i = Math.max(0, from); i < Math.min(to, re.length); i++) {
            double e = re[i] * re[i] + im[i] * im[i];
            if (e > max) {
                max = e;
                best = i;
            }
        }
        double bestT = best;
        double bestE = max;
        for (int s = -Peaks.STEPS; s <= Peaks.STEPS; s++) {
            double t = best + (double) s / Peaks.STEPS;
            double e = envelope(re, im, t);
            if (e > bestE) {
                bestE = e;
                bestT = t;
            }
        }
        double h = 1.0 / Peaks.STEPS;
        double a = envelope(re, im, bestT - h);
        double c = envelope(re, im, bestT + h);
        double d = a - 2 * bestE + c;
        double offset = d < 0 ? 0.5 * (a - c) / d * h : 0;
        double position = bestT + Math.max(-h, Math.min(h, offset));
        return new Peaks.Peak(position, Peaks.interpolate(re, position));
    }

    private static double envelope(double[] re, double[] im, double t) {
        double a = Peaks.interpolate(re, t);
        double b = Peaks.interpolate(im, t);
        return a * a + b * b;
    }
}
