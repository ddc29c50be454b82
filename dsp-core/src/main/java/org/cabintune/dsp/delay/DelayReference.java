package org.cabintune.dsp.delay;

import java.util.Arrays;
import org.cabintune.dsp.ReferenceBlock;

/**
 * Double twin of {@link Delay}: the same split into a ring-buffer delay and a first-order
 * Thiran all-pass ({@link FractionalDelay}), with an unquantised coefficient and state.
 */
public final class DelayReference implements ReferenceBlock {

    private final int[] whole;
    private final boolean[] allpass;
    private final double[] coefficient;
    private final double[][] ring;
    private final int[] write;
    private final double[] previousIn;
    private final double[] previousOut;

    /** Builds the twin from {@code params}. */
    public DelayReference(DelayParams params) {
        int channels = params.channels();
        whole = new int[channels];
        allpass = new boolean[channels];
        coefficient = new double[channels];
        ring = new double[channels][];
        for (int c = 0; c < channels; c++) {
            FractionalDelay design = FractionalDelay.of(params.delaySamples(c));
            whole[c] = design.whole();
            allpass[c] = design.hasAllpass();
            coefficient[c] = design.coefficient();
            ring[c] = new double[whole[c] + 1];
        }
        write = new int[channels];
        previousIn = new double[channels];
        previousOut = new double[channels];
    }

    @Override
    public void process(double[][] channels, int frames) {
        for (int c = 0; c < whole.length; c++) {
            double[] x = channels[c];
            double[] r = ring[c];
            double a = coefficient[c];
            for (int i = 0; i < frames; i++) {
                r[write[c]] = x[i];
                write[c] = (write[c] + 1) % r.length;
                // The oldest slot, about to be overwritten next, holds x[n - whole].
                double xd = r[write[c]];
                if (allpass[c]) {
                    double y = a * (xd - previousOut[c]) + previousIn[c];
                    previousIn[c] = xd;
                    previousOut[c] = y;
                    xd = y;
                }
                x[i] = xd;
            }
        }
    }

    @Override
    public void reset() {
        for (double[] r : ring) {
            Arrays.fill(r, 0);
        }
        Arrays.fill(write, 0);
        Arrays.fill(previousIn, 0);
        Arrays.fill(previousOut, 0);
    }
}
