package org.cabintune.dsp.loudness;

/**
 * The interpolator of the true-peak meter (ITU-R BS.1770-5 Annex 2 asks for at least 4x
 * oversampling and gives a 48-tap, 4-phase filter as an example). This one is a polyphase
 * windowed sinc, {@value #TAPS} taps per phase, Kaiser window (beta {@value #KAISER_BETA}):
 *
 * <ul>
 *   <li><b>8x below 88.2 kHz, 4x from there up.</b> A 4x grid alone can miss a crest by up to
 *       0.69 dB for a tone near fs/2 (the crest falls between grid points), 8x by 0.17 dB;
 *       at 88.2 kHz and up, fs/2 lies far above audible content.</li>
 *   <li><b>Phase 0 is the input sample itself</b> (a sinc is 1 at 0 and 0 at every other
 *       sample), so only the other phases are computed, and the reading is by construction
 *       never below the sample peak: the Annex 2 filter alone, whose phases all sit between
 *       samples, reads EBU Tech 3341 case 15 at -6.2 instead of -6.0 dBTP.</li>
 *   <li><b>A wider passband than the Annex 2 example.</b> The response is flat within 0.05 dB
 *       to 0.45 fs, where the example filter has begun to roll off; near fs/2, where every
 *       finite interpolator under-reads, this one under-reads less (0.3 against 0.6 dB at
 *       0.46 fs, 1.1 against 1.6 dB at 0.47 fs, as {@code TruePeakTest} measures). Images
 *       are at least 40 dB down, so over-reading stays below about 0.05 dB.</li>
 *   <li><b>Each phase sums to exactly 1</b> (after windowing), so DC and low frequencies
 *       pass with unit gain.</li>
 * </ul>
 */
public final class TruePeakFilter {

    /** Taps per phase: the input samples each interpolated point is computed from. */
    public static final int TAPS = 32;
    /** Kaiser window parameter: about 50 dB side lobes for a narrow transition band. */
    public static final double KAISER_BETA = 4.5;

    private TruePeakFilter() {
    }

    /** The oversampling factor used at {@code sampleRate}: 8 below 88.2 kHz, else 4. */
    public static int oversampling(int sampleRate) {
        return sampleRate < 88_200 ? 8 : 4;
    }

    /**
     * The taps of phases 1 .. factor-1: {@code taps[p - 1][k]} weighs input sample
     * {@code x[n + k - TAPS/2 + 1]} in the interpolated value at position {@code n + p/factor}.
     */
    public static double[][] design(int factor) {
        if (factor < 2 || factor > 64) {
            throw new IllegalArgumentException("oversampling factor = " + factor + " is outside 2 .. 64");
        }
        double half = TAPS / 2.0;
        double norm = besselI0(KAISER_BETA);
        double[][] taps = new double[factor - 1][TAPS];
        for (int p = 1; p < factor; p++) {
            double sum = 0;
            for (int k = 0; k < TAPS; k++) {
                // Distance in input samples from the interpolated point to this tap.
                double t = (double) p / factor - (k - TAPS / 2 + 1);
                double r = t / half;
                double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / norm;
                double sinc = Math.sin(Math.PI * t) / (Math.PI * t);
                taps[p - 1][k] = sinc * window;
                sum += taps[p - 1][k];
            }
            for (int k = 0; k < TAPS; k++) {
                taps[p - 1][k] /= sum;
            }
        }
        return taps;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 64 && term > 1e-17 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
