package org.cabintune.dsp.route;

/** Double twin of {@link Mixer}: the same matrix, unquantised, summed in double. */
public final class MixerReference implements ReferenceRouter {

    private final double[][] gains;
    private final double[] frame;

    /** Builds the twin from {@code params}. */
    public MixerReference(MixerParams params) {
        gains = new double[params.outputs()][params.inputs()];
        for (int m = 0; m < gains.length; m++) {
            for (int n = 0; n < gains[m].length; n++) {
                gains[m][n] = params.gain(m, n);
            }
        }
        frame = new double[params.outputs()];
    }

    @Override
    public void process(double[][] in, double[][] out, int frames) {
        for (int i = 0; i < frames; i++) {
            for (int m = 0; m < gains.length; m++) {
                double sum = 0;
                for (int n = 0; n < gains[m].length; n++) {
                    sum += gains[m][n] * in[n][i];
                }
                frame[m] = sum;
            }
            for (int m = 0; m < gains.length; m++) {
                out[m][i] = frame[m];
            }
        }
    }

    @Override
    public void reset() {
        // Stateless.
    }
}
