package org.cabintune.dsp.dynamics;

import java.util.Arrays;
import org.cabintune.dsp.ReferenceBlock;

/**
 * Double twin of {@link TruePeakLimiter}: the same design ({@link LimiterDesign}: look-ahead,
 * detector with crest refinement and guard, hold window, threshold with its margin, release,
 * attack average) computed plainly in double, sample by sample, with unquantised
 * coefficients and no rounding. The running maximum
 * and the moving average are recomputed over their whole windows each sample instead of kept
 * incrementally, so the twin also checks the fixed path's block-wise maximum and running sum.
 */
public final class TruePeakLimiterReference implements ReferenceBlock {

    private static final double GUARD_DECAY = 1.0 - Math.scalb(1.0, -LimiterDesign.GUARD_DECAY_BITS);

    private final LimiterDesign design;
    private final int channels;
    private final int taps = OversamplingInterpolator.TAPS;
    /** Input history per channel, newest last: {@code max(lookahead, taps - 1) + 1} samples. */
    private final double[][] history;
    /** Per envelope: the last {@code window} peak estimates, oldest first. */
    private final double[][] peakWindow;
    /** Per envelope: the last {@code attack} held gains, oldest first. */
    private final double[][] heldWindow;
    private final double[] held;
    private final double[] lastGain;
    private final double[] peak;
    /** Per channel: the previous interval's last interpolated magnitude. */
    private final double[] previous;
    /** Per channel: the guard's held high-band magnitude. */
    private final double[] guard;
    /** Scratch: the oversampled magnitudes of one interval, v_-1 .. v_L. */
    private final double[] points;

    /** Builds the twin. */
    public TruePeakLimiterReference(LimiterParams params) {
        this(new LimiterDesign(params));
    }

    TruePeakLimiterReference(LimiterDesign design) {
        this.design = design;
        channels = design.channels;
        history = new double[channels][Math.max(design.lookahead, taps - 1) + 1];
        int envelopes = design.envelopes();
        peakWindow = new double[envelopes][design.window];
        heldWindow = new double[envelopes][design.attack];
        held = new double[envelopes];
        lastGain = new double[envelopes];
        peak = new double[channels];
        previous = new double[channels];
        guard = new double[channels];
        points = new double[design.factor + 2];
        reset();
    }

    /** Latency in samples, as {@link TruePeakLimiter#latencySamples()}. */
    public int latencySamples() {
        return design.lookahead;
    }

    /** As {@link TruePeakLimiter#currentGain(int)}. */
    public double currentGain(int channel) {
        return lastGain[design.linked ? 0 : channel];
    }

    @Override
    public void process(double[][] audio, int frames) {
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                double[] h = history[c];
                System.arraycopy(h, 1, h, 0, h.length - 1);
                h[h.length - 1] = audio[c][i];
                peak[c] = detect(c, h);
            }
            for (int g = 0; g < held.length; g++) {
                double p = peak[g];
                if (design.linked) {
                    for (int c = 1; c < channels; c++) {
                        p = Math.max(p, peak[c]);
                    }
                }
                lastGain[g] = envelope(g, p);
            }
            for (int c = 0; c < channels; c++) {
                double[] h = history[c];
                audio[c][i] = h[h.length - 1 - design.lookahead] * lastGain[design.linked ? 0 : c];
            }
        }
    }

    /** Upper estimate of the true peak of the interval ending at the sample after h's centre. */
    private double detect(int c, double[] h) {
        int first = h.length - taps;
        int factor = design.factor;
        double[] v = points;
        v[0] = previous[c];
        v[1] = Math.abs(h[first + taps / 2 - 1]);
        v[factor + 1] = Math.abs(h[first + taps / 2]);
        for (int p = 0; p < factor - 1; p++) {
            double acc = 0;
            for (int k = 0; k < taps; k++) {
                acc += h[first + k] * design.interpolator[p][k];
            }
            v[p + 2] = Math.abs(acc);
        }
        previous[c] = v[factor];
        double best = v[factor + 1];
        for (int k = 1; k <= factor; k++) {
            boolean crest = v[k] >= v[k - 1] && v[k] >= v[k + 1];
            best = Math.max(best, crest ? v[k] + Math.abs(v[k + 1] - v[k - 1]) / 8 : v[k]);
        }
        double hp = 0;
        int from = first + taps / 2 - design.guard.length / 2;
        for (int k = 0; k < design.guard.length; k++) {
            hp += h[from + k] * design.guard[k];
        }
        guard[c] = Math.max(Math.abs(hp), guard[c] * GUARD_DECAY);
        return best + guard[c];
    }

    /** Running maximum, required gain, release, moving average: one sample. */
    private double envelope(int g, double peak) {
        double[] w = peakWindow[g];
        System.arraycopy(w, 1, w, 0, w.length - 1);
        w[w.length - 1] = peak;
        double max = 0;
        for (double v : w) {
            max = Math.max(max, v);
        }
        double required = max <= design.threshold ? 1.0 : design.threshold / max;
        double e = held[g];
        e = required <= e ? required : e + (required - e) * design.releaseStep;
        held[g] = e;
        double[] a = heldWindow[g];
        System.arraycopy(a, 1, a, 0, a.length - 1);
        a[a.length - 1] = e;
        double sum = 0;
        for (double v : a) {
            sum += v;
        }
        return sum / a.length;
    }

    @Override
    public void reset() {
        for (double[] h : history) {
            Arrays.fill(h, 0.0);
        }
        for (double[] w : peakWindow) {
            Arrays.fill(w, 0.0);
        }
        for (double[] a : heldWindow) {
            Arrays.fill(a, 1.0);
        }
        Arrays.fill(held, 1.0);
        Arrays.fill(previous, 0.0);
        Arrays.fill(guard, 0.0);
        Arrays.fill(lastGain, 1.0);
    }
}
