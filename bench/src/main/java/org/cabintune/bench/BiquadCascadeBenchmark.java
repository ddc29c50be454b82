package org.cabintune.bench;

import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.filter.FilterDesign;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The biquad kernel alone: one 12-section stereo cascade, in nanoseconds per section and
 * sample (one operation = one sample through one section).
 *
 * <p>Every invocation runs {@value #FRAMES_PER_INVOCATION} frames in blocks of
 * {@code frames}, so the constant {@link OperationsPerInvocation} of
 * {@code 2 x 12 x 1024} holds for every block size. The input is copied into the work buffer
 * before each block (the cascade runs in place); the copy is part of the figure, as the
 * router's write is in the real chain.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BiquadCascadeBenchmark {

    static final int CHANNELS = 2;
    static final int SECTIONS = 12;
    static final int FRAMES_PER_INVOCATION = 1024;

    /** Block size. */
    @Param({"128"})
    int frames;

    private BiquadCascade cascade;
    private int[][] block;
    private int[][][] source;

    @Setup
    public void setup() {
        if (frames < 1 || FRAMES_PER_INVOCATION % frames != 0) {
            throw new IllegalArgumentException("frames = " + frames + " must divide " + FRAMES_PER_INVOCATION);
        }
        double fs = 48000;
        List<QuantizedBiquad> sections = new ArrayList<>();
        for (int i = 0; i < SECTIONS; i++) {
            sections.add(QuantizedBiquad.of(FilterDesign.peaking(fs, 30 * Math.pow(1.7, i), 1.5, i % 2 == 0 ? -3 : 2)));
        }
        cascade = new BiquadCascade(List.of(sections, sections));
        source = Noise.blocks(FRAMES_PER_INVOCATION / frames, CHANNELS, frames, 1);
        block = new int[CHANNELS][frames];
    }

    /** ns per section-sample: 2 channels x 12 sections x 1024 frames per invocation. */
    @Benchmark
    @OperationsPerInvocation(CHANNELS * SECTIONS * FRAMES_PER_INVOCATION)
    public int[][] stereoTwelveSections() {
        for (int[][] input : source) {
            System.arraycopy(input[0], 0, block[0], 0, frames);
            System.arraycopy(input[1], 0, block[1], 0, frames);
            cascade.process(block, frames);
        }
        return block;
    }
}
