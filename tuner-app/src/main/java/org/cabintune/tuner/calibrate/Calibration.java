package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.tuner.design.OutputMeasurement;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.SignalToNoise;
import org.cabintune.tuner.measure.Smoothing;
import org.cabintune.tuner.measure.Transfer;

/**
 * The closed loop: measure every output of a head unit through a flat profile, design the
 * correction, store it on the unit signed, measure again, and compare what was predicted with
 * what was measured, per output and for all outputs together.
 */
public final class Calibration {

    /** Responses are compared at 1/6 octave. */
    public static final Smoothing SMOOTHING = Smoothing.parse("1/6");
    /** Below this mean SNR over 100 Hz..10 kHz an output counts as having no speaker. */
    public static final double MIN_SNR_DB = 10;
    /** Levels below this (where a measurement's own high-pass was taken out) are read as this. */
    static final double FLOOR_DB = -200;
    /** Frequencies the results are kept on. */
    static final double GRID_LOW_HZ = 20;
    static final double GRID_HIGH_HZ = 20_000;

    private final HeadUnit unit;
    private final Microphone mic;
    private final BoardConfig board;
    private final CalibrationOptions options;
    private final Consumer<String> log;
    private final double[] hz = LogGrid.of(GRID_LOW_HZ, GRID_HIGH_HZ, LogGrid.DEFAULT_POINTS_PER_OCTAVE);

    public Calibration(HeadUnit unit, Microphone mic, BoardConfig board, CalibrationOptions options, Consumer<String> log) {
        this.unit = unit;
        this.mic = mic;
        this.board = board;
        this.options = options;
        this.log = log;
    }

    /**
     * One output (or all together) as measured at every position: the analysed sweeps, their
     * transfers and noise (for the flat measurement, with the flat profile's own high-pass taken
     * out, so they are the speaker's), and the mean SNR over 100 Hz .. 10 kHz.
     */
    record Measured(int index, BoardConfig.Output output, List<Measurement> raw, List<Transfer> speaker,
                    List<Transfer> noise, double snrDb, String problem) {

        /** Nothing could be analysed: why. */
        static Measured silent(int index, BoardConfig.Output output, String problem) {
            return new Measured(index, output, List.of(), List.of(), List.of(), Double.NEGATIVE_INFINITY, problem);
        }

        boolean connected() {
            return problem == null && snrDb >= MIN_SNR_DB;
        }

        /** The speaker's level: the positions' power mean at 1/6 octave, dB re full-scale drive; null when silent. */
        double[] averageDb(double[] hz) {
            return speaker.isEmpty() ? null : meanDb(speaker, hz);
        }

        /** The level as played (the flat profile's own filters in); null when silent. */
        double[] asPlayedDb(double[] hz) {
            return raw.isEmpty() ? null : meanDb(raw.stream().map(Measurement::transfer).toList(), hz);
        }

        /** Arrival at the first position (the head's centre), ms after the timing reference; NaN when silent. */
        double arrivalMs() {
            return raw.isEmpty() ? Double.NaN : raw.get(0).arrivalSeconds() * 1000;
        }
    }

    /** The power mean of transfers smoothed at {@link #SMOOTHING} onto {@code hz}, dB. */
    static double[] meanDb(List<Transfer> transfers, double[] hz) {
        return OutputMeasurement.meanDb(transfers, hz, SMOOTHING);
    }

    /** Checks that the unit is the board it is said to be, before anything is played. */
    List<BoardConfig.Output> checkUnit() {
        List<BoardConfig.Output> outs = MeasurementProfile.outputs(board);
        List<String> names = outs.stream().map(BoardConfig.Output::speaker).toList();
        if (!names.equals(unit.outputs())) {
            throw new CalibrationException("unit " + unit.id() + " has outputs " + unit.outputs() + " but board "
                    + board.id() + " names " + names + "; give the board file the unit runs");
        }
        if (unit.sampleRate() != mic.sampleRate()) {
            throw new CalibrationException("unit " + unit.id() + " runs at " + unit.sampleRate() + " Hz but the microphone"
                    + " records at " + mic.sampleRate() + " Hz");
        }
        return outs;
    }

    /**
     * An output's (or, with a null output, a sum's) measurements on the grid. Measured through the
     * flat profile, its own high-pass is taken out of the transfers so they are the speaker's.
     */
    Measured analyse(int index, BoardConfig.Output o, List<Measurement> raw, boolean flat) {
        List<BiquadCoefficients> path = o == null || !flat ? List.of() : MeasurementProfile.path(o, unit.sampleRate());
        List<Transfer> speaker = new ArrayList<>();
        List<Transfer> noise = new ArrayList<>();
        double snr = 0;
        for (Measurement m : raw) {
            speaker.add(path.isEmpty() ? m.transfer() : m.transfer().dividedBy(path, unit.sampleRate()));
            noise.add(path.isEmpty() ? m.noise() : m.noise().dividedBy(path, unit.sampleRate()));
            snr += snrDb(m) / raw.size();
        }
        return new Measured(index, o, raw, speaker, noise, snr, null);
    }

    /** A measurement's mean SNR over 100 Hz .. 10 kHz at {@link #SMOOTHING}, dB. */
    static double snrDb(Measurement m) {
        double[] hz = LogGrid.of(100, 10_000, 6);
        return SignalToNoise.of(m.response(hz, SMOOTHING), m.noiseFloor(hz, SMOOTHING)).meanDb();
    }

    /** The stimulus: markers on, the options' length and level, the full band at the unit's rate. */
    SweepSpec stimulus() {
        return stimulus(options.sweepSeconds());
    }

    /** The stimulus with a sweep of {@code seconds}. */
    SweepSpec stimulus(double seconds) {
        int rate = unit.sampleRate();
        return new SweepSpec(rate, SweepSpec.DEFAULT_START_HZ, SweepSpec.defaultEndHz(rate), seconds, options.levelDbfs(),
                true);
    }

    /** The frequencies results are kept on. */
    double[] grid() {
        return hz;
    }

    /**
     * The loop: flat profile, measure, design, store, measure again ({@link CalibrationSteps}
     * in a row). On a failure the profile that played before is selected again.
     *
     * @param car     what is measured, for the report
     * @param vehicle the vehicle as the installer names it, for the report
     */
    public CalibrationResult run(String car, String vehicle) throws IOException {
        CalibrationSteps steps = new CalibrationSteps(unit, mic, board, options, log);
        boolean done = false;
        try {
            steps.prepare();
            measureAll(steps, CalibrationSteps.Phase.FLAT);
            steps.design();
            measureAll(steps, CalibrationSteps.Phase.CORRECTED);
            CalibrationResult result = steps.result(car, vehicle);
            done = true;
            return result;
        } finally {
            if (!done) {
                steps.abandon();
            }
        }
    }

    private static void measureAll(CalibrationSteps steps, CalibrationSteps.Phase phase) throws IOException {
        for (int take = 0; take < steps.takes(); take++) {
            for (CalibrationSteps.Step step : steps.steps(phase, take)) {
                steps.measure(step);
            }
        }
    }
}
