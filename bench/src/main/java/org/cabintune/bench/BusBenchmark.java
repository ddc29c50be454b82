package org.cabintune.bench;

import org.cabintune.dsp.dynamics.LimiterParams;
import org.cabintune.dsp.dynamics.MultibandCompressor;
import org.cabintune.dsp.dynamics.MultibandParams;
import org.cabintune.dsp.dynamics.TruePeakLimiter;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Profile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The mastering bus of the reference profile as the head unit runs it, per stereo frame at
 * 48 kHz in 128-frame blocks: multiband compressor, true-peak limiter, and the loudness meter
 * that reads the result. Input is the benchmarks' shared noise (-12 dBFS peak), which the
 * compressor works on; the limiter runs its detector and envelope on every sample either way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BusBenchmark {

    static final int RATE = 48_000;
    static final int BLOCK = 128;
    static final int FRAMES_PER_INVOCATION = 1024;

    private MultibandCompressor multiband;
    private TruePeakLimiter limiter;
    private LoudnessMeter meter;
    private int[][][] source;
    private int[][] block;

    @Setup
    public void setup() {
        Profile profile = ReferenceProfile.load();
        Bus bus = profile.bus();
        multiband = new MultibandCompressor(MultibandParams.fromProfile(
                bus.multiband().orElseThrow(() -> new IllegalStateException("the reference profile has no bus.multiband")),
                RATE, 2));
        Bus.Limiter l = bus.limiter().orElseThrow(() -> new IllegalStateException("the reference profile has no bus.limiter"));
        limiter = new TruePeakLimiter(LimiterParams.of(RATE, 2, l.ceilingDbtp(), l.lookaheadMs(), l.releaseMs()));
        meter = new LoudnessMeter(LoudnessParams.of(RATE, 2));
        source = Noise.blocks(FRAMES_PER_INVOCATION / BLOCK, 2, BLOCK, 5);
        block = new int[2][BLOCK];
    }

    /** One operation is one stereo frame through compressor, limiter and meter. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] bus() {
        for (int[][] src : source) {
            System.arraycopy(src[0], 0, block[0], 0, BLOCK);
            System.arraycopy(src[1], 0, block[1], 0, BLOCK);
            multiband.process(block, BLOCK);
            limiter.process(block, BLOCK);
            meter.process(block, BLOCK);
        }
        return block;
    }
}
