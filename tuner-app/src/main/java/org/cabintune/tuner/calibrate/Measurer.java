package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
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

    /** Measures {@code outputs} playing together, at every position of every take; label for messages. */
    List<Measurement> measure(List<Integer> outputs, String label) throws IOException {
        List<Measurement> all = new ArrayList<>();
        for (int take = 0; take < mic.takes(); take++) {
            all.addAll(take(outputs, take, label));
        }
        return all;
    }

    /** One take: {@code outputs} play the stimulus once, heard at the take's positions; one measurement each. */
    List<Measurement> take(List<Integer> outputs, int take, String label) throws IOException {
        return analyse(record(outputs, take), mic.positions(take), label);
    }

    /**
     * Each position's recording analysed, the microphone's calibration (if it has one) taken
     * out; a failure names the position.
     */
    List<Measurement> analyse(List<double[]> recordings, List<String> positions, String label) {
        return IntStream.range(0, recordings.size()).parallel().mapToObj(p -> {
            try {
                Measurement m = analyzer.analyze(recordings.get(p));
                return mic.calibration().map(c -> c.apply(m)).orElse(m);
            } catch (MeasurementException e) {
                throw new MeasurementException(label + " at position " + positions.get(p) + ": " + e.getMessage());
            }
        }).toList();
    }

    /**
     * Records take {@code take} while {@code outputs} play the stimulus; one recording per
     * position. Stopped early (a failure, an interrupt), the recording is dropped.
     */
    List<double[]> record(List<Integer> outputs, int take) throws IOException {
        log.accept("  playing the stimulus (" + Math.round(spec.layout().total() / (double) spec.sampleRate() * 10) / 10.0
                + " s) at " + String.join(", ", mic.positions(take)));
        mic.start(take);
        try {
            play(outputs);
        } catch (IOException | RuntimeException e) {
            try {
                mic.abort();
            } catch (IOException | RuntimeException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
        return mic.stop();
    }

    private void play(List<Integer> outputs) throws IOException {
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
    }
}
