package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.function.Consumer;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.calibrate.Calibration.Measured;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.MeasurementException;

/**
 * The closed loop of {@link Calibration} as steps taken one at a time, so that a wizard can
 * show each, let the installer move the microphone between takes, take one again, or stop:
 * {@link #prepare} (the unit checked, the flat profile stored), {@link #checkLevel}, the flat
 * measurement take by take (each output alone, then those heard all together), {@link #design}
 * (the correction designed and stored), the same steps through the correction, and
 * {@link #result}. {@link Calibration#run} takes the same steps in a row.
 *
 * <p>One step at a time, from one thread at a time.
 */
public final class CalibrationSteps {

    /** Through which profile the car is measured. */
    public enum Phase {
        /** The flat measurement profile: the car as it is. */
        FLAT,
        /** The designed correction: the car as it now plays. */
        CORRECTED
    }

    /** The output of a step that plays all outputs together. */
    public static final int ALL = -1;

    /**
     * One take of one output, or of all outputs together.
     *
     * @param phase  through which profile
     * @param take   the microphone's take: for a microphone moved by hand, its position
     * @param output the output's index in DAC order, or {@link #ALL}
     * @param label  the output's name, or "all outputs"
     */
    public record Step(Phase phase, int take, int output, String label) {
    }

    /**
     * What one step measured.
     *
     * @param step      the step
     * @param positions the positions heard
     * @param snrDb     mean SNR over 100 Hz - 10 kHz over the positions; -inf when nothing was heard
     * @param arrivalMs arrival at the take's first position after the timing reference, ms; NaN when nothing was heard
     * @param problem   why nothing could be analysed, or null
     */
    public record Result(Step step, List<String> positions, double snrDb, double arrivalMs, String problem) {

        /** Heard above the noise: a speaker is on the output. */
        public boolean heard() {
            return problem == null && snrDb >= Calibration.MIN_SNR_DB;
        }
    }

    private final Calibration calibration;
    private final HeadUnit unit;
    private final Microphone mic;
    private final BoardConfig board;
    private final CalibrationOptions options;
    private final Consumer<String> log;
    private final Map<Step, List<Measurement>> raw = new HashMap<>();
    private final Map<Step, Result> results = new HashMap<>();
    private List<BoardConfig.Output> outs;
    private double[] targetShape;
    private Measurer measurer;
    private String previous;
    /** Whether the unit was asked to play something else than it played. */
    private boolean changed;
    private long started;
    private Design design;
    private Profile profile;
    private List<Measured> before;
    private Measured sumBefore;
    private boolean finished;

    public CalibrationSteps(HeadUnit unit, Microphone mic, BoardConfig board, CalibrationOptions options,
                            Consumer<String> log) {
        this.calibration = new Calibration(unit, mic, board, options, log);
        this.unit = unit;
        this.mic = mic;
        this.board = board;
        this.options = options;
        this.log = log;
    }

    /** The board's outputs in DAC order, by speaker name. */
    public List<String> outputs() {
        return MeasurementProfile.outputs(board).stream().map(BoardConfig.Output::speaker).toList();
    }

    /** How many takes each output is measured in: one per position for a microphone moved by hand. */
    public int takes() {
        return mic.takes();
    }

    /** The positions take {@code take} hears. */
    public List<String> positions(int take) {
        return mic.positions(take);
    }

    /** Every position of every take, in order. */
    public List<String> allPositions() {
        return IntStream.range(0, mic.takes()).boxed().flatMap(t -> mic.positions(t).stream()).toList();
    }

    /**
     * Checks that the unit is the board it is said to be and the target can be read, remembers
     * the profile playing, and stores and plays the flat measurement profile.
     */
    public void prepare() throws IOException {
        started = System.nanoTime();
        outs = calibration.checkUnit();
        targetShape = HouseCurve.read(options.target()).on(calibration.grid());
        previous = unit.activeProfile();
        changed = true;
        log.accept("storing the flat measurement profile " + MeasurementProfile.ID + " on unit " + unit.id());
        unit.install(MeasurementProfile.ID, MeasurementProfile.of(board, unit.sampleRate()));
        measurer = new Measurer(unit, mic, calibration.stimulus(), options.reference(), log);
    }

    /** Plays a short stimulus on every output through the flat profile and judges the level take {@code take} hears. */
    public LevelCheck checkLevel(int take) throws IOException {
        requirePrepared();
        Measurer check = new Measurer(unit, mic, calibration.stimulus(LevelCheck.SWEEP_SECONDS), options.reference(), log);
        log.accept("checking the microphone's level at " + String.join(", ", mic.positions(take)));
        List<Integer> every = IntStream.range(0, outs.size()).boxed().toList();
        LevelCheck result = LevelCheck.of(check, check.record(every, take), mic.positions(take));
        log.accept("  " + result.summary());
        return result;
    }

    /** A take's steps in the order they are measured: each output alone, then all together. */
    public List<Step> steps(Phase phase, int take) {
        requirePrepared();
        if (take < 0 || take >= mic.takes()) {
            throw new IllegalArgumentException("take " + take + " is outside 0.." + (mic.takes() - 1));
        }
        if (phase == Phase.CORRECTED && design == null) {
            throw new IllegalStateException("no correction is designed yet");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            if (phase == Phase.FLAT || !design.muted(i)) {
                steps.add(new Step(phase, take, i, outs.get(i).speaker()));
            }
        }
        steps.add(new Step(phase, take, ALL, "all outputs"));
        return steps;
    }

    /**
     * Measures one step, or measures it again (a retake), replacing what it measured before.
     * All outputs together plays those heard alone in the same take (through the correction:
     * those it does not mute), so each output of the take comes first.
     */
    public Result measure(Step step) throws IOException {
        List<Step> steps = steps(step.phase(), step.take());
        if (!steps.contains(step)) {
            throw new IllegalArgumentException(step + " is not a step of take " + step.take());
        }
        if (step.phase() == Phase.FLAT && design != null) {
            throw new IllegalStateException("the correction is designed and stored; the flat measurement is over");
        }
        List<Integer> playing = step.output() == ALL ? together(steps) : List.of(step.output());
        String where = mic.takes() > 1 ? " at " + String.join(", ", mic.positions(step.take())) : "";
        String verb = step.phase() == Phase.FLAT ? "measuring" : "re-measuring";
        log.accept(step.output() == ALL
                ? "measuring all " + (step.phase() == Phase.FLAT ? "" : "corrected ") + "outputs together" + where
                : verb + " " + (steps.indexOf(step) + 1) + "/" + (steps.size() - 1) + ": " + step.label() + where);
        List<String> positions = mic.positions(step.take());
        Result result;
        raw.remove(step);
        if (playing.isEmpty()) {
            result = new Result(step, positions, Double.NEGATIVE_INFINITY, Double.NaN, "no output was heard above the "
                    + "noise at " + String.join(", ", positions) + "; is the microphone in the car?");
        } else {
            try {
                List<Measurement> m = measurer.take(playing, step.take(), step.label());
                Measured a = analyse(step.output(), m, step.phase());
                raw.put(step, m);
                result = new Result(step, positions, a.snrDb(), a.arrivalMs(), null);
            } catch (MeasurementException e) {
                // An output with no speaker on it (or a dead one) is muted, not the end of the calibration.
                log.accept("  nothing heard: " + e.getMessage());
                result = new Result(step, positions, Double.NEGATIVE_INFINITY, Double.NaN, e.getMessage());
            }
        }
        results.put(step, result);
        return result;
    }

    /** What a step measured last, or null when it has not been measured. */
    public Result result(Step step) {
        return results.get(step);
    }

    /** Whether every step of every take of {@code phase} has been measured. */
    public boolean complete(Phase phase) {
        if (phase == Phase.CORRECTED && design == null) {
            return false;
        }
        return IntStream.range(0, mic.takes()).allMatch(t -> results.keySet().containsAll(steps(phase, t)));
    }

    /**
     * Designs the correction from the flat measurement and stores it on the unit, signed, and
     * plays it; returns it.
     */
    public Profile design() {
        if (!complete(Phase.FLAT) || design != null) {
            throw new IllegalStateException(design != null ? "the correction is designed already"
                    : "the flat measurement is not complete");
        }
        List<Measured> flat = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            flat.add(measured(Phase.FLAT, i));
        }
        if (flat.stream().noneMatch(Measured::connected)) {
            throw new CalibrationException("no output was heard above the noise; is the microphone in the car?");
        }
        sumBefore = measured(Phase.FLAT, ALL);
        log.accept("designing crossovers, levels, delays and EQ against " + options.target().getFileName());
        Design d = Design.of(flat, outs, calibration.grid(), targetShape, unit.sampleRate(), options, log);
        Profile p = d.profile(options.profileName());
        log.accept("storing " + options.profileId() + " (signed) and playing it");
        unit.install(options.profileId(), p);
        before = flat;
        design = d;
        profile = p;
        return p;
    }

    /**
     * The whole loop's result, once the corrected measurement is complete; the loop is then
     * finished. {@code car} is what was measured, {@code vehicle} the vehicle as the installer
     * names it, both for the report.
     */
    public CalibrationResult result(String car, String vehicle) {
        if (!complete(Phase.CORRECTED)) {
            throw new IllegalStateException("the measurement through the correction is not complete");
        }
        List<Measured> after = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            after.add(design.muted(i) ? null : measured(Phase.CORRECTED, i));
        }
        finished = true;
        return design.result(unit.id(), board, vehicle, car, allPositions(), options, profile, before, after, sumBefore,
                measured(Phase.CORRECTED, ALL), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Unless the loop finished, ends the test signal and plays again the profile that played
     * before it started ({@link HeadUnit#restore}).
     */
    public void abandon() {
        if (finished || !changed) {
            return;
        }
        try {
            unit.restore(previous);
            log.accept("the calibration did not finish; unit " + unit.id() + (previous != null ? " plays " + previous
                    + " again" : " has its test signal stopped (no profile played before it)"));
        } catch (RuntimeException e) {
            log.accept("could not leave unit " + unit.id() + " as it was: " + e.getMessage());
        }
    }

    /** The outputs all-together plays in a take: heard alone there (flat), or not muted (corrected). */
    private List<Integer> together(List<Step> steps) {
        List<Integer> playing = new ArrayList<>();
        for (Step s : steps) {
            if (s.output() == ALL) {
                continue;
            }
            Result r = results.get(s);
            if (s.phase() == Phase.CORRECTED || r != null && r.heard()) {
                playing.add(s.output());
            } else if (r == null) {
                throw new IllegalStateException("measure " + s.label() + " at this position before all outputs together");
            }
        }
        return playing;
    }

    /** An output (or all together) over every take: silent when any take heard nothing, as {@link Measurer#measure}. */
    private Measured measured(Phase phase, int output) {
        BoardConfig.Output o = output == ALL ? null : outs.get(output);
        List<Measurement> all = new ArrayList<>();
        for (int take = 0; take < mic.takes(); take++) {
            Step step = steps(phase, take).stream().filter(s -> s.output() == output).findFirst().orElseThrow();
            Result r = results.get(step);
            if (r.problem() != null) {
                return Measured.silent(output, o, r.problem());
            }
            all.addAll(raw.get(step));
        }
        return analyse(output, all, phase);
    }

    private Measured analyse(int output, List<Measurement> m, Phase phase) {
        BoardConfig.Output o = output == ALL ? null : outs.get(output);
        return calibration.analyse(output, o, m, phase == Phase.FLAT && o != null);
    }

    private void requirePrepared() {
        if (measurer == null) {
            throw new IllegalStateException("prepare() first");
        }
    }
}
