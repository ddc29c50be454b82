package org.cabintune.dsp.resample;

import org.cabintune.dsp.filter.Kaiser;

/**
 * The polyphase windowed-sinc filter that converts one sample rate to another, designed once
 * for a pair of rates and shared by {@link Resampler} and its twin {@link ResamplerReference}.
 *
 * <p>The ratio is reduced to {@code up / down} (44.1 to 48 kHz: 160/147). Output sample n lies
 * at input time {@code n * down / up}; its value is the band-limited interpolation
 * {@code sum_m x[m] g(t - m)} over the {@link #taps()} input samples around that time, with
 * {@code g} a sinc cut off at {@link #cutoffHz()}, shaped by a Kaiser window. The {@code up}
 * phases {@code g(d + p / up)} are tabulated, each scaled to a DC gain of exactly 1.
 *
 * <p>Band edges, relative to the lower of the two rates {@code f}: the passband runs to
 * {@value #PASS_FRACTION} f (20.0 kHz at 44.1 kHz, 21.8 kHz at 48 kHz), the stopband starts at
 * f / 2, so nothing above the lower Nyquist frequency survives to alias or image. The Kaiser
 * window is designed for {@value #ATTENUATION_DB} dB (Kaiser's formulas: beta =
 * 0.1102 (A - 8.7), length = (A - 7.95) / (2.285 dw)), which also bounds the passband ripple
 * to 1e-6 (0.00001 dB). At 44.1 kHz from or to 48 kHz that is 168 to 184 taps a phase.
 *
 * <p>Output is aligned: the first output frame is at the time of the first input frame, and N
 * input frames make {@link #outputFrames(long) ceil(N up / down)} output frames; the filter
 * looks {@link #lookahead()} input frames ahead of each output, which the resampler asks its
 * caller for rather than delaying the output.
 */
public final class ResamplerDesign {

    /** Passband edge as a fraction of the lower rate: 20 kHz at 44.1 kHz. */
    public static final double PASS_FRACTION = 0.4535;
    /** Stopband attenuation the Kaiser window is designed for. */
    public static final double ATTENUATION_DB = 120;
    /** The most phases (the reduced ratio's numerator) a design may have: tables stay under 3 MB. */
    public static final int MAX_PHASES = 2048;
    /** Rates accepted, Hz. */
    public static final int MIN_RATE = 1000;
    public static final int MAX_RATE = 768_000;
    /** Coefficients of the fixed-point path: Q3.28 in an {@code int}. */
    static final int COEFFICIENT_BITS = 28;

    private final int inRate;
    private final int outRate;
    private final int up;
    private final int down;
    private final int taps;
    private final double cutoffHz;
    private final double[][] phases;

    private ResamplerDesign(int inRate, int outRate) {
        if (inRate < MIN_RATE || inRate > MAX_RATE) {
            throw new IllegalArgumentException("inRate = " + inRate + " is outside " + MIN_RATE + ".." + MAX_RATE + " Hz");
        }
        if (outRate < MIN_RATE || outRate > MAX_RATE) {
            throw new IllegalArgumentException("outRate = " + outRate + " is outside " + MIN_RATE + ".." + MAX_RATE + " Hz");
        }
        int g = gcd(inRate, outRate);
        this.inRate = inRate;
        this.outRate = outRate;
        this.up = outRate / g;
        this.down = inRate / g;
        if (up > MAX_PHASES) {
            throw new IllegalArgumentException("resampling " + inRate + " Hz to " + outRate + " Hz needs " + up
                    + " filter phases (the ratio reduces to " + up + "/" + down + "); at most " + MAX_PHASES + " are supported");
        }
        double lower = Math.min(inRate, outRate);
        double pass = PASS_FRACTION * lower;
        double stop = 0.5 * lower;
        this.cutoffHz = (pass + stop) / 2;
        double dw = 2 * Math.PI * (stop - pass) / inRate;
        int length = (int) Math.ceil((ATTENUATION_DB - 7.95) / (2.285 * dw));
        // Even, and at least two input steps each side, so a window never starts past the input it was given.
        int half = Math.max((length + 1) / 2, (down + up - 1) / up + 2);
        this.taps = 2 * half;
        this.phases = design(half);
    }

    /** The design converting {@code inRate} to {@code outRate}. */
    public static ResamplerDesign of(int inRate, int outRate) {
        return new ResamplerDesign(inRate, outRate);
    }

    private double[][] design(int half) {
        double beta = 0.1102 * (ATTENUATION_DB - 8.7);
        double fc = 2 * cutoffHz / inRate;
        double[][] h = new double[up][taps];
        for (int p = 0; p < up; p++) {
            double sum = 0;
            for (int k = 0; k < taps; k++) {
                // Tap k multiplies input sample i - half + 1 + k for an output at time i + p / up.
                double tau = half - 1 - k + (double) p / up;
                h[p][k] = fc * sinc(fc * tau) * Kaiser.window(tau / half, beta);
                sum += h[p][k];
            }
            for (int k = 0; k < taps; k++) {
                h[p][k] /= sum;
            }
        }
        return h;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Input rate, Hz. */
    public int inRate() {
        return inRate;
    }

    /** Output rate, Hz. */
    public int outRate() {
        return outRate;
    }

    /** The reduced ratio's numerator: the number of filter phases. */
    public int up() {
        return up;
    }

    /** The reduced ratio's denominator: input steps per {@link #up()} outputs. */
    public int down() {
        return down;
    }

    /** Input samples each output is computed from. */
    public int taps() {
        return taps;
    }

    /** Where the windowed sinc is cut off (its -6 dB point), Hz. */
    public double cutoffHz() {
        return cutoffHz;
    }

    /** The passband edge, Hz. */
    public double passbandHz() {
        return PASS_FRACTION * Math.min(inRate, outRate);
    }

    /** Input frames the filter needs beyond an output's own time. */
    public int lookahead() {
        return taps / 2;
    }

    /** Output frames that {@code inputFrames} input frames make: {@code ceil(inputFrames * up / down)}. */
    public long outputFrames(long inputFrames) {
        return Math.ceilDiv(Math.multiplyExact(inputFrames, (long) up), down);
    }

    /** Input frames one call of {@code outFrames} output frames can need at most. */
    int maxInputFrames(int outFrames) {
        return (int) Math.ceilDiv((long) outFrames * down, up) + taps + 1;
    }

    /** The coefficients of phase {@code p}, in input order; shared, do not change. */
    double[] phase(int p) {
        return phases[p];
    }

    /** The coefficients rounded to Q3.28, {@code [phase][tap]}. */
    int[][] quantized() {
        int[][] q = new int[up][taps];
        for (int p = 0; p < up; p++) {
            for (int k = 0; k < taps; k++) {
                q[p][k] = (int) Math.rint(phases[p][k] * (1 << COEFFICIENT_BITS));
            }
        }
        return q;
    }

    /** Refuses a block size the resamplers are not built for. */
    static void checkFrames(int frames, int max) {
        if (frames < 1 || frames > 1 << 20) {
            throw new IllegalArgumentException("maxOutputFrames = " + frames + " is outside 1.." + (1 << 20));
        }
        if (max < 1 || max > 256) {
            throw new IllegalArgumentException("channels = " + max + " is outside 1..256");
        }
    }

    @Override
    public String toString() {
        return inRate + " Hz -> " + outRate + " Hz (" + up + "/" + down + ", " + taps + " taps)";
    }
}
