package org.cabintune.tuner.correct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.SectionDesign;

/**
 * The least-squares model of an EQ fit on the fit grid: parameters are the broadband level
 * offset, then per filter log-frequency, gain (dB) and Q (its logarithm, or Q itself as the
 * greedy baseline has it). Residuals are, per grid point, the predicted level (measured average
 * + fixed filters + EQ + offset) minus the target; with {@code nullAware}, a point in a null
 * instead contributes {@value #NULL_WEIGHT} times any gain the EQ adds there; with
 * {@code sumLimits}, every point of the fit grid and of the guard grid (points between and
 * outside the fit grid's, where only the limits are watched) also contributes the limit weight
 * ({@value #LIMIT_WEIGHT} unless raised) times how far the summed EQ goes past the boost limit,
 * or, inside the band, past the cut limit; one more row holds the EQ's mean gain near 0
 * ({@link #LEVEL_WEIGHT}). Filter responses are kept per filter, so a Jacobian column costs one
 * filter's response, not the cascade's.
 */
final class EqFit implements LeastSquares.Model {

    /** The shapes the fitter places. */
    enum Kind { PEAK, LOW_SHELF, HIGH_SHELF }

    /** A boost of 1 dB into a null costs as much as 3 dB of error elsewhere. */
    static final double NULL_WEIGHT = 3;
    /** Going 1 dB past the boost or cut limit costs as much as 3 dB of error (while filters are placed). */
    static final double LIMIT_WEIGHT = 3;
    /**
     * The broadband level belongs to the offset, not to the EQ: the EQ's mean gain over the band
     * costs this much per dB, which settles the trade between a broad shelf and the offset
     * without bending the fit.
     */
    static final double LEVEL_WEIGHT = 0.1;
    /** Shelves keep Q at or below 1/sqrt(2), where the RBJ shelf has no overshoot. */
    static final double SHELF_MAX_Q = 0.71;
    static final double SHELF_MIN_Q = 0.5;

    private final FitData data;
    private final AutoEq.Limits limits;
    private final boolean nullAware;
    private final boolean sumLimits;
    private final boolean logQ;
    private final List<Kind> kinds = new ArrayList<>();
    private final List<double[]> responses = new ArrayList<>();
    /** The fit grid's points, then the guard grid's. */
    private final double[] phi;
    private final boolean[] inBand;
    private final int fitPoints;
    private final double[] eq;
    private final double[] scratch;
    private final double[] trialRows;
    private double limitWeight = LIMIT_WEIGHT;

    /** A model without a guard grid. */
    EqFit(FitData data, AutoEq.Limits limits, boolean nullAware, boolean sumLimits, boolean logQ) {
        this(data, limits, nullAware, sumLimits, logQ, new double[0]);
    }

    /** A model that also watches the limits at {@code guardHz} (any frequencies below 0.5 fs). */
    EqFit(FitData data, AutoEq.Limits limits, boolean nullAware, boolean sumLimits, boolean logQ, double[] guardHz) {
        this.data = data;
        this.limits = limits;
        this.nullAware = nullAware;
        this.sumLimits = sumLimits;
        this.logQ = logQ;
        this.fitPoints = data.fitHz().length;
        int points = fitPoints + (sumLimits ? guardHz.length : 0);
        this.phi = Arrays.copyOf(data.fitPhi(), points);
        this.inBand = new boolean[points];
        double[] guardPhi = Magnitude.phi(guardHz, data.sampleRate());
        for (int j = 0; j < points; j++) {
            if (j >= fitPoints) {
                phi[j] = guardPhi[j - fitPoints];
            }
            inBand[j] = j < fitPoints || guardHz[j - fitPoints] >= data.lowHz() && guardHz[j - fitPoints] <= data.highHz();
        }
        this.eq = new double[points];
        this.scratch = new double[points];
        this.trialRows = new double[rows()];
    }

    /** The same filters in a model watching the limits at {@code guardHz} instead. */
    EqFit withGuard(double[] guardHz) {
        EqFit other = new EqFit(data, limits, nullAware, sumLimits, logQ, guardHz);
        kinds.forEach(other::add);
        return other;
    }

    /** Sets what 1 dB past a limit costs, in dB of error. */
    void limitWeight(double weight) {
        limitWeight = weight;
    }

    FitData data() {
        return data;
    }

    List<Kind> kinds() {
        return kinds;
    }

    /** Appends a filter; the caller extends its parameter vector with {@link #encode}. */
    void add(Kind kind) {
        kinds.add(kind);
        responses.add(new double[eq.length]);
    }

    /** Inserts a filter at {@code k} (undoing {@link #remove}). */
    void insert(int k, Kind kind) {
        kinds.add(k, kind);
        responses.add(k, new double[eq.length]);
    }

    /** Removes filter {@code k}; the caller drops its three parameters. */
    void remove(int k) {
        kinds.remove(k);
        responses.remove(k);
    }

    int size() {
        return kinds.size();
    }

    @Override
    public int rows() {
        return sumLimits ? fitPoints + eq.length + 1 : fitPoints;
    }

    /** The parameters of one filter: log-frequency, gain and the Q parameter. */
    double[] encode(double hz, double gainDb, double q) {
        return new double[] {Math.log(hz), gainDb, logQ ? Math.log(q) : q};
    }

    double q(double[] x, int k) {
        double v = x[3 + 3 * k];
        return logQ ? Math.exp(v) : v;
    }

    double hz(double[] x, int k) {
        return Math.exp(x[1 + 3 * k]);
    }

    double gain(double[] x, int k) {
        return x[2 + 3 * k];
    }

    /** Lower bounds for the current filters (the offset is free). */
    double[] lower() {
        return bounds(true);
    }

    /** Upper bounds for the current filters. */
    double[] upper() {
        return bounds(false);
    }

    private double[] bounds(boolean low) {
        double[] b = new double[1 + 3 * kinds.size()];
        b[0] = low ? -1e9 : 1e9;
        for (int k = 0; k < kinds.size(); k++) {
            double[] q = qRange(kinds.get(k));
            b[1 + 3 * k] = Math.log(low ? data.lowHz() : data.highHz());
            b[2 + 3 * k] = low ? limits.maxCutDb() : limits.maxBoostDb();
            b[3 + 3 * k] = logQ ? Math.log(low ? q[0] : q[1]) : low ? q[0] : q[1];
        }
        return b;
    }

    /** The Q range of a kind: the limits' for peaks, at most 1/sqrt(2) for shelves. */
    private double[] qRange(Kind kind) {
        if (kind == Kind.PEAK) {
            return new double[] {limits.minQ(), limits.maxQ()};
        }
        double hi = Math.min(limits.maxQ(), SHELF_MAX_Q);
        return new double[] {Math.min(Math.max(limits.minQ(), SHELF_MIN_Q), hi), hi};
    }

    /** The filter specs the parameters describe, held inside the limits against the rounding of exp(log(x)). */
    List<FilterSpec> specs(double[] x) {
        List<FilterSpec> out = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            double[] q = qRange(kinds.get(k));
            out.add(spec(kinds.get(k), Math.clamp(hz(x, k), data.lowHz(), data.highHz()), gain(x, k),
                    Math.clamp(q(x, k), q[0], q[1])));
        }
        return out;
    }

    static FilterSpec spec(Kind kind, double hz, double gainDb, double q) {
        return switch (kind) {
            case PEAK -> new FilterSpec.Peaking(hz, q, gainDb);
            case LOW_SHELF -> new FilterSpec.LowShelf(hz, q, gainDb);
            case HIGH_SHELF -> new FilterSpec.HighShelf(hz, q, gainDb);
        };
    }

    /** The response of one filter kind with the given parameters on the fit grid. */
    void response(Kind kind, double lnHz, double gainDb, double qParam, double[] out) {
        response(kind, lnHz, gainDb, qParam, data.fitPhi(), out);
    }

    private void response(Kind kind, double lnHz, double gainDb, double qParam, double[] at, double[] out) {
        double q = logQ ? Math.exp(qParam) : qParam;
        BiquadCoefficients c = SectionDesign.design(spec(kind, Math.exp(lnHz), gainDb, q), data.sampleRate()).getFirst();
        Magnitude.db(c, at, out);
    }

    /** The summed EQ on the fit grid at {@code x}. */
    double[] eq(double[] x) {
        update(x);
        return Arrays.copyOf(eq, fitPoints);
    }

    private void update(double[] x) {
        Arrays.fill(eq, 0);
        for (int k = 0; k < kinds.size(); k++) {
            double[] resp = responses.get(k);
            response(kinds.get(k), x[1 + 3 * k], x[2 + 3 * k], x[3 + 3 * k], phi, resp);
            for (int j = 0; j < eq.length; j++) {
                eq[j] += resp[j];
            }
        }
    }

    @Override
    public void residuals(double[] x, double[] r) {
        update(x);
        rows(x[0], eq, r);
    }

    private void rows(double offset, double[] sum, double[] r) {
        int n = fitPoints;
        double[] base = data.fitBase();
        double[] target = data.fitTarget();
        boolean[] nulls = data.fitNull();
        for (int j = 0; j < n; j++) {
            r[j] = nullAware && nulls[j] ? NULL_WEIGHT * Math.max(0, sum[j])
                    : base[j] + sum[j] + offset - target[j];
        }
        if (sumLimits) {
            double mean = 0;
            for (int j = 0; j < sum.length; j++) {
                double cut = inBand[j] ? Math.max(0, limits.maxCutDb() - sum[j]) : 0;
                r[n + j] = limitWeight * (Math.max(0, sum[j] - limits.maxBoostDb()) + cut);
                mean += j < n ? sum[j] / n : 0;
            }
            r[n + sum.length] = LEVEL_WEIGHT * mean;
        }
    }

    /** True for a row that measures the fit (not a penalty). */
    boolean fitRow(int row) {
        return row < fitPoints && !(nullAware && data.fitNull()[row]);
    }

    /** The RMS of the fit rows of {@code r}, dB. */
    double fitRms(double[] r) {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < fitPoints; j++) {
            if (fitRow(j)) {
                sum += r[j] * r[j];
                count++;
            }
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }

    @Override
    public void jacobian(double[] x, double[] r, double[][] jac) {
        update(x);
        for (int row = 0; row < jac.length; row++) {
            jac[row][0] = fitRow(row) ? 1 : 0;
        }
        for (int k = 0; k < kinds.size(); k++) {
            double[] resp = responses.get(k);
            for (int p = 0; p < 3; p++) {
                int col = 1 + 3 * k + p;
                double h = p == 1 ? 1e-4 : 1e-5;
                double[] params = {x[1 + 3 * k], x[2 + 3 * k], x[3 + 3 * k]};
                params[p] += h;
                response(kinds.get(k), params[0], params[1], params[2], phi, scratch);
                for (int j = 0; j < eq.length; j++) {
                    scratch[j] = eq[j] - resp[j] + scratch[j];
                }
                rows(x[0], scratch, trialRows);
                for (int row = 0; row < jac.length; row++) {
                    jac[row][col] = (trialRows[row] - r[row]) / h;
                }
            }
        }
    }
}
