package org.cabintune.dsp.sweep;

import org.cabintune.dsp.Q824;

/**
 * Every sample of a stimulus, computed in closed form from its {@link SweepSpec}, so the head
 * unit and the tuner produce bit-identical doubles on any JVM ({@link StrictMath} throughout)
 * and a long sweep does not accumulate phase error.
 *
 * <p>An exponential sweep of N frames from f1 to f2 at sample rate fs is
 * {@code x[n] = A sin(2 pi f1 L (exp(n / (fs L)) - 1))} with {@code L = (N / fs) / ln(f2 / f1)}:
 * its instantaneous frequency is {@code f1 exp(t / L)}, starting at f1 with phase 0. The first
 * {@link SweepSpec#FADE_IN_OCTAVES} octaves are faded in and the last
 * {@link SweepSpec#FADE_OUT_OCTAVES} faded out with raised-cosine ramps
 * ({@code 0.5 - 0.5 cos(pi m / M)} over M frames). Markers are the same construction from
 * {@link SweepSpec#MARKER_START_HZ} to {@link SweepSpec#markerEndHz()} over
 * {@link SweepSpec#MARKER_SECONDS}.
 */
public final class SweepGenerator {

    private final SweepSpec spec;
    private final SweepLayout layout;
    private final double[] sweep;
    private final double[] marker;

    /** Renders the sweep and marker once; {@link #fill} then copies from them. */
    public SweepGenerator(SweepSpec spec) {
        this.spec = spec;
        this.layout = spec.layout();
        this.sweep = expSweep(spec.sampleRate(), spec.sweepFrames(), spec.startHz(), spec.endHz(), spec.amplitude());
        this.marker = spec.markers()
                ? expSweep(spec.sampleRate(), spec.markerFrames(), SweepSpec.MARKER_START_HZ, spec.markerEndHz(),
                        spec.amplitude())
                : new double[0];
    }

    /** The parameters. */
    public SweepSpec spec() {
        return spec;
    }

    /** Where each part lies. */
    public SweepLayout layout() {
        return layout;
    }

    /** A copy of the sweep alone (no silences), {@link SweepSpec#sweepFrames()} long. */
    public double[] sweep() {
        return sweep.clone();
    }

    /** A copy of one marker alone, {@link SweepSpec#markerFrames()} long (empty without markers). */
    public double[] marker() {
        return marker.clone();
    }

    /** The whole stimulus, {@code [channel][frame]}: see {@link SweepLayout} for the channels. */
    public double[][] render() {
        double[][] out = new double[layout.channels()][layout.total()];
        for (int c = 0; c < out.length; c++) {
            fill(c, 0, out[c], layout.total());
        }
        return out;
    }

    /**
     * Writes frames {@code [from, from + frames)} of one channel into {@code out[0..frames)};
     * frames past the end are silence. Allocates nothing, so a player can stream the stimulus.
     */
    public void fill(int channel, long from, double[] out, int frames) {
        checkChannel(channel);
        java.util.Arrays.fill(out, 0, frames, 0.0);
        if (channel == layout.sweepChannel()) {
            copy(sweep, layout.sweepStart(), from, out, frames);
        } else {
            copy(marker, layout.markerA(), from, out, frames);
            copy(marker, layout.markerB(), from, out, frames);
        }
    }

    /**
     * The same frames as Q8.24 samples ({@link Q824#fromDouble}), for a player that streams
     * the stimulus into the fixed-point chain. Allocates nothing.
     */
    public void fill(int channel, long from, int[] out, int frames) {
        checkChannel(channel);
        double[] part = channel == layout.sweepChannel() ? sweep : marker;
        for (int i = 0; i < frames; i++) {
            long n = from + i;
            double v;
            if (channel == layout.sweepChannel()) {
                v = at(part, layout.sweepStart(), n);
            } else {
                v = at(part, layout.markerA(), n) + at(part, layout.markerB(), n);
            }
            out[i] = Q824.fromDouble(v);
        }
    }

    private static double at(double[] part, long start, long n) {
        long i = n - start;
        return i >= 0 && i < part.length ? part[(int) i] : 0;
    }

    private void checkChannel(int channel) {
        if (channel < 0 || channel >= layout.channels()) {
            throw new IllegalArgumentException("channel = " + channel + " is outside the allowed range 0 .. "
                    + (layout.channels() - 1));
        }
    }

    private static void copy(double[] part, long partStart, long from, double[] out, int frames) {
        long begin = Math.max(from, partStart);
        long end = Math.min(from + frames, partStart + part.length);
        for (long n = begin; n < end; n++) {
            out[(int) (n - from)] = part[(int) (n - partStart)];
        }
    }

    /**
     * An exponential sweep of {@code frames} samples from f1 to f2 Hz with the fades described
     * above. Public so that analysis and tests can build the same signal for other parameters.
     */
    public static double[] expSweep(int sampleRate, int frames, double f1, double f2, double amplitude) {
        double octaves = StrictMath.log(f2 / f1) / StrictMath.log(2);
        double rate = StrictMath.log(f2 / f1) / frames;
        double phaseScale = 2 * Math.PI * f1 * frames / sampleRate / StrictMath.log(f2 / f1);
        int fadeIn = (int) Math.round(frames * SweepSpec.FADE_IN_OCTAVES / octaves);
        int fadeOut = (int) Math.round(frames * SweepSpec.FADE_OUT_OCTAVES / octaves);
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            double v = amplitude * StrictMath.sin(phaseScale * StrictMath.expm1(n * rate));
            if (n < fadeIn) {
                v *= 0.5 - 0.5 * StrictMath.cos(Math.PI * n / fadeIn);
            }
            int fromEnd = frames - 1 - n;
            if (fromEnd < fadeOut) {
                v *= 0.5 - 0.5 * StrictMath.cos(Math.PI * fromEnd / fadeOut);
            }
            x[n] = v;
        }
        return x;
    }
}
