package org.cabintune.hu.engine;

import org.cabintune.dsp.Q824;

/** Averaged power spectra for tests: Hann-windowed radix-2 FFTs over consecutive segments. */
final class Spectrum {

    private Spectrum() {
    }

    /** Mean power per bin (0..n/2) over every whole segment of length n (a power of two). */
    static double[] power(int[] x, int n) {
        double[] sum = new double[n / 2 + 1];
        double[] re = new double[n];
        double[] im = new double[n];
        for (int at = 0; at + n <= x.length; at += n) {
            for (int i = 0; i < n; i++) {
                re[i] = Q824.toDouble(x[at + i]) * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
                im[i] = 0;
            }
            fft(re, im);
            for (int k = 0; k <= n / 2; k++) {
                sum[k] += re[k] * re[k] + im[k] * im[k];
            }
        }
        return sum;
    }

    /** Summed power of the bins from {@code lo} to {@code hi} Hz. */
    static double band(double[] power, double binHz, double lo, double hi) {
        double s = 0;
        for (int k = (int) Math.ceil(lo / binHz); k < hi / binHz && k < power.length; k++) {
            s += power[k];
        }
        return s;
    }

    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
