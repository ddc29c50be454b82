package org.cabintune.tuner.correct;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.SectionDesign;
import org.cabintune.tuner.measure.Smoothing;

/**
 * Auto-EQ for one output: parametric filters that bring the multi-position average of a
 * speaker's response onto a target within its band, never boosting into a null.
 *
 * <p>The fit works on the level-aligned RMS average of the positions, smoothed (1/6 octave by
 * default), plus the fixed filters already in the output's chain. It chooses the broadband level
 * offset itself (targets are shapes; {@link Result#levelOffsetDb()} says how much to add to the
 * output's level to sit on the target), places filters greedily where the remaining error has the
 * most area (trying peaks at the largest error regions and shelves, each tuned alone before one is
 * kept, never a copy of a filter already placed), refines all filters together by bounded
 * Levenberg-Marquardt over log-frequency, gain and log-Q after each addition (penalising any
 * summed boost or cut past the limits and any boost at a null), prunes filters that do not lower
 * the residual by {@value #PRUNE_DB} dB, merges any two that became copies of one filter, and
 * finally holds the filters' summed response inside the limits for certain ({@link SumLimits}:
 * steeper penalties, then projection and re-refinement). The prediction uses the exact quantised
 * coefficients the head unit runs.
 */
public final class AutoEq {

    /** A filter must lower the in-band residual RMS by this much to stay. */
    static final double PRUNE_DB = 0.01;
    /** A new filter that improves the residual RMS by less than this ends the greedy search. */
    static final double MIN_IMPROVEMENT_DB = 0.005;
    /** What the EQ may still add at a null, dB. */
    static final double NULL_TOLERANCE_DB = 0.05;
    private static final int LOCAL_ITERATIONS = 8;
    static final int JOINT_ITERATIONS = 40;
    private static final int FINAL_ITERATIONS = 200;

    private AutoEq() {
    }

    /**
     * Limits of a fit.
     *
     * @param maxFilters most filters to place (0 .. 32)
     * @param maxBoostDb most gain a filter, or the filters together, may add at any frequency up to 0.49 fs (0 .. 18 dB)
     * @param maxCutDb   most a filter, or the filters together, may take away inside the band (-30 .. 0 dB)
     * @param minQ       lowest Q (0.1 .. 20)
     * @param maxQ       highest Q (minQ .. 20)
     * @param shelves    whether low and high shelves may be used
     * @param smoothing  smoothing of the average the fit sees
     */
    public record Limits(int maxFilters, double maxBoostDb, double maxCutDb, double minQ, double maxQ, boolean shelves,
                         Smoothing smoothing) {

        /**
         * 10 filters; +6 dB of boost (a quarter of the power again per boost, no more); -12 dB of
         * cut (enough to take down a car's cabin gain and modal peaks, which rarely exceed +12 dB,
         * while deeper cuts only fit the average and sound wrong a head's width away); Q 0.5 .. 10;
         * shelves; 1/6-octave smoothing.
         */
        public static final Limits DEFAULT = new Limits(10, 6, -12, 0.5, 10, true,
                new Smoothing(Smoothing.Kind.OCTAVE_FRACTION, 6));

        /** Checks every range, naming the field. */
        public Limits {
            Objects.requireNonNull(smoothing, "smoothing");
            check("maxFilters", maxFilters, 0, 32);
            check("maxBoostDb", maxBoostDb, 0, 18);
            check("maxCutDb", maxCutDb, -30, 0);
            check("minQ", minQ, 0.1, 20);
            check("maxQ", maxQ, minQ, 20);
        }

        /** These limits with another filter count. */
        public Limits withMaxFilters(int n) {
            return new Limits(n, maxBoostDb, maxCutDb, minQ, maxQ, shelves, smoothing);
        }
    }

    /**
     * One output to correct.
     *
     * @param sampleRate        rate the head unit runs the filters at
     * @param hz                frequencies, rising (a log grid)
     * @param positionsDb       level at each microphone position [position][frequency], dB, measured
     *                          without the fixed filters in the path
     * @param positionsPhaseDeg phase at each position in degrees (after each one's arrival delay), or null
     * @param targetDb          target on {@code hz}; its broadband level does not matter
     * @param lowHz             start of the band to correct (the speaker's usable band)
     * @param highHz            end of the band
     * @param fixedFilters      filters already in the output's chain (crossover, protection), part of the prediction
     * @param limits            limits of the fit
     */
    public record Problem(double sampleRate, double[] hz, double[][] positionsDb, double[][] positionsPhaseDeg,
                          double[] targetDb, double lowHz, double highHz, List<FilterSpec> fixedFilters,
                          Limits limits) {

        /** Checks shapes and ranges, naming the field and value. */
        public Problem {
            Objects.requireNonNull(limits, "limits");
            fixedFilters = List.copyOf(fixedFilters);
            if (!(sampleRate >= 8000 && sampleRate <= 384_000)) {
                throw new IllegalArgumentException("sampleRate " + sampleRate + " is outside the allowed range 8000 .. 384000 Hz");
            }
            if (hz.length < 4) {
                throw new IllegalArgumentException("hz has " + hz.length + " frequencies; at least 4 are needed");
            }
            for (int i = 0; i < hz.length; i++) {
                if (!(hz[i] > 0) || i > 0 && !(hz[i] > hz[i - 1])) {
                    throw new IllegalArgumentException("hz[" + i + "] = " + hz[i] + " must be positive and above hz["
                            + Math.max(0, i - 1) + "]");
                }
            }
            if (positionsDb.length == 0) {
                throw new IllegalArgumentException("positionsDb is empty; at least one position is needed");
            }
            checkRows("positionsDb", positionsDb, hz.length);
            if (positionsPhaseDeg != null) {
                if (positionsPhaseDeg.length != positionsDb.length) {
                    throw new IllegalArgumentException("positionsPhaseDeg has " + positionsPhaseDeg.length
                            + " positions but positionsDb " + positionsDb.length);
                }
                checkRows("positionsPhaseDeg", positionsPhaseDeg, hz.length);
            }
            checkRows("targetDb", new double[][] {targetDb}, hz.length);
            double top = 0.49 * sampleRate;
            if (!(lowHz >= 10 && highHz > lowHz && highHz <= top)) {
                throw new IllegalArgumentException("band " + lowHz + " .. " + highHz + " Hz must rise within 10 .. "
                        + top + " Hz (0.49 x sampleRate)");
            }
            if (lowHz < hz[0] || highHz > hz[hz.length - 1]) {
                throw new IllegalArgumentException("band " + lowHz + " .. " + highHz + " Hz reaches outside the measured "
                        + hz[0] + " .. " + hz[hz.length - 1] + " Hz");
            }
            if (fixedFilters.size() + limits.maxFilters() > 32) {
                throw new IllegalArgumentException(fixedFilters.size() + " fixed filters and maxFilters "
                        + limits.maxFilters() + " exceed the 32 filters an output may have");
            }
        }
    }

    /**
     * A fit.
     *
     * @param filters       the EQ filters, in the order they were placed
     * @param hz            the problem's frequencies
     * @param averageDb     the smoothed RMS average the fit worked on
     * @param eqDb          the EQ filters' gain, from their quantised coefficients
     * @param predictedDb   average + fixed filters + EQ, all from quantised coefficients (without the level offset)
     * @param nullMask      frequencies excluded as uncorrectable nulls
     * @param residualRmsDb RMS of predicted + offset - target in the band, nulls excluded
     * @param residualMaxDb largest |predicted + offset - target| there
     * @param levelOffsetDb the broadband level that puts the prediction on the target
     */
    public record Result(List<FilterSpec> filters, double[] hz, double[] averageDb, double[] eqDb, double[] predictedDb,
                         boolean[] nullMask, double residualRmsDb, double residualMaxDb, double levelOffsetDb) {

        /** Number of frequencies excluded as nulls inside the band. */
        public int nullCount() {
            int count = 0;
            for (boolean b : nullMask) {
                count += b ? 1 : 0;
            }
            return count;
        }

        /** Evaluates a filter set on prepared data, with its exact quantised response. */
        static Result of(FitData data, List<FilterSpec> filters) {
            double[] hz = data.hz();
            double[] eq = Magnitude.cascadeDb(SectionDesign.quantize(filters, data.sampleRate()), hz, data.sampleRate());
            double[] predicted = new double[hz.length];
            double sum = 0;
            int count = 0;
            for (int i = 0; i < hz.length; i++) {
                predicted[i] = data.averageDb()[i] + data.fixedDb()[i] + eq[i];
                if (data.inBand(i) && !data.nullMask()[i]) {
                    sum += data.targetDb()[i] - predicted[i];
                    count++;
                }
            }
            double offset = count == 0 ? 0 : sum / count;
            double squares = 0;
            double max = 0;
            for (int i = 0; i < hz.length; i++) {
                if (data.inBand(i) && !data.nullMask()[i]) {
                    double e = predicted[i] + offset - data.targetDb()[i];
                    squares += e * e;
                    max = Math.max(max, Math.abs(e));
                }
            }
            return new Result(List.copyOf(filters), hz, data.averageDb(), eq, predicted, data.nullMask(),
                    count == 0 ? 0 : Math.sqrt(squares / count), max, offset);
        }
    }

    /**
     * Told how a fit goes; it may throw {@link java.util.concurrent.CancellationException} to
     * stop the fit, which then throws it on.
     */
    @FunctionalInterface
    public interface Listener {
        /** After each filter the greedy search keeps: {@code placed} of at most {@code most}. */
        void placed(int placed, int most);
    }

    /**
     * The problem prepared once (the smoothed average, the fixed filters' response, the nulls),
     * to predict many filter sets against, as an editor does while its filters move.
     */
    public static final class Predictor {

        private final FitData data;

        private Predictor(FitData data) {
            this.data = data;
        }

        /** What {@code filters} make of the problem's output, from their exact quantised coefficients, as a fit's result. */
        public Result predict(List<FilterSpec> filters) {
            return Result.of(data, filters);
        }
    }

    /** A {@link Predictor} for the problem's output. */
    public static Predictor predictor(Problem problem) {
        return new Predictor(FitData.of(problem, true));
    }

    /** Fits the problem's output. */
    public static Result fit(Problem problem) {
        return fit(problem, (placed, most) -> { });
    }

    /** Fits the problem's output, telling {@code listener} as filters are placed. */
    public static Result fit(Problem problem, Listener listener) {
        FitData data = FitData.of(problem, true);
        Limits limits = problem.limits();
        EqFit model = new EqFit(data, limits, true, true, true);
        double[] x = {meanError(data)};
        x = greedy(model, x, limits, listener);
        x = prune(model, x);
        refine(model, x, FINAL_ITERATIONS);
        x = Duplicates.merge(model, x, JOINT_ITERATIONS);
        EqFit strict = model.withGuard(SumLimits.guard(data));
        SumLimits.of(data, limits).enforce(strict, x);
        return Result.of(data, strict.specs(x));
    }

    private static double meanError(FitData data) {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < data.fitHz().length; j++) {
            if (!data.fitNull()[j]) {
                sum += data.fitTarget()[j] - data.fitBase()[j];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static double[] greedy(EqFit model, double[] x, Limits limits, Listener listener) {
        double[] r = new double[model.rows()];
        model.residuals(x, r);
        double rms = model.fitRms(r);
        while (model.size() < limits.maxFilters()) {
            double[] best = null;
            EqFit.Kind bestKind = null;
            double bestRms = Double.POSITIVE_INFINITY;
            for (Candidates.Candidate c : Candidates.of(model, x, limits)) {
                double[] trial = append(x, model.encode(c.hz(), c.gainDb(), c.q()));
                model.add(c.kind());
                boolean[] free = new boolean[trial.length];
                free[0] = true;
                Arrays.fill(free, trial.length - 3, trial.length, true);
                LeastSquares.minimise(model, trial, model.lower(), model.upper(), free, LOCAL_ITERATIONS);
                if (Duplicates.twinOf(model, trial, model.size() - 1) >= 0) {
                    model.remove(model.size() - 1);
                    continue;
                }
                model.residuals(trial, r);
                double trialRms = penalisedRms(model, r);
                model.remove(model.size() - 1);
                if (trialRms < bestRms) {
                    bestRms = trialRms;
                    best = trial;
                    bestKind = c.kind();
                }
            }
            if (best == null) {
                break;
            }
            // A filter that helps little alone may still pay once all are refined together.
            model.add(bestKind);
            refine(model, best, JOINT_ITERATIONS);
            model.residuals(best, r);
            double refined = penalisedRms(model, r);
            if (rms - refined < MIN_IMPROVEMENT_DB) {
                model.remove(model.size() - 1);
                break;
            }
            x = best;
            rms = refined;
            listener.placed(model.size(), limits.maxFilters());
        }
        return x;
    }

    /** The RMS of all rows over the fit rows' count: the fit's RMS with the penalties folded in. */
    static double penalisedRms(EqFit model, double[] r) {
        double fit = model.fitRms(r);
        double all = 2 * LeastSquares.cost(r);
        int count = 0;
        for (int row = 0; row < r.length; row++) {
            count += model.fitRow(row) ? 1 : 0;
        }
        return count == 0 ? 0 : Math.sqrt(Math.max(all / count, fit * fit));
    }

    static void refine(EqFit model, double[] x, int iterations) {
        boolean[] free = new boolean[x.length];
        Arrays.fill(free, true);
        LeastSquares.minimise(model, x, model.lower(), model.upper(), free, iterations);
    }

    /** Drops, one at a time, the filter whose removal costs least while that is under {@link #PRUNE_DB}. */
    private static double[] prune(EqFit model, double[] x) {
        double[] r = new double[model.rows()];
        while (model.size() > 0) {
            model.residuals(x, r);
            double rms = penalisedRms(model, r);
            int weakest = -1;
            double weakestRms = Double.POSITIVE_INFINITY;
            double[] weakestX = null;
            for (int k = 0; k < model.size(); k++) {
                EqFit.Kind kind = model.kinds().get(k);
                double[] without = remove(x, k);
                model.remove(k);
                boolean[] offsetOnly = new boolean[without.length];
                offsetOnly[0] = true;
                LeastSquares.minimise(model, without, model.lower(), model.upper(), offsetOnly, 3);
                model.residuals(without, r);
                double trialRms = penalisedRms(model, r);
                model.insert(k, kind);
                if (trialRms < weakestRms) {
                    weakestRms = trialRms;
                    weakest = k;
                    weakestX = without;
                }
            }
            if (weakestRms - rms >= PRUNE_DB) {
                break;
            }
            model.remove(weakest);
            x = weakestX;
            refine(model, x, JOINT_ITERATIONS / 2);
        }
        return x;
    }

    static double[] append(double[] x, double[] more) {
        double[] out = Arrays.copyOf(x, x.length + more.length);
        System.arraycopy(more, 0, out, x.length, more.length);
        return out;
    }

    static double[] remove(double[] x, int k) {
        double[] out = new double[x.length - 3];
        System.arraycopy(x, 0, out, 0, 1 + 3 * k);
        System.arraycopy(x, 1 + 3 * (k + 1), out, 1 + 3 * k, x.length - 1 - 3 * (k + 1));
        return out;
    }

    private static void checkRows(String field, double[][] rows, int n) {
        for (int p = 0; p < rows.length; p++) {
            if (rows[p].length != n) {
                throw new IllegalArgumentException(field + "[" + p + "] has " + rows[p].length + " values for "
                        + n + " frequencies");
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(rows[p][i])) {
                    throw new IllegalArgumentException(field + "[" + p + "][" + i + "] = " + rows[p][i]
                            + " is not a finite number");
                }
            }
        }
    }

    private static void check(String field, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(field + " = " + value + " is outside the allowed range " + lo + " .. " + hi);
        }
    }
}
