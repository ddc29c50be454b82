package org.cabintune.dsp.graph;

import org.cabintune.dsp.delay.Delay;
import org.cabintune.dsp.delay.DelayParams;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.gain.Gain;
import org.cabintune.dsp.gain.GainParams;
import org.cabintune.dsp.gain.Polarity;
import org.cabintune.dsp.gain.PolarityParams;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.SectionDesign;
import org.cabintune.dsp.route.Mixer;
import org.cabintune.dsp.route.MixerParams;

import java.util.ArrayList;
import java.util.List;

/** Compiles a validated {@link Profile} into a {@link ProcessingGraph}. */
public final class GraphCompiler {

    /** Extra warm-up after the longest delay, so filters have started before a fade-in. */
    static final double SETTLE_MS = 5.0;

    private GraphCompiler() {
    }

    /**
     * Builds the graph. Everything is designed, quantised and allocated here, so the result
     * is ready to run on the audio thread.
     *
     * @param maxFrames the largest block the graph will be asked to process
     */
    public static ProcessingGraph compile(Profile profile, int maxFrames) {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames = " + maxFrames + " must be at least 1");
        }
        int fs = profile.sampleRate();
        List<Output> outputs = profile.outputs();
        int n = outputs.size();
        double[][] mix = new double[n][profile.inputs().size()];
        List<List<QuantizedBiquad>> sections = new ArrayList<>();
        double[] delays = new double[n];
        double[] gains = new double[n];
        boolean[] inverted = new boolean[n];
        boolean anyDelay = false, anyGain = false, anyInvert = false;
        for (int o = 0; o < n; o++) {
            Output out = outputs.get(o);
            for (var entry : out.mix().entrySet()) {
                mix[o][profile.inputs().indexOf(entry.getKey())] = entry.getValue();
            }
            sections.add(SectionDesign.quantize(out.filters(), fs));
            delays[o] = out.delayMs();
            gains[o] = out.gainDb();
            inverted[o] = out.invert();
            anyDelay |= out.delayMs() != 0;
            anyGain |= out.gainDb() != 0;
            anyInvert |= out.invert();
        }
        Bus bus = profile.bus();
        Gain preamp = null;
        if (bus.preampDb() != 0) {
            double[] pre = new double[profile.inputs().size()];
            java.util.Arrays.fill(pre, bus.preampDb());
            preamp = new Gain(GainParams.ofDb(fs, pre));
        }
        double maxDelayMs = 0;
        for (double d : delays) {
            maxDelayMs = Math.max(maxDelayMs, d);
        }
        int warmup = (int) Math.ceil((maxDelayMs + SETTLE_MS) * fs / 1000.0);
        return new ProcessingGraph(fs, maxFrames, warmup, profile.inputs().size(), preamp,
                new Mixer(MixerParams.of(mix)),
                new BiquadCascade(sections),
                anyDelay ? new Delay(DelayParams.ofMs(fs, delays)) : null,
                anyGain ? new Gain(GainParams.ofDb(fs, gains)) : null,
                anyInvert ? new Polarity(PolarityParams.of(inverted)) : null,
                notes(profile));
    }

    /** Profile parts that this build validates but does not process yet. */
    private static List<String> notes(Profile profile) {
        List<String> notes = new ArrayList<>();
        Bus bus = profile.bus();
        bus.normalize().filter(nz -> nz.mode() != Bus.Normalize.Mode.OFF)
                .ifPresent(nz -> notes.add("bus.normalize is not processed yet by this build"));
        bus.multiband().ifPresent(m -> notes.add("bus.multiband is not processed yet by this build"));
        bus.limiter().ifPresent(l -> notes.add("bus.limiter is not processed yet by this build"));
        for (int o = 0; o < profile.outputs().size(); o++) {
            if (profile.outputs().get(o).protect().ceilingDbtp() < 0) {
                notes.add("outputs[*].protect.ceilingDbtp (protection limiters) is not processed yet by this build");
                break;
            }
        }
        return notes;
    }
}
