package org.cabintune.bench;

import org.cabintune.dsp.dynamics.LimiterParams;
import org.cabintune.dsp.dynamics.MultibandCompressor;
import org.cabintune.dsp.dynamics.MultibandParams;
import org.cabintune.dsp.dynamics.TruePeakLimiter;
import org.cabintune.dsp.loudness.CompensationDesign;
import org.cabintune.dsp.loudness.LevelRider;
import org.cabintune.dsp.loudness.LoudnessCompensation;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.RiderParams;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.wav.Dither;
import org.cabintune.dsp.wav.PcmCodec;
import org.cabintune.dsp.wav.WavFormat;
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
 * The other benchmarks time the newer parts on their own, per stereo frame: the level rider
 * (normalisation mode auto), loudness compensation held at one volume and while the volume
 * moves every block, and the DAC's 16-bit words with flat and with noise-shaped TPDF dither.
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
    private LevelRider rider;
    private LoudnessCompensation compensation;
    private PcmCodec flat;
    private PcmCodec shaped;
    private byte[] words;
    private int[][][] source;
    private int[][] block;
    private double volume;

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
        Bus.Normalize auto = Bus.Normalize.of(Bus.Normalize.Mode.AUTO);
        rider = new LevelRider(RiderParams.fromProfile(auto, RATE, 2));
        compensation = new LoudnessCompensation(CompensationDesign.of(Bus.LoudnessCompensation.DEFAULT, RATE), 2);
        compensation.setVolumeDb(-30);
        compensation.reset();
        WavFormat sixteen = WavFormat.pcm(RATE, 2, 16);
        flat = new PcmCodec(sixteen, new Dither(1));
        shaped = new PcmCodec(sixteen, Dither.shaped(1, 2));
        words = new byte[BLOCK * flat.bytesPerFrame()];
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

    private void next(int[][] src) {
        System.arraycopy(src[0], 0, block[0], 0, BLOCK);
        System.arraycopy(src[1], 0, block[1], 0, BLOCK);
    }

    /** The level rider: K-weighted measurement, 100 ms decisions, the gain ramp. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] rider() {
        for (int[][] src : source) {
            next(src);
            rider.process(block, BLOCK);
        }
        return block;
    }

    /** Loudness compensation at -30 dB: two shelves per channel. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] compensationSteady() {
        for (int[][] src : source) {
            next(src);
            compensation.process(block, BLOCK);
        }
        return block;
    }

    /** Loudness compensation while the volume moves by 3 dB every block: it walks between sets all the time. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] compensationWalking() {
        for (int[][] src : source) {
            next(src);
            volume = volume <= -60 ? 0 : volume - 3;
            compensation.setVolumeDb(volume);
            compensation.process(block, BLOCK);
        }
        return block;
    }

    /** 16-bit words with flat TPDF dither. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public byte[] dither16Tpdf() {
        for (int[][] src : source) {
            flat.encode(src, BLOCK, words);
        }
        return words;
    }

    /** 16-bit words with noise-shaped TPDF dither. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public byte[] dither16Shaped() {
        for (int[][] src : source) {
            shaped.encode(src, BLOCK, words);
        }
        return words;
    }
}
