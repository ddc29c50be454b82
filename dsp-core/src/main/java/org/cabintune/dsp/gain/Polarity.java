package org.cabintune.dsp.gain;

import org.cabintune.dsp.Block;
import org.cabintune.dsp.Q824;

/**
 * Per-channel polarity inversion. Negation saturates: -(-128.0) is +128.0, which Q8.24
 * cannot hold, so it becomes the largest sample (just under +128.0) instead of wrapping
 * back to -128.0. Every other sample negates exactly. Stateless; silence stays silence.
 */
public final class Polarity implements Block {

    private final boolean[] inverted;

    /** Builds the block from {@code params}. */
    public Polarity(PolarityParams params) {
        inverted = new boolean[params.channels()];
        for (int c = 0; c < inverted.length; c++) {
            inverted[c] = params.inverted().get(c);
        }
    }

    /** Number of channels. */
    public int channels() {
        return inverted.length;
    }

    @Override
    public void process(int[][] channels, int frames) {
        for (int c = 0; c < inverted.length; c++) {
            if (!inverted[c]) {
                continue;
            }
            int[] x = channels[c];
            for (int i = 0; i < frames; i++) {
                x[i] = Q824.saturate(-(long) x[i]);
            }
        }
    }

    @Override
    public void reset() {
        // Stateless.
    }
}
