package org.cabintune.dsp.resample;

/**
 * Least-squares fit of {@code a cos(wt) + b sin(wt) + c} to a stretch of signal at a known
 * frequency (IEEE 1057's three-parameter fit): the sine's amplitude and phase, and the
 * residual, which is everything else (distortion, images, aliases, noise).
 *
 * @param amplitude peak amplitude of the fitted sine
 * @param phase     its phase at the stretch's first sample, radians
 * @param residualRms RMS of the signal minus the fit
 */
record SineFit(double amplitude, double phase, double residualRms) {

    static SineFit of(double[] x, double rate, double frequency, int from, int length) {
        double w = 2 * Math.PI * frequency / rate;
        // Normal equations of the 3 x 3 system.
        double cc = 0, ss = 0, cs = 0, c1 = 0, s1 = 0, xc = 0, xs = 0, x1 = 0;
        for (int n = 0; n < length; n++) {
            double c = Math.cos(w * n);
            double s = Math.sin(w * n);
            double v = x[from + n];
            cc += c * c;
            ss += s * s;
            cs += c * s;
            c1 += c;
            s1 += s;
            xc += v * c;
            xs += v * s;
            x1 += v;
        }
        double[][] m = {{cc, cs, c1, xc}, {cs, ss, s1, xs}, {c1, s1, length, x1}};
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                double f = m[j][i] / m[i][i];
                for (int k = i; k < 4; k++) {
                    m[j][k] -= f * m[i][k];
                }
            }
        }
        double[] p = new double[3];
        for (int i = 2; i >= 0; i--) {
            double v = m[i][3];
            for (int k = i + 1; k < 3; k++) {
                v -= m[i][k] * p[k];
            }
            p[i] = v / m[i][i];
        }
        double sum = 0;
        for (int n = 0; n < length; n++) {
            double e = x[from + n] - (p[0] * Math.cos(w * n) + p[1] * Math.sin(w * n) + p[2]);
            sum += e * e;
        }
        return new SineFit(Math.hypot(p[0], p[1]), Math.atan2(-p[1], p[0]), Math.sqrt(sum / length));
    }

    /**
     * The frequency of a steady sine near {@code guess}: the phase advance between a fit at the
     * start and one at the end of {@code x[from..from+length)}, over the time between them.
     */
    static double frequency(double[] x, double rate, double guess, int from, int length) {
        int part = length / 4;
        int gap = length - part;
        SineFit a = of(x, rate, guess, from, part);
        SineFit b = of(x, rate, guess, from + gap, part);
        double expected = 2 * Math.PI * guess * gap / rate;
        double advance = b.phase() - a.phase() - expected;
        advance -= 2 * Math.PI * Math.rint(advance / (2 * Math.PI));
        return guess + advance / (2 * Math.PI * gap / rate);
    }
}
