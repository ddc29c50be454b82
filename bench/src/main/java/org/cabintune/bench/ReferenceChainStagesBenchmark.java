package org.cabintune.bench;

import org.cabintune.dsp.Block;
import org.cabintune.dsp.delay.Delay;
import org.cabintune.dsp.delay.DelayParams;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.gain.Gain;
import org.cabintune.dsp.gain.GainParams;
import org.cabintune.dsp.gain.Polarity;
import org.cabintune.dsp.gain.PolarityParams;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.SectionDesign;
import org.cabintune.dsp.route.Mixer;
import org.cabintune.dsp.route.MixerParams;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link ReferenceChainBenchmark} split by stage: each block of the reference chain built
 * from the reference profile with the same parameters the graph compiler gives it, timed
 * alone, in nanoseconds per frame (all channels of the stage). The stages add up to about
 * the whole chain; the difference is the graph's input copy and the calls between stages.
 *
 * <p>The in-place stages first copy fresh noise into their 8-channel buffer, so each sees a
 * real signal rather than its own output fed back; that copy (8 x {@code frames} ints per
 * block) is in their figures and well under a nanosecond per frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReferenceChainStagesBenchmark {

    static final int FRAMES_PER_INVOCATION = ReferenceChainBenchmark.FRAMES_PER_INVOCATION;

    /** Block size. */
    @Param({"128"})
    int frames;

    private Gain preamp;
    private Mixer router;
    private BiquadCascade filters;
    private Delay delay;
    private Gain level;
    private Polarity polarity;
    /** [block][input][frame]: the chain's input noise, never written. */
    private int[][][] input;
    /** [block][output][frame]: noise for the in-place output stages, never written. */
    private int[][][] routed;
    /** [input][frame]: the preamp's work buffer. */
    private int[][] bus;
    /** [output][frame]: the router's output and the in-place stages' work buffer. */
    private int[][] work;

    @Setup
    public void setup() {
        if (frames < 1 || FRAMES_PER_INVOCATION % frames != 0) {
            throw new IllegalArgumentException("frames = " + frames + " must divide " + FRAMES_PER_INVOCATION);
        }
        Profile profile = ReferenceProfile.load();
        int fs = profile.sampleRate();
        List<String> inputs = profile.inputs();
        List<Output> outputs = profile.outputs();
        int n = outputs.size();
        double[][] mix = new double[n][inputs.size()];
        List<List<QuantizedBiquad>> sections = new ArrayList<>();
        double[] delays = new double[n];
        double[] gains = new double[n];
        boolean[] inverted = new boolean[n];
        for (int o = 0; o < n; o++) {
            Output out = outputs.get(o);
            for (var entry : out.mix().entrySet()) {
                mix[o][inputs.indexOf(entry.getKey())] = entry.getValue();
            }
            sections.add(SectionDesign.quantize(out.filters(), fs));
            delays[o] = out.delayMs();
            gains[o] = out.gainDb();
            inverted[o] = out.invert();
        }
        double[] pre = new double[inputs.size()];
        Arrays.fill(pre, profile.bus().preampDb());
        preamp = new Gain(GainParams.ofDb(fs, pre));
        router = new Mixer(MixerParams.of(mix));
        filters = new BiquadCascade(sections);
        delay = new Delay(DelayParams.ofMs(fs, delays));
        level = new Gain(GainParams.ofDb(fs, gains));
        polarity = new Polarity(PolarityParams.of(inverted));

        int blocks = FRAMES_PER_INVOCATION / frames;
        input = Noise.blocks(blocks, inputs.size(), frames, 1);
        routed = Noise.blocks(blocks, n, frames, 2);
        bus = new int[inputs.size()][frames];
        work = new int[n][frames];
    }

    /** Bus preamp: a gain on the 2 input channels. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] preamp() {
        for (int[][] block : input) {
            copy(block, bus);
            preamp.process(bus, frames);
        }
        return bus;
    }

    /** Router: 2 inputs to 8 outputs (6 single taps, 2 L+R sums). */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] router() {
        for (int[][] block : input) {
            router.process(block, work, frames);
        }
        return work;
    }

    /** The 8 outputs' crossovers and EQ: 86 biquad sections per frame. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] filters() {
        return inPlace(filters);
    }

    /** Time alignment: 6 fractional delays (ring buffer plus all-pass), 2 outputs undelayed. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] delay() {
        return inPlace(delay);
    }

    /** Output levels: a steady gain on each of the 8 outputs. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] level() {
        return inPlace(level);
    }

    /** Polarity: 2 of the 8 outputs inverted. */
    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_INVOCATION)
    public int[][] polarity() {
        return inPlace(polarity);
    }

    private int[][] inPlace(Block stage) {
        for (int[][] block : routed) {
            copy(block, work);
            stage.process(work, frames);
        }
        return work;
    }

    private void copy(int[][] from, int[][] to) {
        for (int c = 0; c < to.length; c++) {
            System.arraycopy(from[c], 0, to[c], 0, frames);
        }
    }
}
