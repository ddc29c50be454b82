package org.cabintune.dsp.gain;

import java.util.Arrays;
import org.cabintune.dsp.ReferenceBlock;

/**
 * Double twin of {@link Gain}: the same dB-to-linear conversion, clamping, ramp length and
 * linear ramp (first sample moves one step, the last lands on the target), without the
 * coefficient quantisation.
 */
public final class GainReference implements ReferenceBlock {

    private final int rampSamples;
    private final double[] initial;
    private final double[] current;
    private final double[] target;
    private final double[] step;
    private final int[] remaining;

    /** Builds the twin at the initial gains of {@code params}. */
    public GainReference(GainParams params) {
        int channels = params.channels();
        rampSamples = params.rampSamples();
        initial = new double[channels];
        current = new double[channels];
        target = new double[channels];
        step = new double[channels];
        remaining = new int[channels];
        for (int c = 0; c < channels; c++) {
            initial[c] = GainParams.linear(params.gainsDb().get(c));
        }
        reset();
    }

    /** As {@link Gain#setTargetDb}. */
    public void setTargetDb(int channel, double gainDb) {
        startRamp(channel, GainParams.linear(gainDb));
    }

    /** As {@link Gain#setTargetLinear}. */
    public void setTargetLinear(int channel, double gain) {
        startRamp(channel, GainParams.clampLinear(gain));
    }

    private void startRamp(int channel, double end) {
        target[channel] = end;
        if (rampSamples == 0 || end == current[channel]) {
            current[channel] = end;
            remaining[channel] = 0;
            return;
        }
        step[channel] = (end - current[channel]) / rampSamples;
        remaining[channel] = rampSamples;
    }

    @Override
    public void process(double[][] channels, int frames) {
        process(channels, 0, frames);
    }

    /** As {@link Gain#process(int[][], int, int)}. */
    public void process(double[][] channels, int offset, int frames) {
        for (int c = 0; c < initial.length; c++) {
            double[] x = channels[c];
            for (int i = offset; i < offset + frames; i++) {
                if (remaining[c] > 0) {
                    remaining[c]--;
                    current[c] = remaining[c] == 0 ? target[c] : current[c] + step[c];
                }
                x[i] *= current[c];
            }
        }
    }

    @Override
    public void reset() {
        System.arraycopy(initial, 0, current, 0, initial.length);
        System.arraycopy(initial, 0, target, 0, initial.length);
        Arrays.fill(remaining, 0);
    }
}
