package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.MeasurementException;
import org.cabintune.tuner.measure.SweepAnalyzer;

/**
 * Measures outputs of a head unit with a microphone: for each take, the unit plays the stimulus
 * (its markers on the timing-reference output, its sweep on the outputs measured) while the
 * microphone records, and every position's recording is analysed.
 */
final class Measurer {

    /** Recording kept after the stimulus's end: the unit's buffers and the recorder's flushes. */
    static final double AFTER_SECONDS = 0.4;

    private final HeadUnit unit;
    private final Microphone mic;
    private final SweepSpec spec;
    private final int reference;
    private final SweepAnalyzer analyzer;
    private final Consumer<String> log;

    Measurer(HeadUnit unit, Microphone mic, SweepSpec spec, int reference, Consumer<String> log) {
        if (!spec.markers()) {
            throw new IllegalArgumentException("the calibration's stimulus needs its timing markers");
        }
        this.unit = unit;
        this.mic = mic;
        this.spec = spec;
        this.reference = reference;
        this.analyzer = new SweepAnalyzer(spec);
        this.log = log;
    }

    /**
     * Measures {@code outputs} playing together at the positions of take {@code take}; label for
     * messages. The microphone's calibration, if it has one, is taken out.
     */
    List<Measurement> measure(int take, List<Integer> outputs, String label) throws IOException {
        List<String> positions = mic.positions(take);
        List<double[]> recordings = record(outputs, take);
        return java.util.stream.IntStream.range(0, recordings.size()).parallel().mapToObj(p -> {
            try {
                Measurement m = analyzer.analyze(recordings.get(p));
                return mic.calibration().map(c -> c.apply(m)).orElse(m);
            } catch (MeasurementException e) {
                throw new MeasurementException(label + " at position " + positions.get(p) + ": " + e.getMessage());
            }
        }).toList();
    }

    private List<double[]> record(List<Integer> outputs, int take) throws IOException {
        log.accept("  playing the stimulus (" + Math.round(spec.layout().total() / (double) spec.sampleRate() * 10) / 10.0
                + " s) at " + String.join(", ", mic.positions(take)));
        mic.start(take);
        boolean playing = false;
        try {
            unit.playSweep(spec, outputs, reference);
            playing = true;
            unit.awaitStimulus(spec.layout().total() / (double) spec.sampleRate() + AFTER_SECONDS);
        } finally {
            if (playing) {
                unit.stopSignal();
            }
        }
        return mic.stop();
    }
}
