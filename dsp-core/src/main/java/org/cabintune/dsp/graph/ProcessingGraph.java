package org.cabintune.dsp.graph;

import org.cabintune.dsp.delay.Delay;
import org.cabintune.dsp.dynamics.MultibandCompressor;
import org.cabintune.dsp.dynamics.TruePeakLimiter;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.gain.Gain;
import org.cabintune.dsp.gain.Polarity;
import org.cabintune.dsp.loudness.LevelRider;
import org.cabintune.dsp.loudness.LoudnessCompensation;
import org.cabintune.dsp.route.Mixer;

import java.util.List;

/**
 * A profile compiled into fixed-point blocks: bus gain (preamp and static normalisation),
 * level rider, multiband compressor and true-peak limiter, router, then per output its filter
 * cascade, delay, level, polarity and protection limiter, then the loudness compensation
 * that follows the volume, and last a trim when the plan has one. Immutable in structure, preallocated, and built
 * by {@link GraphCompiler} off the audio thread; {@link #process} and {@link #setVolumeDb}
 * allocate nothing, take no locks, and {@code process} reads its input without changing it, so
 * two graphs can run side by side during a cross-fade ({@link GraphSwitcher}).
 */
public final class ProcessingGraph {

    private final int sampleRate;
    private final int maxFrames;
    private final int warmupFrames;
    private final int[][] bus;
    private final Gain preamp;
    private final LevelRider rider;
    private final MultibandCompressor multiband;
    private final TruePeakLimiter limiter;
    private final Mixer router;
    private final BiquadCascade filters;
    private final Delay delay;
    private final Gain level;
    private final Polarity polarity;
    /** One single-channel limiter per output, or none. */
    private final TruePeakLimiter[] protection;
    private final LoudnessCompensation compensation;
    /** The plan's trim after everything else, or none. */
    private final Gain trim;
    /** A one-channel view handed to each protection limiter: filled per block, never allocated. */
    private final int[][] oneChannel = new int[1][];
    private final List<String> notes;

    ProcessingGraph(int sampleRate, int maxFrames, int warmupFrames, int inputs, Gain preamp, LevelRider rider,
                    MultibandCompressor multiband, TruePeakLimiter limiter, Mixer router,
                    BiquadCascade filters, Delay delay, Gain level, Polarity polarity, TruePeakLimiter[] protection,
                    LoudnessCompensation compensation, Gain trim, List<String> notes) {
        this.sampleRate = sampleRate;
        this.maxFrames = maxFrames;
        this.warmupFrames = warmupFrames;
        this.bus = new int[inputs][maxFrames];
        this.preamp = preamp;
        this.rider = rider;
        this.multiband = multiband;
        this.limiter = limiter;
        this.router = router;
        this.filters = filters;
        this.delay = delay;
        this.level = level;
        this.polarity = polarity;
        this.protection = protection.clone();
        this.compensation = compensation;
        this.trim = trim;
        this.notes = List.copyOf(notes);
    }

    /**
     * Processes one block.
     *
     * @param in     {@link #inputs()} channels, read only
     * @param out    {@link #outputs()} channels, overwritten
     * @param frames at most {@link #maxFrames()}
     */
    public void process(int[][] in, int[][] out, int frames) {
        for (int ch = 0; ch < bus.length; ch++) {
            System.arraycopy(in[ch], 0, bus[ch], 0, frames);
        }
        if (preamp != null) {
            preamp.process(bus, frames);
        }
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
        if (delay != null) {
            delay.process(out, frames);
        }
        if (level != null) {
            level.process(out, frames);
        }
        if (polarity != null) {
            polarity.process(out, frames);
        }
        for (int o = 0; o < protection.length; o++) {
            oneChannel[0] = out[o];
            protection[o].process(oneChannel, frames);
        }
        if (compensation != null) {
            compensation.process(out, frames);
        }
        if (trim != null) {
            trim.process(out, frames);
        }
    }

    /**
     * Tells the loudness compensation the volume the engine plays at, dB; it then walks to the
     * matching filters. Audio thread, between blocks; does nothing without compensation.
     */
    public void setVolumeDb(double volumeDb) {
        if (compensation != null) {
            compensation.setVolumeDb(volumeDb);
        }
    }

    /** The level rider's gain now, dB; 0 without a rider. Audio thread, between blocks. */
    public double riderGainDb() {
        return rider == null ? 0.0 : rider.gainDb();
    }

    /**
     * Clears every block's state, as if freshly built; the loudness compensation goes straight
     * to the filters of the last volume it was told.
     */
    public void reset() {
        if (preamp != null) {
            preamp.reset();
        }
        if (rider != null) {
            rider.reset();
        }
        if (multiband != null) {
            multiband.reset();
        }
        if (limiter != null) {
            limiter.reset();
        }
        for (TruePeakLimiter l : protection) {
            l.reset();
        }
        router.reset();
        filters.reset();
        if (delay != null) {
            delay.reset();
        }
        if (level != null) {
            level.reset();
        }
        if (polarity != null) {
            polarity.reset();
        }
        if (compensation != null) {
            compensation.reset();
        }
        if (trim != null) {
            trim.reset();
        }
    }

    /** The profile's sample rate. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Number of input channels (the profile's {@code inputs}). */
    public int inputs() {
        return bus.length;
    }

    /** Number of output channels (the profile's {@code outputs}). */
    public int outputs() {
        return router.outputs();
    }

    /** Largest block {@link #process} accepts. */
    public int maxFrames() {
        return maxFrames;
    }

    /** Frames a fresh graph needs before its output is the steady programme: longest delay plus settling. */
    public int warmupFrames() {
        return warmupFrames;
    }

    /** What the compiler wants the user to know (profile parts this build does not process yet). */
    public List<String> notes() {
        return notes;
    }
}
