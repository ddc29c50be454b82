package org.cabintune.tuner.calibrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.calibrate.Calibration.Measured;
import org.cabintune.tuner.correct.AutoEq;
import org.cabintune.tuner.correct.GridSmoothing;
import org.cabintune.tuner.design.OutputMeasurement;
import org.cabintune.tuner.design.PlannedOutput;
import org.cabintune.tuner.design.Realized;
import org.cabintune.tuner.design.SystemDesign;
import org.cabintune.tuner.design.SystemPlan;
import org.cabintune.tuner.measure.Smoothing;
import org.cabintune.tuner.measure.Transfer;

/**
 * The correction designed from the measurements: the system plan (crossovers, levels, delays,
 * polarity, muting) with each output's auto-EQ fitted inside its band, then the plan made again
 * with the EQ in it so the delays and levels account for the EQ's own phase and level. Then,
 * {@link #SUM_PASSES} times, every output's target is moved by what the predicted sum of all
 * outputs still lacks or has too much of ({@link #shapeForTheSum}), the EQ fitted and the plan
 * made again on the moved target: each output meets a target of its own, and all of them
 * together meet the target curve.
 */
final class Design {

    /** Per-position detail the EQ fit sees (it smooths the average itself; nulls need the detail). */
    static final Smoothing POSITION_SMOOTHING = Smoothing.parse("1/24");
    /** The bus preamp is rounded down to this step. */
    static final double PREAMP_STEP_DB = 0.5;

    private final double[] hz;
    private final double[] targetShape;
    private final int rate;
    private SystemPlan plan;
    private final Map<Integer, AutoEq.Result> fits = new HashMap<>();
    private final Map<Integer, Double> fitMillis = new HashMap<>();
    /** How far every output's target is moved so that all of them together meet the target, dB. */
    private final double[] sumMove;
    private final Map<Integer, double[]> averages = new HashMap<>();
    /** Each fitted output's EQ filters, by index. */
    private final Map<Integer, List<FilterSpec>> eq = new HashMap<>();

    private Design(double[] hz, double[] targetShape, int rate, SystemPlan plan) {
        this.hz = hz;
        this.targetShape = targetShape;
        this.rate = rate;
        this.plan = plan;
        this.sumMove = new double[hz.length];
    }

    /** The speakers' levels the predictions start from. */
    private Design withAverages(List<Measured> before) {
        for (Measured m : before) {
            if (m.averageDb(hz) != null) {
                averages.put(m.index(), m.averageDb(hz));
            }
        }
        return this;
    }

    static Design of(List<Measured> before, List<BoardConfig.Output> outs, double[] hz, double[] targetShape, int rate,
                     CalibrationOptions options, Consumer<String> log) {
        List<OutputMeasurement> oms = new ArrayList<>();
        for (Measured m : before) {
            BoardConfig.Output o = outs.get(m.index());
            oms.add(OutputMeasurement.of(m.index(), o.speaker(), MeasurementProfile.role(o),
                    o.minHighpassHz() == null ? OptionalDouble.empty() : OptionalDouble.of(o.minHighpassHz()),
                    o.ceilingDbtp() == null ? 0 : o.ceilingDbtp(), m.speaker(), m.noise()));
        }
        SystemDesign.Options opts = SystemDesign.Options.DEFAULT.withSeat(options.seat()).withSampleRate(rate);
        SystemPlan first = SystemDesign.plan(oms, hz, targetShape, opts);
        Design design = new Design(hz, targetShape, rate, first).withAverages(before);
        for (PlannedOutput p : first.outputs()) {
            if (p.muted()) {
                log.accept("  " + p.name() + ": muted (" + p.mutedReason() + ")");
            }
        }
        design.fit(before, first, log);
        design.plan = SystemDesign.plan(oms, hz, targetShape, opts.withEq(design.eq));
        for (int pass = 1; pass <= SUM_PASSES; pass++) {
            double moved = design.shapeForTheSum(before);
            log.accept(String.format(java.util.Locale.ROOT, "  shaping for the sum, pass %d: targets moved by up to %.1f dB",
                    pass, moved));
            double[] shape = design.shape();
            design.plan = SystemDesign.plan(oms, hz, shape, opts.withEq(design.eq));
            design.fit(before, design.plan, log);
            design.plan = SystemDesign.plan(oms, hz, shape, opts.withEq(design.eq));
        }
        return design;
    }

    /** Fits every playing output's EQ inside its band to its own target shape. */
    private void fit(List<Measured> before, SystemPlan bands, Consumer<String> log) {
        for (PlannedOutput p : bands.outputs()) {
            if (p.muted()) {
                continue;
            }
            Measured m = before.get(p.index());
            long t0 = System.nanoTime();
            AutoEq.Result fit = AutoEq.fit(new AutoEq.Problem(rate, hz, positionsDb(m.speaker(), hz),
                    positionsPhase(m, hz), shape(), p.band()[0], p.band()[1], p.crossover(),
                    AutoEq.Limits.DEFAULT));
            fitMillis.put(p.index(), (System.nanoTime() - t0) / 1e6);
            fits.put(p.index(), fit);
            eq.put(p.index(), fit.filters());
            log.accept(String.format(java.util.Locale.ROOT, "  %s: %.0f - %.0f Hz, %d EQ filters, predicted residual"
                            + " %.2f dB RMS (%.0f ms)", p.name(), p.band()[0], p.band()[1], fit.filters().size(),
                    fit.residualRmsDb(), fitMillis.get(p.index())));
        }
    }

    /** How many times the outputs' targets are moved for the sum. */
    static final int SUM_PASSES = 2;
    /** The sum's deviation is followed at this resolution: the room's broad trends, not one seat's combs. */
    static final Smoothing SUM_TREND = Smoothing.parse("1/3");
    /** Where the sum lacks level, an output's target rises by at most this much in all. */
    static final double MAX_SUM_LIFT_DB = 3;
    /** Where the sum has too much, an output's target falls by at most this much in all. */
    static final double MAX_SUM_CUT_DB = 6;

    /**
     * Moves every playing output's target by the predicted sum's deviation from the target shape.
     * Each output was fitted to the target alone, but outputs that overlap add: a left-right pair
     * sums coherently where the two arrive together (the low mid-range) and less so where they
     * do not, and a subwoofer adds to the mid-woofers around the crossover. A change common to
     * every output changes the sum by exactly that change at every position, so lowering every
     * target by the sum's excess (and raising it, within {@link #MAX_SUM_LIFT_DB}, by its lack)
     * puts the sum on the target while each output stays on a target of its own. The deviation
     * is taken at {@link #SUM_TREND}, with its mean over the judged band removed: it shapes, the
     * levels stay the plan's.
     *
     * @return the largest move of this pass, dB
     */
    private double shapeForTheSum(List<Measured> before) {
        double[] sum = summedPrediction(before);
        double[] deviation = new double[hz.length];
        double mean = 0;
        int n = 0;
        for (int i = 0; i < hz.length; i++) {
            deviation[i] = sum[i] - targetShape[i];
            if (hz[i] >= Residual.LOW_HZ && hz[i] <= Residual.HIGH_HZ) {
                mean += deviation[i];
                n++;
            }
        }
        mean /= n;
        double[] trend = GridSmoothing.smooth(hz, deviation, SUM_TREND);
        double moved = 0;
        for (int i = 0; i < hz.length; i++) {
            double total = sumMove[i] - (trend[i] - mean);
            double bounded = Math.max(-MAX_SUM_CUT_DB, Math.min(MAX_SUM_LIFT_DB, total));
            moved = Math.max(moved, Math.abs(bounded - sumMove[i]));
            sumMove[i] = bounded;
        }
        return moved;
    }

    /** Every output's target shape: the target, moved for the sum. */
    private double[] shape() {
        double[] shape = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            shape[i] = targetShape[i] + sumMove[i];
        }
        return shape;
    }

    private static double[][] positionsDb(List<Transfer> positions, double[] hz) {
        double[][] db = new double[positions.size()][];
        for (int p = 0; p < db.length; p++) {
            db[p] = positions.get(p).respond(hz, POSITION_SMOOTHING, 0, 0).db();
            for (int i = 0; i < db[p].length; i++) {
                db[p][i] = Math.max(db[p][i], Calibration.FLOOR_DB);
            }
        }
        return db;
    }

    private static double[][] positionsPhase(Measured m, double[] hz) {
        double[][] phase = new double[m.speaker().size()][];
        for (int p = 0; p < phase.length; p++) {
            phase[p] = m.speaker().get(p).respond(hz, POSITION_SMOOTHING, m.raw().get(p).arrivalSeconds(), 0)
                    .phaseDegrees();
        }
        return phase;
    }

    boolean muted(int index) {
        return plan.outputs().get(index).muted();
    }

    int playing() {
        return (int) plan.outputs().stream().filter(p -> !p.muted()).count();
    }

    Map<Integer, List<FilterSpec>> eq() {
        return eq;
    }

    /** The profile: the plan's outputs with their EQ, and the bus preamp. */
    Profile profile(String name) {
        Bus bus = new Bus(preampDb(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return new Profile(Profile.FORMAT, name, rate, List.of("L", "R"), bus, plan.toProfileOutputs(eq()));
    }

    /** The bus preamp that keeps the largest boost of any output's chain in its band from clipping. */
    double preampDb() {
        double most = 0;
        for (PlannedOutput p : plan.outputs()) {
            if (!p.muted()) {
                double[] chain = chainDb(p);
                for (int i = 0; i < hz.length; i++) {
                    if (hz[i] >= p.band()[0] && hz[i] <= p.band()[1]) {
                        most = Math.max(most, chain[i] + p.gainDb());
                    }
                }
            }
        }
        double preamp = -Math.ceil(most / PREAMP_STEP_DB) * PREAMP_STEP_DB;
        return preamp == 0 ? 0.0 : preamp;
    }

    /** The magnitude of an output's crossover and EQ as the unit runs them, dB on the grid. */
    double[] chainDb(PlannedOutput p) {
        List<FilterSpec> filters = new ArrayList<>(p.crossover());
        filters.addAll(eq().getOrDefault(p.index(), List.of()));
        Realized chain = Realized.of(filters, 0, 0, false, rate);
        double[] db = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            db[i] = chain.filterDb(hz[i]);
        }
        return db;
    }

    /** The target an output is corrected to: the shape at the level the plan and the preamp set for it. */
    double[] targetFor(PlannedOutput p) {
        double[] t = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            t[i] = targetShape[i] + sumMove[i] + p.levelDb() + p.gainDb() + preampDb();
        }
        return t;
    }

    /** What all playing outputs together should measure: each position's complex sum through its chain, averaged. */
    double[] summedPrediction(List<Measured> before) {
        int positions = plan.outputs().stream().filter(o -> !o.muted())
                .mapToInt(o -> before.get(o.index()).speaker().size()).min().orElse(0);
        double[] power = new double[hz.length];
        for (int p = 0; p < positions; p++) {
            Transfer sum = null;
            for (PlannedOutput o : plan.outputs()) {
                if (o.muted()) {
                    continue;
                }
                List<FilterSpec> filters = new ArrayList<>(o.crossover());
                filters.addAll(eq().getOrDefault(o.index(), List.of()));
                Transfer measured = before.get(o.index()).speaker().get(p);
                // Each recording has its own clock drift, so its bins are its own: all go onto the first's.
                Transfer onGrid = sum == null ? measured : measured.resampled(sum.binHz(), sum.bins());
                Transfer t = Realized.of(filters, o.delayMs(), o.gainDb() + preampDb(), o.invert(), rate).applied(onGrid);
                sum = sum == null ? t : sum.plus(t);
            }
            double[] db = sum.respond(hz, Calibration.SMOOTHING, 0, 0).db();
            for (int i = 0; i < hz.length; i++) {
                power[i] += Math.pow(10, db[i] / 10) / positions;
            }
        }
        double[] out = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            out[i] = 10 * Math.log10(power[i]);
        }
        return out;
    }

    /** What an output should measure with the correction playing: its speaker through its chain, gain and preamp. */
    double[] predicted(PlannedOutput p) {
        double[] chain = chainDb(p);
        double[] speaker = averages.get(p.index());
        double[] out = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            out[i] = speaker[i] + chain[i] + p.gainDb() + preampDb();
        }
        return out;
    }

    double fitMillis(int index) {
        return fitMillis.getOrDefault(index, 0.0);
    }

    /** Everything the loop found, for the report. */
    CalibrationResult result(String unitId, BoardConfig board, String vehicle, String car, List<String> positions,
                             CalibrationOptions options,
                             Profile profile, List<Measured> before, List<Measured> after, Measured sumBefore,
                             Measured sumAfter, double seconds) {
        List<CalibrationResult.OutputResult> outputs = new ArrayList<>();
        for (PlannedOutput p : plan.outputs()) {
            Measured b = before.get(p.index());
            Measured a = after.get(p.index());
            List<String> notes = new ArrayList<>(p.notes());
            if (p.muted()) {
                notes.addFirst(b.problem() != null ? b.problem() : p.mutedReason());
                outputs.add(new CalibrationResult.OutputResult(p.index(), p.name(), p.role().jsonName(), false, notes,
                        new CalibrationResult.Curves(b.asPlayedDb(hz), null, null, null), null, new double[] {0, 0},
                        List.of(), List.of(), 0, 0, false, b.arrivalMs(), Double.NaN, 0));
                continue;
            }
            AutoEq.Result fit = fits.get(p.index());
            outputs.add(new CalibrationResult.OutputResult(p.index(), p.name(), p.role().jsonName(), true, notes,
                    new CalibrationResult.Curves(b.asPlayedDb(hz), targetFor(p), predicted(p),
                            a == null ? null : a.averageDb(hz)),
                    fit.nullMask(), p.band(), p.crossover(), fit.filters(), p.delayMs(), p.gainDb(), p.invert(),
                    b.arrivalMs(), a == null ? Double.NaN : a.arrivalMs(), fitMillis(p.index())));
        }
        double[] sumAfterDb = sumAfter == null ? null : sumAfter.averageDb(hz);
        double[] sumBeforeDb = sumBefore.averageDb(hz);
        double[] predicted = summedPrediction(before);
        double[] reference = sumAfterDb != null ? sumAfterDb : predicted;
        double offset = 0;
        int n = 0;
        for (int i = 0; i < hz.length; i++) {
            if (hz[i] >= Residual.LOW_HZ && hz[i] <= Residual.HIGH_HZ) {
                offset += reference[i] - targetShape[i];
                n++;
            }
        }
        double[] target = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            target[i] = targetShape[i] + offset / n;
        }
        return new CalibrationResult(unitId, board, vehicle, car, options.seat(), positions, options.target().getFileName().toString(), hz,
                options.profileId(), profile, outputs, new CalibrationResult.Curves(sumBeforeDb, target, predicted, sumAfterDb),
                seconds);
    }
}
