package org.cabintune.dsp.dynamics;

/**
 * An independent true-peak meter for testing the limiter, deliberately built differently from
 * the limiter's detector so that the two cannot share a blind spot: 8x oversampling through a
 * long windowed sinc (96 taps per phase, Kaiser beta 9, about 90 dB of image rejection), then
 * a parabola through every local maximum of the oversampled magnitude to find the crest
 * between the 8x points (the 8x grid alone could miss up to 0.17 dB near Nyquist; the
 * parabola's error is below 0.001 dB). The signal is taken as zero before and after the
 * array, so its whole reconstructed waveform, including any ringing past the last sample, is
 * measured.
 *
 * <p>Its passband is flat within 0.001 dB to 0.47 fs; from there to Nyquist it rolls off (-6 dB
 * at fs/2), as every finite reconstruction does. Slow (about 700 multiplies per sample), which
 * is fine for tests.
 */
public final class LimiterTruePeakProbe {

    static final int FACTOR = 8;
    static final int HALF_SPAN = 48;
    static final double BETA = 9.0;

    /** {@code [p][k]}: weight of {@code x[m + k - HALF_SPAN + 1]} for the point at m + p/8. */
    private static final double[][] KERNEL = kernel();
    /** The same, tap-major ({@code [k * FACTOR + p]}), so one pass over the samples serves all phases. */
    private static final double[] TRANSPOSED = transpose(KERNEL);

    private LimiterTruePeakProbe() {
    }

    /** The true peak (linear, 1.0 = 0 dBFS) of one channel. */
    public static double truePeak(double[] x) {
        int span = 2 * HALF_SPAN;
        double[] padded = new double[x.length + 2 * span];
        System.arraycopy(x, 0, padded, span, x.length);
        // Oversampled waveform from HALF_SPAN samples before the first to HALF_SPAN after the last.
        int from = span - HALF_SPAN;
        int intervals = x.length + 2 * HALF_SPAN;
        double[] v = new double[intervals * FACTOR + 1];
        // Nonzero samples in the kernel's reach, so silent stretches cost nothing.
        int live = 0;
        for (int k = from - HALF_SPAN + 1; k <= from + HALF_SPAN; k++) {
            live += padded[k] != 0 ? 1 : 0;
        }
        for (int m = 0; m < intervals; m++) {
            int at = from + m;
            int first = at - HALF_SPAN + 1;
            if (m > 0) {
                live += (padded[first + span - 1] != 0 ? 1 : 0) - (padded[first - 1] != 0 ? 1 : 0);
            }
            v[m * FACTOR] = padded[at];
            if (live == 0) {
                continue;
            }
            double a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
            for (int k = 0; k < span; k++) {
                double xk = padded[first + k];
                int t = k * FACTOR;
                a1 += xk * TRANSPOSED[t + 1];
                a2 += xk * TRANSPOSED[t + 2];
                a3 += xk * TRANSPOSED[t + 3];
                a4 += xk * TRANSPOSED[t + 4];
                a5 += xk * TRANSPOSED[t + 5];
                a6 += xk * TRANSPOSED[t + 6];
                a7 += xk * TRANSPOSED[t + 7];
            }
            int q = m * FACTOR;
            v[q + 1] = a1;
            v[q + 2] = a2;
            v[q + 3] = a3;
            v[q + 4] = a4;
            v[q + 5] = a5;
            v[q + 6] = a6;
            v[q + 7] = a7;
        }
        double peak = 0;
        for (int q = 1; q + 1 < v.length; q++) {
            peak = Math.max(peak, crest(v[q - 1], v[q], v[q + 1]));
        }
        return peak;
    }

    /** The true peak of the loudest of several channels. */
    public static double truePeak(double[][] channels) {
        double peak = 0;
        for (double[] x : channels) {
            peak = Math.max(peak, truePeak(x));
        }
        return peak;
    }

    /** Vertex magnitude of the parabola through three points around a local extremum. */
    private static double crest(double left, double mid, double right) {
        double s = Math.signum(mid);
        double l = left * s;
        double m = mid * s;
        double r = right * s;
        double curvature = l - 2 * m + r;
        if (l > m || r > m || curvature >= 0) {
            return Math.abs(mid);
        }
        return m - (r - l) * (r - l) / (8 * curvature);
    }

    private static double[][] kernel() {
        int span = 2 * HALF_SPAN;
        double[][] h = new double[FACTOR][span];
        for (int p = 1; p < FACTOR; p++) {
            double mu = (double) p / FACTOR;
            for (int k = 0; k < span; k++) {
                double d = mu - (k - HALF_SPAN + 1);
                double r = d / HALF_SPAN;
                double w = i0(BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0(BETA);
                h[p][k] = Math.sin(Math.PI * d) / (Math.PI * d) * w;
            }
        }
        return h;
    }

    private static double[] transpose(double[][] kernel) {
        int span = kernel[0].length;
        double[] t = new double[span * FACTOR];
        for (int p = 0; p < FACTOR; p++) {
            for (int k = 0; k < span; k++) {
                t[k * FACTOR + p] = kernel[p][k];
            }
        }
        return t;
    }

    /** Bessel I0 by its series, written here again so the probe shares no code with the limiter. */
    private static double i0(double x) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 80; k++) {
            term *= x * x / (4.0 * k * k);
            sum += term;
        }
        return sum;
    }
}
