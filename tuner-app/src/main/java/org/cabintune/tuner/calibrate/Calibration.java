package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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

    /** Each output measured alone, and the outputs that played together. */
    record Phase(List<Measured> each, Measured sum) {
    }

    /**
     * Measures each output of {@code indices} alone, then several together, take by take: a real
     * microphone is moved once per position, not once per output. An output nothing is heard
     * from is not played again in the phase. Which outputs play together is decided after the
     * first take, from what it heard ({@code together}). Progress goes to the log.
     */
    Phase measurePhase(Measurer measurer, List<BoardConfig.Output> outs, List<Integer> indices, String phase, boolean flat,
                       Function<List<Measured>, List<Integer>> together) throws IOException {
        int n = indices.size();
        List<List<Measurement>> raw = new ArrayList<>();
        String[] problems = new String[n];
        for (int j = 0; j < n; j++) {
            raw.add(new ArrayList<>());
        }
        List<Measurement> sum = new ArrayList<>();
        List<Integer> summed = List.of();
        List<Measured> first = null;
        for (int take = 0; take < mic.takes(); take++) {
            for (int j = 0; j < n; j++) {
                BoardConfig.Output o = outs.get(indices.get(j));
                if (problems[j] != null) {
                    continue;
                }
                log.accept(phase + " " + (j + 1) + "/" + n + ": " + o.speaker());
                try {
                    raw.get(j).addAll(measurer.measure(take, List.of(indices.get(j)), o.speaker()));
                } catch (MeasurementException e) {
                    // An output with no speaker on it (or a dead one) is muted, not the end of the calibration.
                    log.accept("  nothing heard: " + e.getMessage());
                    problems[j] = e.getMessage();
                }
            }
            if (take == 0) {
                first = measured(outs, indices, raw, problems, flat);
                summed = together.apply(first);
            }
            log.accept(phase + " all outputs together");
            sum.addAll(measurer.measure(take, summed, "all outputs"));
        }
        List<Measured> each = mic.takes() == 1 ? first : measured(outs, indices, raw, problems, flat);
        return new Phase(each, analyse(-1, null, sum, false));
    }

    private List<Measured> measured(List<BoardConfig.Output> outs, List<Integer> indices, List<List<Measurement>> raw,
                                    String[] problems, boolean flat) {
        List<Measured> all = new ArrayList<>();
        for (int j = 0; j < indices.size(); j++) {
            BoardConfig.Output o = outs.get(indices.get(j));
            all.add(problems[j] != null ? Measured.silent(indices.get(j), o, problems[j])
                    : analyse(indices.get(j), o, raw.get(j), flat));
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

    /** Every position of every take, by name. */
    private List<String> positions() {
        List<String> all = new ArrayList<>();
        for (int take = 0; take < mic.takes(); take++) {
            all.addAll(mic.positions(take));
        }
        return all;
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
     * @param car what is measured, for the report
     */
    public CalibrationResult run(String car) throws IOException {
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
            List<Integer> all = java.util.stream.IntStream.range(0, outs.size()).boxed().toList();
            Phase flat = measurePhase(measurer, outs, all, "measuring", true, first -> {
                List<Integer> connected = first.stream().filter(Measured::connected).map(Measured::index).toList();
                if (connected.isEmpty()) {
                    throw new CalibrationException("no output was heard above the noise; is the microphone in the car?");
                }
                return connected;
            });
            List<Measured> before = flat.each();
            Measured sumBefore = flat.sum();

            log.accept("designing crossovers, levels, delays and EQ against " + options.target().getFileName());
            Design design = Design.of(before, outs, hz, targetShape, rate, options, log);
            Profile profile = design.profile(options.profileName());
            log.accept("storing " + options.profileId() + " (signed) and playing it");
            unit.install(options.profileId(), profile);

            List<Integer> playing = before.stream().map(Measured::index).filter(i -> !design.muted(i)).toList();
            Phase corrected = measurePhase(measurer, outs, playing, "re-measuring", false, first -> playing);
            List<Measured> after = new ArrayList<>();
            for (Measured m : before) {
                after.add(design.muted(m.index()) ? null : corrected.each().get(playing.indexOf(m.index())));
            }
            Measured sumAfter = corrected.sum();
            done = true;
            return design.result(unit.id(), car, positions(), options, profile, before, after, sumBefore,
                    sumAfter, (System.nanoTime() - start) / 1e9);
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
