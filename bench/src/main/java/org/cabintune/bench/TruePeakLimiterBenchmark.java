package org.cabintune.bench;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.dynamics.LimiterParams;
import org.cabintune.dsp.dynamics.TruePeakLimiter;
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

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The true-peak limiter at 48 kHz in blocks of 128 frames, in nanoseconds per frame, on
 * uniform white noise with parameter {@code peakDbfs}: at +6 dBFS it keeps limiting all the
 * time (the gain computer divides and the envelope moves on nearly every sample: the worst
 * case); at -12 dBFS, 11 dB under the -1 dBTP ceiling, every chunk takes the quiet path
 * (the detector's bound alone, the envelope at rest), what a protection limiter mostly does.
 * Before measuring, each limiter has limited a full-scale burst and recovered over 3 s of
 * silence, as a limiter in use has: its envelope must come back to rest for the quiet path.
 *
 * <ul>
 *   <li>{@code stereoBus}: the mastering bus limiter, 2 channels linked; one operation is one
 *       stereo frame;</li>
 *   <li>{@code eightOutputs}: the protection limiters of the head unit's 8 outputs as one
 *       8-channel unlinked block; one operation is one frame of all 8 outputs.</li>
 * </ul>
 * Both with the 4x (default) and the 8x detector, look-ahead 1.5 ms, release 50 ms.
 * Each invocation processes {@value #FRAMES_PER_INVOCATION} frames in blocks of
 * {@value #BLOCK}, copying fresh noise into the work buffer before each block (the limiter
 * runs in place); the copy is in the figure and well under a nanosecond per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TruePeakLimiterBenchmark {

    static final int RATE = 48_000;
    static final int BLOCK = 128;
    static final int FRAMES_PER_INVOCATION = 1024;

    /** Detector oversampling. */
    @Param({"4", "8"})
    int oversampling;

    /** Noise peak in dBFS: 6 limits all the time, -12 never. */
    @Param({"6", "-12"})
    double peakDbfs;

    private TruePeakLimiter bus;
    private TruePeakLimiter outputs;
    private int[][][] stereoNoise;
    private int[][][] eightNoise;
    private int[][] stereo;
    private int[][] eight;

    @Setup
    public void setup() {
        bus = new TruePeakLimiter(new LimiterParams(RATE, 2, -1.0, 1.5, 50.0, true, oversampling));
        outputs = new TruePeakLimiter(new LimiterParams(RATE, 8, -1.0, 1.5, 50.0, false, oversampling));
        double peak = Math.pow(10, peakDbfs / 20);
        stereoNoise = noise(2, 1, peak);
        eightNoise = noise(8, 2, peak);
        stereo = new int[2][BLOCK];
        eight = new int[8][BLOCK];
        limitedBefore(bus, stereo);
        limitedBefore(outputs, eight);
    }

    /** A full-scale square burst of one block, then 3 s of silence. */
    private static void limitedBefore(TruePeakLimiter limiter, int[][] work) {
        for (int[] channel : work) {
            for (int i = 0; i < BLOCK; i++) {
                channel[i] = (i % 2 == 0 ? 1 : -1) * (Q824.ONE - 1);
            }
        }
        limiter.process(work, BLOCK);
        for (int block = 0; block < 3 * RATE / BLOCK; block++) {
            for (int[] channel : work) {
                Arrays.fill(channel, 0);
            }
            limiter.process(work, BLOCK);
        }
    }

    /** ns per stereo frame of the bus limiter. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] stereoBus() {
        return run(bus, stereoNoise, stereo);
    }

    /** ns per frame of 8 unlinked output limiters. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] eightOutputs() {
        return run(outputs, eightNoise, eight);
    }

    private static int[][] run(TruePeakLimiter limiter, int[][][] source, int[][] work) {
        for (int[][] block : source) {
            for (int c = 0; c < work.length; c++) {
                System.arraycopy(block[c], 0, work[c], 0, BLOCK);
            }
            limiter.process(work, BLOCK);
        }
        return work;
    }

    /** {@code [block][channel][frame]} uniform noise with the given peak, from the seed. */
    private static int[][][] noise(int channels, long seed, double peak) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][][] blocks = new int[FRAMES_PER_INVOCATION / BLOCK][channels][BLOCK];
        for (int[][] block : blocks) {
            for (int[] channel : block) {
                for (int i = 0; i < BLOCK; i++) {
                    channel[i] = Q824.fromDouble((2 * random.nextDouble() - 1) * peak);
                }
            }
        }
        return blocks;
    }
}
