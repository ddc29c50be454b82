package org.cabintune.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.correct.AutoEq;
import org.cabintune.tuner.correct.GreedyBaseline;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.measure.LogGrid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Fitting one output, in milliseconds: the sedan's front-left mid-woofer at the driver's seat
 * ({@code calibration/cabins/sedan.yaml}, found by walking up from the working directory, or
 * {@code -Dcabintune.cabin=FILE}), its exact response at the six microphone positions on a
 * 96-per-octave grid from 20 Hz to 20 kHz with phase, fitted to {@code car-default.txt}
 * ({@code -Dcabintune.target=FILE}) from 60 Hz to 5 kHz with the default limits (10 filters,
 * 1/6-octave smoothing).
 *
 * <ul>
 *   <li>{@code autoEq}: {@link AutoEq#fit}: averaging, smoothing, null detection, greedy
 *       placement with joint refinement, pruning, and the quantised prediction;</li>
 *   <li>{@code baseline}: {@link GreedyBaseline#fit} on the same problem.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AutoEqBenchmark {

    private static final String[] MICS = {"center", "left-ear", "right-ear", "front", "back", "above"};
    private static final String SPEAKER = "front-left-midwoofer";

    private AutoEq.Problem problem;

    @Setup
    public void setUp() throws IOException {
        CabinSpec spec = CabinReader.read(RepositoryFile.locate("cabintune.cabin", "calibration/cabins/sedan.yaml"));
        HouseCurve target = HouseCurve.read(RepositoryFile.locate("cabintune.target",
                "calibration/targets/car-default.txt"));
        VirtualCabin car = new VirtualCabin(spec, 48_000);
        double[] hz = LogGrid.of(20, 20_000, 96);
        double[][] db = new double[MICS.length][hz.length];
        double[][] phase = new double[MICS.length][hz.length];
        CabinSpec.Vec source = spec.speaker(SPEAKER).position();
        for (int m = 0; m < MICS.length; m++) {
            CabinSpec.Vec mic = car.micPosition("driver", MICS[m]);
            double delay = Math.hypot(Math.hypot(source.x() - mic.x(), source.y() - mic.y()), source.z() - mic.z())
                    / spec.speedOfSound();
            for (int i = 0; i < hz.length; i++) {
                double[] h = car.transfer(SPEAKER, "driver", MICS[m], hz[i]);
                double w = 2 * Math.PI * hz[i] * delay;
                double re = h[0] * Math.cos(w) - h[1] * Math.sin(w);
                double im = h[0] * Math.sin(w) + h[1] * Math.cos(w);
                db[m][i] = 10 * Math.log10(re * re + im * im);
                phase[m][i] = Math.toDegrees(Math.atan2(im, re));
            }
        }
        problem = new AutoEq.Problem(48_000, hz, db, phase, target.on(hz), 60, 5000, List.of(), AutoEq.Limits.DEFAULT);
    }

    @Benchmark
    public AutoEq.Result autoEq() {
        return AutoEq.fit(problem);
    }

    @Benchmark
    public AutoEq.Result baseline() {
        return GreedyBaseline.fit(problem);
    }
}
