package org.cabintune.dsp.filter;

/**
 * The Kaiser window, shared by every windowed-sinc design (true-peak interpolators, the
 * limiter's guard, the resampler): {@code I0(beta sqrt(1 - r^2)) / I0(beta)} for |r| < 1.
 */
public final class Kaiser {

    private Kaiser() {
    }

    /** The window at {@code r} (-1..1 across its length), 0 outside. */
    public static double window(double r, double beta) {
        return Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    public static double besselI0(double x) {
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
