package org.cabintune.dsp.loudness;

/**
 * The true-peak signals of EBU Tech 3341 (cases 15 to 23), synthesized from their
 * definitions at any sample rate, 1.0 = full scale.
 */
final class TruePeakSignals {

    /** Fade in and out, as the EBU files fade in: no step for an interpolator to ring on. */
    private static final double FADE_SECONDS = 0.1;

    private TruePeakSignals() {
    }

    /**
     * Cases 15 to 19: {@code amplitude * sin(2 pi n / cycle + phase)}, a tone at
     * {@code fs / cycle}, for {@code seconds}, faded in and out.
     */
    static double[] tone(int sampleRate, double seconds, int cycle, double amplitude, double phaseDegrees) {
        int n = (int) Math.round(seconds * sampleRate);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = fade(i, n, sampleRate) * amplitude * Math.sin(2 * Math.PI * i / cycle + Math.toRadians(phaseDegrees));
        }
        return x;
    }

    /**
     * Cases 20 to 23: a 0.5 FFS tone at fs/6 interrupted by one period of a 1.0 FFS tone at
     * fs/4, both built at 4 fs and spliced at a zero crossing; then band-limited below fs/2
     * (so that every fs sampling of it has the same true peak), scaled so that its exact peak
     * is 1.0 (0 dBTP), and sampled at fs starting at 4 fs sample {@code offset} (0..3).
     *
     * <p>The EBU files are made the same way; their exact band-limiting filter is not
     * published, so this one has its own: a 801-tap Kaiser-windowed sinc at 4 fs, passing up
     * to 0.44 fs and stopping (-90 dB) from 0.48 fs. The exact peak is found on the filter's
     * continuous kernel at 1/64 of a 4 fs sample.
     */
    static double[] splice(int sampleRate, double seconds, int offset) {
        int total = (int) Math.round(seconds * sampleRate) * 4 + 4;
        int burstAt = (total / 2) / 24 * 24;
        double[] raw = new double[total];
        for (int m = 0; m < total; m++) {
            double background = m < burstAt ? m : m - 16;
            raw[m] = m >= burstAt && m < burstAt + 16
                    ? Math.sin(2 * Math.PI * (m - burstAt) / 16)
                    : fade(m, total, 4 * sampleRate) * 0.5 * Math.sin(2 * Math.PI * background / 24);
        }
        double[] taps = new double[2 * HALF + 1];
        for (int k = -HALF; k <= HALF; k++) {
            taps[k + HALF] = kernel(k);
        }
        double peak = 0;
        for (int m = burstAt - 8; m < burstAt + 24; m++) {
            for (int j = 0; j < 64; j++) {
                peak = Math.max(peak, Math.abs(lowpass(raw, m + j / 64.0)));
            }
        }
        double[] x = new double[(total - offset) / 4];
        for (int n = 0; n < x.length; n++) {
            int centre = 4 * n + offset;
            double y = 0;
            for (int m = Math.max(0, centre - HALF); m <= Math.min(total - 1, centre + HALF); m++) {
                y += raw[m] * taps[centre - m + HALF];
            }
            x[n] = y / peak;
        }
        return x;
    }

    private static final int HALF = 400;
    /** Cutoff in cycles per 4 fs sample: 0.46 fs. */
    private static final double CUTOFF = 0.46 / 4;
    private static final double BETA = 8.96;

    /** The band-limited signal at 4 fs time {@code t}: the windowed-sinc kernel applied to raw. */
    private static double lowpass(double[] raw, double t) {
        int centre = (int) Math.floor(t);
        double y = 0;
        for (int m = Math.max(0, centre - HALF); m <= Math.min(raw.length - 1, centre + HALF); m++) {
            y += raw[m] * kernel(t - m);
        }
        return y;
    }

    private static double kernel(double tau) {
        double r = tau / (HALF + 1);
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double arg = 2 * Math.PI * CUTOFF * tau;
        double sinc = tau == 0 ? 1 : Math.sin(arg) / arg;
        return 2 * CUTOFF * sinc * org.cabintune.dsp.filter.Kaiser.besselI0(BETA * Math.sqrt(1 - r * r)) / org.cabintune.dsp.filter.Kaiser.besselI0(BETA);
    }

    private static double fade(int i, int n, int rate) {
        int fade = (int) Math.round(FADE_SECONDS * rate);
        return Math.min(1.0, Math.min(i, n - 1 - i) / (double) fade);
    }
}
