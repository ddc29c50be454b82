package org.cabintune.dsp.dynamics;

/**
 * The limiter's peak-detector interpolator: a polyphase FIR that estimates the band-limited
 * waveform at {@code factor - 1} points between two samples.
 *
 * <p><b>Design.</b> Phase {@code p} (1 .. factor-1) evaluates the waveform at fractional
 * offset {@code mu = p / factor} after sample {@code j-1}:
 * <pre>
 *   x(j - 1 + mu) ~ sum_k c_p[k] x[j - 1 + k - TAPS/2 + 1],  k = 0 .. TAPS-1
 *   c_p[k] = sinc(mu - m) w((mu - m) / (TAPS/2)),  m = k - TAPS/2 + 1
 * </pre>
 * with {@code sinc} cut off at Nyquist and {@code w} a Kaiser window
 * ({@value #KAISER_BETA}). Every phase is normalised to unity gain at DC, so steady levels
 * read exactly. Phase 0 of such a prototype is a unit impulse (the sample itself), which is
 * why the detector adds the sample to the interpolated points instead of computing it.
 *
 * <p><b>Why these numbers.</b> {@value #TAPS} taps per phase reach 8 samples to either side of
 * the interval, 7 past its end, so the detector costs 7 samples of the look-ahead (0.16 ms at
 * 44.1 kHz) and, folded, {@code 8 * (factor - 1)} multiplies per sample. With beta = 4.5 the
 * complex error of every interpolated point against the ideal band-limited value is at most
 * 0.55 % (0.05 dB) up to 0.35 fs and 0.85 % up to 0.40 fs. Above that a filter this short cannot follow (3 % at
 * 0.42 fs, 23 % at 0.45 fs, more toward Nyquist: the waveform between samples there depends
 * on samples further away than any look-ahead allows), so {@link LimiterDesign}'s guard term
 * covers that band instead.
 *
 * <p>The coefficients come as doubles (for the twin) and, {@link #fold folded} by the
 * prototype's symmetry, rounded to Q2.30 (for the fixed path): a sum of two Q8.24 samples
 * (below 2^32) times a Q2.30 coefficient is a product in units of 2^-54, and the folded
 * coefficients of a pair of phases add up to {@code sum |e| + sum |o| < 2} (1.27 at most; the
 * test checks it), so {@code |E| + |O|} stays below 2^63.
 */
final class OversamplingInterpolator {

    /** Taps per phase (the filter spans this many input samples). */
    static final int TAPS = 16;
    /** Kaiser window shape: the best accuracy up to 0.40 fs for a 16-tap phase. */
    static final double KAISER_BETA = 4.5;
    /** Fractional bits of the fixed-point coefficients. */
    static final int COEF_BITS = 30;

    private OversamplingInterpolator() {
    }

    /**
     * The samples between the interval's end ({@code j}) and the newest sample the
     * interpolator reads: the detector's delay.
     */
    static int delay() {
        return TAPS / 2 - 1;
    }

    /** Coefficients {@code [phase - 1][k]} for phases 1 .. factor-1, each summing to 1. */
    static double[][] design(int factor) {
        double[][] c = new double[factor - 1][TAPS];
        double half = TAPS / 2.0;
        double norm = besselI0(KAISER_BETA);
        for (int p = 1; p < factor; p++) {
            double mu = (double) p / factor;
            double sum = 0;
            for (int k = 0; k < TAPS; k++) {
                double d = mu - (k - TAPS / 2 + 1);
                double r = d / half;
                double w = besselI0(KAISER_BETA * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / norm;
                c[p - 1][k] = Math.sin(Math.PI * d) / (Math.PI * d) * w;
                sum += c[p - 1][k];
            }
            for (int k = 0; k < TAPS; k++) {
                c[p - 1][k] /= sum;
            }
        }
        return c;
    }

    /**
     * The design folded for the fixed-point kernel and rounded to Q2.30. The prototype is
     * even, so phase {@code factor - p} is phase {@code p} reversed: with
     * {@code s_k = x_k + x_(T-1-k)} and {@code d_k = x_k - x_(T-1-k)} (k &lt; T/2),
     * <pre>
     *   y_p = E + O,   y_(factor-p) = E - O,   E = sum s_k e_k,   O = sum d_k o_k,
     *   e_k = (c_p[k] + c_p[T-1-k]) / 2,   o_k = (c_p[k] - c_p[T-1-k]) / 2
     * </pre>
     * so each pair of phases costs T multiplies instead of 2T, and the middle phase (which is
     * symmetric, o = 0) T/2. Layout: for p = 1 .. factor/2 - 1, {@code e} then {@code o}
     * (T/2 each); then the middle phase's {@code e}.
     */
    static int[] fold(double[][] design) {
        int factor = design.length + 1;
        int half = TAPS / 2;
        int[] q = new int[(factor - 1) * half];
        int at = 0;
        for (int p = 1; p < factor / 2; p++) {
            double[] c = design[p - 1];
            for (int k = 0; k < half; k++) {
                q[at + k] = fixed((c[k] + c[TAPS - 1 - k]) / 2);
                q[at + half + k] = fixed((c[k] - c[TAPS - 1 - k]) / 2);
            }
            at += TAPS;
        }
        double[] middle = design[factor / 2 - 1];
        for (int k = 0; k < half; k++) {
            q[at + k] = fixed((middle[k] + middle[TAPS - 1 - k]) / 2);
        }
        return q;
    }

    /** A coefficient in Q2.30, rounded to nearest. */
    static int fixed(double c) {
        return (int) Math.rint(Math.scalb(c, COEF_BITS));
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1.0;
        double term = 1.0;
        double q = x / 2;
        for (int k = 1; k < 64 && term > 1e-17 * sum; k++) {
            term *= (q / k) * (q / k);
            sum += term;
        }
        return sum;
    }
}
