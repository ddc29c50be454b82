package org.cabintune.bench;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.dynamics.MultibandCompressor;
import org.cabintune.dsp.dynamics.MultibandParams;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Profile;
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
 * The bus's multiband compressor as the reference chain runs it: the reference profile's
 * {@code bus.multiband} (3 bands split at 120 Hz and 2.5 kHz, LR4), stereo, 48 kHz, stereo
 * link on, in nanoseconds per frame (one frame = 2 samples in and out).
 *
 * <p>The input is the benchmarks' uniform noise plus a 93.75 Hz tone of the same peak (white
 * noise alone leaves the band below 120 Hz too quiet to compress; the tone makes two whole
 * cycles per invocation, so the repeated input has no seam), scaled so that the mix
 * peaks at {@code peakDbfs}. At 0 dBFS every band of the reference settings keeps
 * compressing, so the figure is the costly path (a logarithm and a power per sample and
 * band); at -40 dBFS every band stays below its knee, which leaves the crossovers, the level
 * comparison and the sum, so the difference between the two is the cost of the gain
 * computation. Every invocation processes {@value #FRAMES_PER_INVOCATION} frames in blocks of
 * {@code frames}, copying fresh noise into the work buffer before each block (the block runs
 * in place); the copy is part of the figure and well under a nanosecond per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MultibandCompressorBenchmark {

    static final int CHANNELS = 2;
    static final int SAMPLE_RATE = 48_000;
    static final int FRAMES_PER_INVOCATION = 1024;
    /** Cycles of the bass tone per invocation: 2 x 48000 / 1024 = 93.75 Hz. */
    static final int TONE_CYCLES = 2;

    /** Block size. */
    @Param({"128"})
    int frames;

    /** Level detection: PEAK (what a profile gets) or RMS. */
    @Param({"PEAK", "RMS"})
    MultibandParams.Detection detection;

    /** Peak level of the input mix, dBFS. */
    @Param({"0", "-40"})
    double peakDbfs;

    private MultibandCompressor compressor;
    private int[][][] source;
    private int[][] block;

    @Setup
    public void setup() {
        if (frames < 1 || FRAMES_PER_INVOCATION % frames != 0) {
            throw new IllegalArgumentException("frames = " + frames + " must divide " + FRAMES_PER_INVOCATION);
        }
        Profile profile = ReferenceProfile.load();
        Bus.Multiband multiband = profile.bus().multiband()
                .orElseThrow(() -> new IllegalStateException("the reference profile has no bus.multiband"));
        compressor = new MultibandCompressor(
                MultibandParams.fromProfile(multiband, SAMPLE_RATE, CHANNELS).withDetection(detection));
        source = Noise.blocks(FRAMES_PER_INVOCATION / frames, CHANNELS, frames, 1);
        double peak = Math.pow(10, peakDbfs / 20);
        for (int b = 0; b < source.length; b++) {
            for (int[] channel : source[b]) {
                for (int i = 0; i < frames; i++) {
                    double tone = Math.sin(2 * Math.PI * TONE_CYCLES * (b * frames + i) / FRAMES_PER_INVOCATION);
                    channel[i] = Q824.fromDouble(peak / 2 * (channel[i] * Q824.LSB / Noise.PEAK + tone));
                }
            }
        }
        block = new int[CHANNELS][frames];
        checkWhichBandsCompress();
    }

    /** Refuses to measure the wrong path: the loud input must compress every band, the quiet none. */
    private void checkWhichBandsCompress() {
        for (int i = 0; i < 50; i++) {
            stereoThreeBands();
        }
        for (int b = 0; b < compressor.params().bandCount(); b++) {
            double reduction = compressor.gainReductionDb(b, 0);
            if (peakDbfs >= 0 ? reduction < 0.5 : reduction != 0) {
                throw new IllegalStateException("band " + b + " is reduced by " + reduction + " dB at " + peakDbfs + " dBFS");
            }
        }
        compressor.reset();
    }

    /** ns per stereo frame. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] stereoThreeBands() {
        for (int[][] input : source) {
            System.arraycopy(input[0], 0, block[0], 0, frames);
            System.arraycopy(input[1], 0, block[1], 0, frames);
            compressor.process(block, frames);
        }
        return block;
    }
}
