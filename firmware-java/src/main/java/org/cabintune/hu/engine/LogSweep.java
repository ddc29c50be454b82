package org.cabintune.hu.engine;

import org.cabintune.dsp.Q824;

/**
 * An exponential sine sweep from f1 to f2 over T seconds (Farina's swept sine: equal time per
 * octave), with raised-cosine fades at both ends so it neither starts nor stops with a click,
 * followed by a gap of silence, repeated. The phase of every sample is computed from its time
 * in closed form, so it does not drift over long sweeps.
 */
final class LogSweep implements SignalGenerator {

    private final int sweepFrames;
    private final int cycleFrames;
    private final int fadeFrames;
    private final double amplitude;
    private final double phaseScale;
    private final double rate;
    private int position;

    LogSweep(int sampleRate, double f1, double f2, double seconds, double amplitude, double fadeSeconds,
             double gapSeconds) {
        this.sweepFrames = (int) Math.round(seconds * sampleRate);
        this.cycleFrames = sweepFrames + (int) Math.round(gapSeconds * sampleRate);
        this.fadeFrames = (int) Math.min(Math.round(fadeSeconds * sampleRate), sweepFrames / 2);
        this.amplitude = amplitude;
        double logRatio = Math.log(f2 / f1);
        // phase(t) = 2 pi f1 T / ln(f2/f1) * (exp(t/T * ln(f2/f1)) - 1)
        this.phaseScale = 2 * Math.PI * f1 * seconds / logRatio;
        this.rate = logRatio / sweepFrames;
    }

    @Override
    public void generate(int[] out, int frames) {
        for (int i = 0; i < frames; i++) {
            out[i] = position < sweepFrames ? Q824.fromDouble(sample(position)) : 0;
            if (++position == cycleFrames) {
                position = 0;
            }
        }
    }

    double sample(int n) {
        double value = amplitude * Math.sin(phaseScale * Math.expm1(n * rate));
        int edge = Math.min(n, sweepFrames - 1 - n);
        if (edge < fadeFrames) {
            value *= 0.5 - 0.5 * Math.cos(Math.PI * edge / fadeFrames);
        }
        return value;
    }

    /** Frames of one sweep, without the gap. */
    int sweepFrames() {
        return sweepFrames;
    }
}
