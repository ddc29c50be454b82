package org.cabintune.bench;

import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.ProcessingGraph;
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

import java.util.concurrent.TimeUnit;

/**
 * The reference chain ({@code calibration/profiles/reference-8ch.json}: 48 kHz, stereo in,
 * 8 outputs, 86 biquad sections) as the head unit runs it, in nanoseconds per frame.
 *
 * <p>Coverage: what {@link ProcessingGraph} processes today, that is the bus preamp, the
 * router and the 8 output chains (crossovers, parametric EQ, delays, levels, polarity). The
 * bus dynamics (multiband compressor, true-peak limiter), the protection limiters and dither
 * are not in the graph yet, so they are not in this figure either.
 *
 * <p>One operation is one frame (2 input samples in, 8 output samples out). Every invocation
 * processes {@value #FRAMES_PER_INVOCATION} frames in blocks of {@code frames}, so that
 * {@link OperationsPerInvocation}, which must be a constant, stays right for every block
 * size. The real-time factor at 48 kHz is {@code 1e9 / 48000 / score}; {@code bench/jmh.sh}
 * prints it. {@link ReferenceChainStagesBenchmark} splits the figure by stage.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReferenceChainBenchmark {

    /** Frames per invocation: a multiple of every block size measured. */
    static final int FRAMES_PER_INVOCATION = 1024;

    /** Block size (the head unit's period; 128 is its default). */
    @Param({"64", "128", "1024"})
    int frames;

    private ProcessingGraph graph;
    /** [block][input channel][frame]: noise, never written, so every invocation sees the same input. */
    private int[][][] input;
    /** [output channel][frame]: the graph's output. */
    private int[][] output;

    @Setup
    public void setup() {
        if (frames < 1 || FRAMES_PER_INVOCATION % frames != 0) {
            throw new IllegalArgumentException("frames = " + frames + " must divide " + FRAMES_PER_INVOCATION);
        }
        graph = GraphCompiler.compile(ReferenceProfile.load(), frames);
        input = Noise.blocks(FRAMES_PER_INVOCATION / frames, graph.inputs(), frames, 1);
        output = new int[graph.outputs()][frames];
    }

    /** The whole compiled graph: ns per frame, all 8 outputs. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] chain() {
        for (int[][] block : input) {
            graph.process(block, output, frames);
        }
        return output;
    }
}
