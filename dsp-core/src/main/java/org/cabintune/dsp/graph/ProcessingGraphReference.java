package org.cabintune.dsp.graph;

import org.cabintune.dsp.delay.DelayParams;
import org.cabintune.dsp.delay.DelayReference;
import org.cabintune.dsp.dynamics.MultibandCompressorReference;
import org.cabintune.dsp.dynamics.TruePeakLimiterReference;
import org.cabintune.dsp.filter.BiquadCascadeReference;
import org.cabintune.dsp.gain.GainParams;
import org.cabintune.dsp.gain.GainReference;
import org.cabintune.dsp.gain.PolarityParams;
import org.cabintune.dsp.gain.PolarityReference;
import org.cabintune.dsp.loudness.LevelRiderReference;
import org.cabintune.dsp.loudness.LoudnessCompensationReference;
import org.cabintune.dsp.route.MixerParams;
import org.cabintune.dsp.route.MixerReference;

/**
 * The double-precision twin of a whole {@link ProcessingGraph}, built from the same
 * {@link GraphPlan} out of every block's twin: the oracle for the compiled chain.
 */
public final class ProcessingGraphReference {

    private final GainReference preamp;
    private final LevelRiderReference rider;
    private final MultibandCompressorReference multiband;
    private final TruePeakLimiterReference limiter;
    private final TruePeakLimiterReference[] protection;
    private final MixerReference router;
    private final BiquadCascadeReference filters;
    private final DelayReference delay;
    private final GainReference level;
    private final PolarityReference polarity;
    private final LoudnessCompensationReference compensation;
    private final GainReference trim;
    private final int inputs;

    public ProcessingGraphReference(GraphPlan plan) {
        int fs = plan.sampleRate();
        inputs = plan.inputs();
        preamp = new GainReference(GainParams.ofDb(fs, plan.busGainPerInput()));
        rider = plan.rider().map(LevelRiderReference::new).orElse(null);
        multiband = plan.multiband().map(MultibandCompressorReference::new).orElse(null);
        limiter = plan.limiter().map(TruePeakLimiterReference::new).orElse(null);
        protection = plan.protection().stream().map(TruePeakLimiterReference::new)
                .toArray(TruePeakLimiterReference[]::new);
        router = new MixerReference(MixerParams.of(plan.mix()));
        filters = new BiquadCascadeReference(plan.sections());
        delay = new DelayReference(DelayParams.ofMs(fs, plan.delaysMs()));
        level = new GainReference(GainParams.ofDb(fs, plan.gainsDb()));
        polarity = new PolarityReference(PolarityParams.of(plan.inverted()));
        compensation = plan.compensation().map(c -> new LoudnessCompensationReference(c, plan.outputs())).orElse(null);
        trim = new GainReference(GainParams.ofDb(fs, plan.trimPerOutput()));
    }

    /** As {@link ProcessingGraph#setVolumeDb}. */
    public void setVolumeDb(double volumeDb) {
        if (compensation != null) {
            compensation.setVolumeDb(volumeDb);
        }
    }

    /** Processes one block: reads {@code in} (left unchanged), writes {@code out}. */
    public void process(double[][] in, double[][] out, int frames) {
        double[][] bus = new double[inputs][];
        for (int ch = 0; ch < inputs; ch++) {
            bus[ch] = java.util.Arrays.copyOf(in[ch], frames);
        }
        preamp.process(bus, frames);
        if (rider != null) {
            rider.process(bus, frames);
        }
        if (multiband != null) {
            multiband.process(bus, frames);
        }
        if (limiter != null) {
            limiter.process(bus, frames);
        }
        router.process(bus, out, frames);
        filters.process(out, frames);
        delay.process(out, frames);
        level.process(out, frames);
        polarity.process(out, frames);
        for (int o = 0; o < protection.length; o++) {
            protection[o].process(new double[][] {out[o]}, frames);
        }
        if (compensation != null) {
            compensation.process(out, frames);
        }
        trim.process(out, frames);
    }
}
