package org.cabintune.tuner.ui.plot;

import org.cabintune.tuner.measure.FrequencyResponse;

/**
 * One line on a plot: x rising, y NaN where there is nothing to draw (the line breaks there).
 *
 * @param label the legend's text
 * @param role  what it is, for its colour
 * @param shade which of several lines of one role it is (0 for the first), for a distinct colour
 * @param x     frequencies in Hz or times in ms
 * @param y     values in the plot's unit
 */
public record Series(String label, Role role, int shade, double[] x, double[] y) {

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + label + " has " + x.length + " x values but " + y.length + " y values");
        }
    }

    /**
     * The value at {@code at}: interpolated linearly (over log x when {@code logX}), NaN outside
     * the series or next to a break.
     */
    public double valueAt(double at, boolean logX) {
        int n = x.length;
        if (n == 0 || !(at >= x[0] && at <= x[n - 1])) {
            return Double.NaN;
        }
        int hi = 1;
        while (hi < n - 1 && x[hi] < at) {
            hi++;
        }
        if (n == 1) {
            return y[0];
        }
        double[] xs = {x[hi - 1], x[hi]};
        double[] ys = {y[hi - 1], y[hi]};
        return logX ? FrequencyResponse.interpolateLog(xs, ys, at) : ys[0] + (ys[1] - ys[0]) * (at - xs[0]) / (xs[1] - xs[0]);
    }
}
