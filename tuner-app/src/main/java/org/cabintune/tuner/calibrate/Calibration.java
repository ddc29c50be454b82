package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.measure.FrequencyResponse;
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

    /** One output as measured: per position, its transfer with the measurement profile's own filters taken out. */
    record Measured(int index, BoardConfig.Output output, List<Measurement> raw, List<Transfer> speaker,
                    List<FrequencyResponse> positions, FrequencyResponse average, double snrDb) {

        boolean connected() {
            return snrDb >= MIN_SNR_DB;
        }

        double meanArrivalSeconds() {
            return raw.stream().mapToDouble(Measurement::arrivalSeconds).average().orElse(Double.NaN);
        }
    }

    double[] grid() {
        return hz;
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
    List<Measured> measureEach(Measurer measurer, List<BoardConfig.Output> outs, String phase) throws IOException {
        List<Measured> all = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            BoardConfig.Output o = outs.get(i);
            log.accept(phase + " " + (i + 1) + "/" + outs.size() + ": " + o.speaker());
            all.add(analyse(i, o, measurer.measure(List.of(i), o.speaker())));
        }
        return all;
    }

    Measured analyse(int index, BoardConfig.Output o, List<Measurement> raw) {
        List<BiquadCoefficients> path = o == null ? List.of() : MeasurementProfile.path(o, unit.sampleRate());
        List<Transfer> speaker = new ArrayList<>();
        List<FrequencyResponse> positions = new ArrayList<>();
        double snr = 0;
        for (Measurement m : raw) {
            Transfer t = path.isEmpty() ? m.transfer() : m.transfer().dividedBy(path, unit.sampleRate());
            speaker.add(t);
            positions.add(t.respond(hz, SMOOTHING, m.arrivalSeconds(), m.driveDbfs()));
            double[] snrHz = LogGrid.of(100, 10_000, 6);
            snr += SignalToNoise.of(m.response(snrHz, SMOOTHING), m.noiseFloor(snrHz, SMOOTHING)).meanDb() / raw.size();
        }
        FrequencyResponse average = org.cabintune.tuner.measure.Averaging.rms(positions, 200, 2000);
        return new Measured(index, o, raw, speaker, positions, average, snr);
    }

    /** The stimulus: markers on, the options' length and level, the full band at the unit's rate. */
    SweepSpec stimulus() {
        int rate = unit.sampleRate();
        return new SweepSpec(rate, SweepSpec.DEFAULT_START_HZ, SweepSpec.defaultEndHz(rate), options.sweepSeconds(),
                options.levelDbfs(), true);
    }

    /** What a profile's outputs and a run of the loop look like; the design step fills these. */
    static Profile unused() {
        return null;
    }
}
