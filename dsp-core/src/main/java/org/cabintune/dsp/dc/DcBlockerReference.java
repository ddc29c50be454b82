package org.cabintune.dsp.dc;

import java.util.Arrays;
import org.cabintune.dsp.ReferenceBlock;

/** Double twin of {@link DcBlocker}: the same K and recursion, in double. */
public final class DcBlockerReference implements ReferenceBlock {

    private final double k;
    private final double[] previousIn;
    private final double[] state;

    /** Builds the twin from {@code params}. */
    public DcBlockerReference(DcBlockerParams params) {
        k = params.feedbackDecrement();
        previousIn = new double[params.channels()];
        state = new double[params.channels()];
    }

    @Override
    public void process(double[][] channels, int frames) {
        for (int c = 0; c < state.length; c++) {
            double[] x = channels[c];
            double y = state[c];
            double x1 = previousIn[c];
            for (int i = 0; i < frames; i++) {
                double x0 = x[i];
                y += (x0 - x1) - k * y;
                x1 = x0;
                x[i] = y;
            }
            state[c] = y;
            previousIn[c] = x1;
        }
    }

    @Override
    public void reset() {
        Arrays.fill(previousIn, 0);
        Arrays.fill(state, 0);
    }
}
