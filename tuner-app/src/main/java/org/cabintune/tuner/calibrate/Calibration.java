package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.design.OutputMeasurement;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.MeasurementException;
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

    /** Measures each output alone, then all together; progress through the log. */
    List<Measured> measureEach(Measurer measurer, List<BoardConfig.Output> outs, String phase, boolean flat)
            throws IOException {
        List<Measured> all = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            BoardConfig.Output o = outs.get(i);
            log.accept(phase + " " + (i + 1) + "/" + outs.size() + ": " + o.speaker());
            try {
                all.add(analyse(i, o, measurer.measure(List.of(i), o.speaker()), flat));
            } catch (MeasurementException e) {
                // An output with no speaker on it (or a dead one) is muted, not the end of the calibration.
                log.accept("  nothing heard: " + e.getMessage());
                all.add(Measured.silent(i, o, e.getMessage()));
            }
        }
        return all;
    }

    /**
     * An output's (or, with a null output, a sum's) measurements on the grid. Measured through the
     * flat profile, its own high-pass is taken out of the transfers so they are the speaker's.
     */
    Measured analyse(int index, BoardConfig.Output o, List<Measurement> raw, boolean flat) {
        List<BiquadCoefficients> path = o == null || !flat ? List.of() : MeasurementProfile.path(o, unit.sampleRate());
        List<Transfer> speaker = new ArrayList<>();
        List<Transfer> noise = new ArrayList<>();
        double[] snrHz = LogGrid.of(100, 10_000, 6);
        double snr = 0;
        for (Measurement m : raw) {
            speaker.add(path.isEmpty() ? m.transfer() : m.transfer().dividedBy(path, unit.sampleRate()));
            noise.add(path.isEmpty() ? m.noise() : m.noise().dividedBy(path, unit.sampleRate()));
            snr += SignalToNoise.of(m.response(snrHz, SMOOTHING), m.noiseFloor(snrHz, SMOOTHING)).meanDb() / raw.size();
        }
        return new Measured(index, o, raw, speaker, noise, snr, null);
    }

    /** The stimulus: markers on, the options' length and level, the full band at the unit's rate. */
    SweepSpec stimulus() {
        int rate = unit.sampleRate();
        return new SweepSpec(rate, SweepSpec.DEFAULT_START_HZ, SweepSpec.defaultEndHz(rate), options.sweepSeconds(),
                options.levelDbfs(), true);
    }

    /**
     * The loop: flat profile, measure, design, store, measure again. On a failure the profile that
     * played before is selected again.
     *
     * @param car     what is measured, for the report
     * @param vehicle the vehicle as the installer names it, for the report
     */
    public CalibrationResult run(String car, String vehicle) throws IOException {
        long start = System.nanoTime();
        List<BoardConfig.Output> outs = checkUnit();
        HouseCurve target = HouseCurve.read(options.target());
        double[] targetShape = target.on(hz);
        int rate = unit.sampleRate();
        SweepSpec spec = stimulus();
        Measurer measurer = new Measurer(unit, mic, spec, options.reference(), log);
        String previous = unit.activeProfile();
        boolean done = false;
        try {
            log.accept("storing the flat measurement profile " + MeasurementProfile.ID + " on unit " + unit.id());
            unit.install(MeasurementProfile.ID, MeasurementProfile.of(board, rate));
            List<Measured> before = measureEach(measurer, outs, "measuring", true);
            List<Integer> connected = new ArrayList<>();
            for (Measured m : before) {
                if (m.connected()) {
                    connected.add(m.index());
                }
            }
            if (connected.isEmpty()) {
                throw new CalibrationException("no output was heard above the noise; is the microphone in the car?");
            }
            log.accept("measuring all outputs together");
            Measured sumBefore = analyse(-1, null, measurer.measure(connected, "all outputs"), false);

            log.accept("designing crossovers, levels, delays and EQ against " + options.target().getFileName());
            Design design = Design.of(before, outs, hz, targetShape, rate, options, log);
            Profile profile = design.profile(options.profileName());
            log.accept("storing " + options.profileId() + " (signed) and playing it");
            unit.install(options.profileId(), profile);

            List<Measured> after = new ArrayList<>();
            for (Measured m : before) {
                if (!design.muted(m.index())) {
                    log.accept("re-measuring " + (after.size() + 1) + "/" + design.playing() + ": " + m.output().speaker());
                    after.add(analyse(m.index(), m.output(), measurer.measure(List.of(m.index()), m.output().speaker()),
                            false));
                } else {
                    after.add(null);
                }
            }
            log.accept("measuring all corrected outputs together");
            List<Integer> playing = new ArrayList<>();
            for (Measured m : before) {
                if (!design.muted(m.index())) {
                    playing.add(m.index());
                }
            }
            Measured sumAfter = analyse(-1, null, measurer.measure(playing, "all outputs"), false);
            done = true;
            return design.result(unit.id(), board, vehicle, car, mic.positions(0), options, profile, before, after,
                    sumBefore, sumAfter, (System.nanoTime() - start) / 1e9);
        } finally {
            if (!done && previous != null) {
                try {
                    unit.select(previous);
                    log.accept("the calibration did not finish; unit " + unit.id() + " plays " + previous + " again");
                } catch (RuntimeException e) {
                    log.accept("could not select " + previous + " again: " + e.getMessage());
                }
            }
        }
    }
}
