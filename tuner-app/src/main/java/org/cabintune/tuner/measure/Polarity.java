package org.cabintune.tuner.measure;

/**
 * A speaker's polarity from its measured response: the sign of the largest value of the
 * cross-correlation between the response and the minimum-phase response of the same
 * magnitude. A speaker is a minimum-phase system behind a delay, so a correctly wired one
 * correlates with its minimum-phase twin at a positive peak and an inverted one at a negative
 * peak, whatever its band (a tweeter's impulse response has lobes of both signs, so the sign
 * of its largest sample says little). The minimum-phase twin comes from the real cepstrum
 * (Oppenheim and Schafer's folding), with the magnitude floored 100 dB below its peak.
 */
public final class Polarity {

    private Polarity() {
    }

    /** +1 or -1 for a response on the bins of {@code t}. */
    public static int of(Transfer t) {
        int bins = t.bins();
        int n = 2 * (bins - 1);
        double[] power = t.power();
        double peak = 0;
        for (double p : power) {
            peak = Math.max(peak, p);
        }
        double floor = peak * 1e-10;
        // Real cepstrum of log|H|: the log-magnitude is real and even, so its transform is real.
        double[] logMag = new double[n];
        for (int k = 0; k < bins; k++) {
            double v = 0.5 * Math.log(Math.max(power[k], floor));
            Fft.set(logMag, k, v, 0);
        }
        Fft.inverse(logMag);
        // Fold: keep c[0] and c[n/2], double the positive quefrencies, drop the negative ones.
        for (int i = 1; i < n / 2; i++) {
            logMag[i] *= 2;
            logMag[n - i] = 0;
        }
        double[] minLog = logMag;
        double[] spectrum = new double[n];
        System.arraycopy(minLog, 0, spectrum, 0, n);
        plan(spectrum);
        // spectrum now holds log H_min packed; correlate H with exp(log H_min).
        double[] r = new double[n];
        for (int k = 0; k < bins; k++) {
            double lr = Fft.re(spectrum, k);
            double li = Fft.im(spectrum, k);
            double m = Math.exp(lr);
            double mr = m * Math.cos(li);
            double mi = m * Math.sin(li);
            // H conj(Hmin)
            double re = t.re()[k] * mr + t.im()[k] * mi;
            double im = t.im()[k] * mr - t.re()[k] * mi;
            Fft.set(r, k, re, im);
        }
        Fft.inverse(r);
        return r[Peaks.largest(r, 0, n)] >= 0 ? 1 : -1;
    }

    private static void plan(double[] x) {
        double[] y = Fft.forward(x, x.length);
        System.arraycopy(y, 0, x, 0, x.length);
    }
}
