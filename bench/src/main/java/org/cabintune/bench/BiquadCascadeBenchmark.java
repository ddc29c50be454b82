package org.cabintune.bench;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.filter.FilterDesign;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** One 12-section stereo cascade: the kernel's cost per section and sample. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BiquadCascadeBenchmark {

    @Param({"128"})
    int frames;

    private BiquadCascade cascade;
    private int[][] block;
    private int[][] source;

    @Setup
    public void setup() {
        double fs = 48000;
        List<QuantizedBiquad> sections = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sections.add(QuantizedBiquad.of(FilterDesign.peaking(fs, 30 * Math.pow(1.7, i), 1.5, i % 2 == 0 ? -3 : 2)));
        }
        cascade = new BiquadCascade(List.of(sections, sections));
        SplittableRandom random = new SplittableRandom(1);
        source = new int[2][frames];
        block = new int[2][frames];
        for (int[] ch : source) {
            for (int i = 0; i < frames; i++) {
                ch[i] = Q824.fromDouble((random.nextDouble() - 0.5) * 0.5);
            }
        }
    }

    /** Time for one block of 2 channels x 12 sections; divide by 24 x frames for one section-sample. */
    @Benchmark
    public int[][] stereoTwelveSections() {
        System.arraycopy(source[0], 0, block[0], 0, frames);
        System.arraycopy(source[1], 0, block[1], 0, frames);
        cascade.process(block, frames);
        return block;
    }
}
