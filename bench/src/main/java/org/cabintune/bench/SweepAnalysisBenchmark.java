package org.cabintune.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.Smoothing;
import org.cabintune.tuner.measure.SweepAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The tuner's analysis of one recording of the default stimulus (3 s sweep at 48 kHz with
 * timing markers, 10 Hz to 22.8 kHz), in milliseconds per recording. The recording is the
 * sedan's front-left mid-woofer at the driver's seat from {@code calibration/cabins/sedan.yaml}
 * (found by walking up from the working directory, or {@code -Dcabintune.cabin=FILE}), with
 * the cabin's road noise, 100 ppm of drift and an unknown start: 5.8 s of audio.
 *
 * <ul>
 *   <li>{@code analyze}: everything from samples to a 1/48-octave response, noise floor and
 *       distortion, as {@code cabintune analyze} does it (file reading and writing aside),
 *       with a new analyser, so the sweep's inverse filter is built each time;</li>
 *   <li>{@code analyzeAgain}: the same with an analyser that already holds the inverse filter,
 *       as when several positions of one stimulus are analysed.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SweepAnalysisBenchmark {

    private SweepSpec spec;
    private double[] recording;
    private double[] grid;
    private Smoothing smoothing;
    private SweepAnalyzer warm;

    @Setup
    public void setUp() throws IOException {
        spec = SweepSpec.defaults(48_000);
        VirtualCabin car = new VirtualCabin(CabinReader.read(
                RepositoryFile.locate("cabintune.cabin", "calibration/cabins/sedan.yaml")), spec.sampleRate());
        recording = car.play(new SweepGenerator(spec).render(), List.of(
                new VirtualCabin.Route("front-left-tweeter", 0), new VirtualCabin.Route("front-left-midwoofer", 1)),
                "driver", "center", VirtualCabin.PlayOptions.seeded(1));
        double[] band = {20, 20_000};
        grid = LogGrid.of(band[0], band[1], 48);
        smoothing = Smoothing.parse("1/48");
        warm = new SweepAnalyzer(spec);
        warm.analyze(recording);
    }

    @Benchmark
    public FrequencyResponse analyze() {
        return report(new SweepAnalyzer(spec).analyze(recording));
    }

    @Benchmark
    public FrequencyResponse analyzeAgain() {
        return report(warm.analyze(recording));
    }

    private FrequencyResponse report(Measurement m) {
        m.noiseFloor(grid, smoothing);
        m.distortion(grid, smoothing);
        return m.response(grid, smoothing);
    }
}
