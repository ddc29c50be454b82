package org.cabintune.tuner.correct;

import java.util.Arrays;

/**
 * The baseline AutoEq is measured against: the parametric optimiser of the AutoEq project
 * (jaakkopasanen/AutoEq, {@code autoeq/peq.py}), re-implemented from its description with the
 * same limits as {@link AutoEq}. Every peaking filter is initialised, one after another, on the
 * biggest peak (height times width at half prominence) of the still-uncorrected curve, with its
 * gain at the peak's height and its Q from that width; then a low shelf at the corner below
 * which the remaining curve's mean is largest, and a high shelf likewise above, each at Q 0.7
 * with the gain of the curve's mean weighted by the shelf's own shape; then all parameters
 * (log-frequency, linear Q, gain) are refined together by bounded least squares on the RMS
 * error over the band. The project uses SLSQP for that step; here the same bounded
 * Levenberg-Marquardt as {@link AutoEq} runs to convergence, so the comparison is between the
 * two strategies, not two solvers. Like the project it knows nothing of nulls (it fits them like
 * any other error), does not limit the summed boost, keeps every filter, and fixes the level from
 * the start as the mean difference between target and average (it has no level of its own to
 * choose). Its result is evaluated exactly as AutoEq's is: quantised, nulls excluded.
 */
public final class GreedyBaseline {

    private static final int ITERATIONS = 200;
    private static final double SHELF_Q = 0.7;
    private static final double SHELF_MIN_HZ = 40;
    private static final double SHELF_MAX_HZ = 10_000;

    private GreedyBaseline() {
    }

    /** Fits the problem's output the AutoEq project's way. */
    public static AutoEq.Result fit(AutoEq.Problem problem) {
        FitData data = FitData.of(problem, true);
        AutoEq.Limits limits = problem.limits();
        EqFit model = new EqFit(data, limits, false, false, false);
        double[] hz = data.fitHz();
        double offset = 0;
        for (int j = 0; j < hz.length; j++) {
            offset += (data.fitTarget()[j] - data.fitBase()[j]) / hz.length;
        }
        double[] remaining = new double[hz.length];
        for (int j = 0; j < hz.length; j++) {
            remaining[j] = data.fitTarget()[j] - data.fitBase()[j] - offset;
        }
        double[] x = {offset};
        int shelves = limits.shelves() && limits.maxFilters() >= 3 ? 2 : 0;
        double[] response = new double[hz.length];
        for (int k = 0; k < limits.maxFilters() - shelves; k++) {
            double[] peak = biggestPeak(hz, remaining, limits);
            if (peak == null) {
                break;
            }
            x = place(model, x, EqFit.Kind.PEAK, peak[0], peak[1], peak[2], remaining, response);
        }
        if (shelves > 0) {
            x = placeShelf(model, x, EqFit.Kind.LOW_SHELF, remaining, response, limits);
            x = placeShelf(model, x, EqFit.Kind.HIGH_SHELF, remaining, response, limits);
        }
        boolean[] free = new boolean[x.length];
        Arrays.fill(free, 1, x.length, true);
        LeastSquares.minimise(model, x, model.lower(), model.upper(), free, ITERATIONS);
        return AutoEq.Result.of(data, model.specs(x));
    }

    private static double[] place(EqFit model, double[] x, EqFit.Kind kind, double hz, double gain, double q,
                                  double[] remaining, double[] response) {
        double[] p = model.encode(hz, gain, q);
        model.add(kind);
        model.response(kind, p[0], p[1], p[2], response);
        for (int j = 0; j < remaining.length; j++) {
            remaining[j] -= response[j];
        }
        return AutoEq.append(x, p);
    }

    /** {fc, gain, q} of the largest peak or dip of {@code y} by height times width, or null when there is none. */
    static double[] biggestPeak(double[] hz, double[] y, AutoEq.Limits limits) {
        double best = 0;
        double[] out = null;
        double step = Math.log(hz[1] / hz[0]) / Math.log(2);
        for (int sign = 1; sign >= -1; sign -= 2) {
            double[] v = new double[y.length];
            for (int j = 0; j < y.length; j++) {
                v[j] = Math.max(0, sign * y[j]);
            }
            for (int j = 1; j < v.length - 1; j++) {
                if (!(v[j] > 0 && v[j] > v[j - 1] && v[j] >= v[j + 1])) {
                    continue;
                }
                double prominence = v[j] - Math.max(baseMin(v, j, -1), baseMin(v, j, 1));
                double level = v[j] - prominence / 2;
                double width = crossing(v, j, 1, level) - crossing(v, j, -1, level);
                double size = width * v[j];
                if (size > best) {
                    best = size;
                    double octaves = width * step;
                    out = new double[] {hz[j], Math.clamp(sign * v[j], limits.maxCutDb(), limits.maxBoostDb()),
                            Math.clamp(Candidates.qOfOctaves(octaves), limits.minQ(), limits.maxQ())};
                }
            }
        }
        return out;
    }

    /** The lowest value between peak j and the next higher point (or the end) in direction dir. */
    private static double baseMin(double[] v, int j, int dir) {
        double min = v[j];
        for (int k = j + dir; k >= 0 && k < v.length && v[k] <= v[j]; k += dir) {
            min = Math.min(min, v[k]);
        }
        return min;
    }

    /** Where, going from peak j in direction dir, v first falls to {@code level} (interpolated index). */
    private static double crossing(double[] v, int j, int dir, double level) {
        int k = j;
        while (k + dir >= 0 && k + dir < v.length && v[k + dir] > level) {
            k += dir;
        }
        int next = k + dir;
        if (next < 0 || next >= v.length) {
            return k;
        }
        return k + dir * (v[k] - level) / (v[k] - v[next]);
    }

    private static double[] placeShelf(EqFit model, double[] x, EqFit.Kind kind, double[] remaining, double[] response,
                                       AutoEq.Limits limits) {
        double[] hz = model.data().fitHz();
        int best = -1;
        double bestMean = -1;
        for (int j = 0; j < hz.length; j++) {
            if (hz[j] < Math.max(SHELF_MIN_HZ, hz[0]) || hz[j] >= Math.min(SHELF_MAX_HZ, hz[hz.length - 1])) {
                continue;
            }
            int from = kind == EqFit.Kind.LOW_SHELF ? 0 : j;
            int to = kind == EqFit.Kind.LOW_SHELF ? j + 1 : hz.length;
            double mean = 0;
            for (int k = from; k < to; k++) {
                mean += remaining[k] / (to - from);
            }
            if (Math.abs(mean) > bestMean) {
                bestMean = Math.abs(mean);
                best = j;
            }
        }
        if (best < 0) {
            return x;
        }
        double q = Math.clamp(SHELF_Q, Math.max(limits.minQ(), EqFit.SHELF_MIN_Q), Math.min(limits.maxQ(), EqFit.SHELF_MAX_Q));
        double[] unit = model.encode(hz[best], 1, q);
        model.response(kind, unit[0], unit[1], unit[2], response);
        double weighted = 0;
        double weights = 0;
        for (int j = 0; j < hz.length; j++) {
            weighted += remaining[j] * response[j];
            weights += response[j];
        }
        double gain = Math.clamp(weighted / weights, limits.maxCutDb(), limits.maxBoostDb());
        return place(model, x, kind, hz[best], gain, q, remaining, response);
    }
}
