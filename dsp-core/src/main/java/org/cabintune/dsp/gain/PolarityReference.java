package org.cabintune.dsp.gain;

import org.cabintune.dsp.ReferenceBlock;

/** Double twin of {@link Polarity}: plain negation of the inverted channels. */
public final class PolarityReference implements ReferenceBlock {

    private final boolean[] inverted;

    /** Builds the twin from {@code params}. */
    public PolarityReference(PolarityParams params) {
        inverted = new boolean[params.channels()];
        for (int c = 0; c < inverted.length; c++) {
            inverted[c] = params.inverted().get(c);
        }
    }

    @Override
    public void process(double[][] channels, int frames) {
        for (int c = 0; c < inverted.length; c++) {
            if (inverted[c]) {
                double[] x = channels[c];
                for (int i = 0; i < frames; i++) {
                    x[i] = -x[i];
                }
            }
        }
    }

    @Override
    public void reset() {
        // Stateless.
    }
}
