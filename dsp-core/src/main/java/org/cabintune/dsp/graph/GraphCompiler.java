package org.cabintune.dsp.graph;

import org.cabintune.dsp.delay.Delay;
import org.cabintune.dsp.delay.DelayParams;
import org.cabintune.dsp.dynamics.MultibandCompressor;
import org.cabintune.dsp.dynamics.TruePeakLimiter;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.gain.Gain;
import org.cabintune.dsp.gain.GainParams;
import org.cabintune.dsp.gain.Polarity;
import org.cabintune.dsp.gain.PolarityParams;
import org.cabintune.dsp.loudness.LevelRider;
import org.cabintune.dsp.loudness.LoudnessCompensation;
import org.cabintune.dsp.loudness.ProgrammeLoudness;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.route.Mixer;
import org.cabintune.dsp.route.MixerParams;

/** Compiles a validated {@link Profile} into a {@link ProcessingGraph}. */
public final class GraphCompiler {

    private GraphCompiler() {
    }

    /**
     * Builds the graph. Everything is designed, quantised and allocated here, so the result
     * is ready to run on the audio thread.
     *
     * @param maxFrames the largest block the graph will be asked to process
     */
    public static ProcessingGraph compile(Profile profile, int maxFrames) {
        return compile(GraphPlan.of(profile), maxFrames);
    }

    /**
     * Builds the graph with static normalisation set for {@code programme}, the measured
     * loudness of the track or album it will play.
     */
    public static ProcessingGraph compile(Profile profile, ProgrammeLoudness programme, int maxFrames) {
        return compile(GraphPlan.of(profile, programme), maxFrames);
    }

    /** Builds the graph from an already designed plan. */
    public static ProcessingGraph compile(GraphPlan plan, int maxFrames) {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames = " + maxFrames + " must be at least 1");
        }
        int fs = plan.sampleRate();
        return new ProcessingGraph(fs, maxFrames, plan.warmupFrames(), plan.inputs(),
                plan.busGainDb() != 0 ? new Gain(GainParams.ofDb(fs, plan.busGainPerInput())) : null,
                plan.rider().map(LevelRider::new).orElse(null),
                plan.multiband().map(MultibandCompressor::new).orElse(null),
                plan.limiter().map(TruePeakLimiter::new).orElse(null),
                new Mixer(MixerParams.of(plan.mix())),
                new BiquadCascade(plan.sections()),
                plan.anyDelay() ? new Delay(DelayParams.ofMs(fs, plan.delaysMs())) : null,
                plan.anyGain() ? new Gain(GainParams.ofDb(fs, plan.gainsDb())) : null,
                plan.anyInverted() ? new Polarity(PolarityParams.of(plan.inverted())) : null,
                plan.protection().stream().map(TruePeakLimiter::new).toArray(TruePeakLimiter[]::new),
                plan.compensation().map(c -> new LoudnessCompensation(c, plan.outputs())).orElse(null),
                plan.trimDb() != 0 ? new Gain(GainParams.ofDb(fs, plan.trimPerOutput())) : null,
                plan.notes());
    }
}
