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
import org.cabintune.dsp.profile.Output.Role;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.calibrate.Calibration.Measured;
import org.cabintune.tuner.correct.AutoEq;
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
 * with the EQ in it so the delays and levels account for the EQ's own phase and level.
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
    private final Map<Integer, AutoEq.Result> fits;
    private final Map<Integer, Double> fitMillis;
    private final Map<Integer, double[]> averages = new HashMap<>();
    /** Each fitted output's EQ filters, by index. */
    private final Map<Integer, List<FilterSpec>> eq = new HashMap<>();

    private Design(double[] hz, double[] targetShape, int rate, SystemPlan plan, Map<Integer, AutoEq.Result> fits,
                   Map<Integer, Double> fitMillis) {
        this.hz = hz;
        this.targetShape = targetShape;
        this.rate = rate;
        this.plan = plan;
        this.fits = fits;
        this.fitMillis = fitMillis;
        fits.forEach((i, f) -> eq.put(i, f.filters()));
    }

    /** How far a group's level may move to balance the sum. */
    static final double MAX_BALANCE_DB = 10;

    /**
     * Balances the outputs as they sound together: each output was set on the target alone, but
     * a left-right pair played the same signal sums louder than a single subwoofer (coherently,
     * +6 dB, where the two arrive together) and less so where they do not (towards +3 dB in the
     * treble). The subwoofers' and the tweeters' levels move so that the predicted sum of all
     * playing outputs meets the target's shape in the subwoofer's band and the tweeters' band
     * as it does in the mid-woofers' band; then every level moves by one amount so the loudest
     * is 0 dB again. Shapes (and so each output's own residual) do not change.
     */
    private void balance(List<Measured> before, Consumer<String> log) {
        double x = plan.subCrossoverHz();
        double tweeterHp = plan.outputs().stream().filter(p -> !p.muted() && p.role() == Role.TWEETER)
                .flatMap(p -> p.crossover().stream()).filter(f -> f instanceof FilterSpec.HighPass)
                .mapToDouble(f -> ((FilterSpec.HighPass) f).freqHz()).max().orElse(Double.NaN);
        double[] sum = summedPrediction(before);
        double reference = meanDeviation(sum, Double.isNaN(x) ? 200 : 2 * x,
                Double.isNaN(tweeterHp) ? 2000 : tweeterHp / 1.5);
        if (Double.isNaN(reference)) {
            return;
        }
        double subDelta = Double.isNaN(x) ? 0 : bounded(reference - meanDeviation(sum, Residual.LOW_HZ, x / 1.5));
        double topDelta = Double.isNaN(tweeterHp) ? 0
                : bounded(reference - meanDeviation(sum, tweeterHp * 1.5, Residual.HIGH_HZ));
        List<PlannedOutput> outs = new ArrayList<>();
        double top = Double.NEGATIVE_INFINITY;
        for (PlannedOutput p : plan.outputs()) {
            double delta = p.muted() ? 0 : p.role() == Role.SUBWOOFER ? subDelta
                    : p.role() == Role.TWEETER ? topDelta : 0;
            outs.add(delta == 0 ? p : p.withGainDb(p.gainDb() + delta, String.format(java.util.Locale.ROOT,
                    "level %+.1f dB so that all outputs together meet the target's shape here as in the mid-woofers' band",
                    delta)));
            if (!p.muted()) {
                top = Math.max(top, p.gainDb() + delta);
            }
        }
        double shift = Math.max(0, top);
        List<PlannedOutput> shifted = outs.stream().map(p -> shift == 0 ? p : p.withGainDb(p.gainDb() - shift,
                String.format(java.util.Locale.ROOT, "level %.1f dB with all others, so the loudest is 0 dB", -shift)))
                .toList();
        plan = new SystemPlan(plan.seat(), plan.sampleRate(), plan.speedOfSound(), plan.subCrossoverHz(), plan.subwoofers(),
                shifted, plan.notes());
        log.accept(String.format(java.util.Locale.ROOT, "  balance of the sum: subwoofers %+.1f dB, tweeters %+.1f dB",
                subDelta, topDelta));
    }

    private static double bounded(double db) {
        return Double.isNaN(db) ? 0 : Math.max(-MAX_BALANCE_DB, Math.min(MAX_BALANCE_DB, db));
    }

    /** The mean of (sum - target shape) over [lowHz, highHz], NaN when the grid has no point there. */
    private double meanDeviation(double[] sum, double lowHz, double highHz) {
        double total = 0;
        int n = 0;
        for (int i = 0; i < hz.length; i++) {
            if (hz[i] >= lowHz && hz[i] <= highHz) {
                total += sum[i] - targetShape[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : total / n;
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
        Map<Integer, AutoEq.Result> fits = new HashMap<>();
        Map<Integer, Double> millis = new HashMap<>();
        Map<Integer, List<FilterSpec>> eq = new HashMap<>();
        for (PlannedOutput p : first.outputs()) {
            if (p.muted()) {
                log.accept("  " + p.name() + ": muted (" + p.mutedReason() + ")");
                continue;
            }
            Measured m = before.get(p.index());
            long t0 = System.nanoTime();
            AutoEq.Result fit = AutoEq.fit(new AutoEq.Problem(rate, hz, positionsDb(m.speaker(), hz),
                    positionsPhase(m, hz), targetShape, p.band()[0], p.band()[1], p.crossover(), AutoEq.Limits.DEFAULT));
            millis.put(p.index(), (System.nanoTime() - t0) / 1e6);
            fits.put(p.index(), fit);
            eq.put(p.index(), fit.filters());
            log.accept(String.format(java.util.Locale.ROOT, "  %s: %.0f - %.0f Hz, %d EQ filters, predicted residual"
                            + " %.2f dB RMS (%.0f ms)", p.name(), p.band()[0], p.band()[1], fit.filters().size(),
                    fit.residualRmsDb(), millis.get(p.index())));
        }
        SystemPlan plan = SystemDesign.plan(oms, hz, targetShape, opts.withEq(eq));
        Design design = new Design(hz, targetShape, rate, plan, fits, millis).withAverages(before);
        design.balance(before, log);
        return design;
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
            t[i] = targetShape[i] + p.levelDb() + p.gainDb() + preampDb();
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
