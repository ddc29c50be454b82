package org.cabintune.dsp.resample;

/**
 * The double-precision twin of {@link Resampler}: the same design, the same stepping through
 * the input, the unrounded coefficients and double arithmetic. Samples are doubles, 1.0 = 0 dBFS.
 */
public final class ResamplerReference {

    private final ResamplerDesign design;
    private final double[][] buffer;
    private final ResamplerClock clock;
    private final int taps;

    public ResamplerReference(ResamplerDesign design, int channels, int maxOutputFrames) {
        ResamplerDesign.checkFrames(maxOutputFrames, channels);
        this.design = design;
        this.taps = design.taps();
        this.buffer = new double[channels][design.maxInputFrames(maxOutputFrames) + taps];
        this.clock = new ResamplerClock(design);
    }

    /** See {@link Resampler#inputFramesFor(int)}. */
    public int inputFramesFor(int outFrames) {
        return outFrames <= 0 ? 0 : clock.need(outFrames);
    }

    /** See {@link Resampler#process(int[][], int[][], int)}. */
    public void process(double[][] in, double[][] out, int outFrames) {
        int need = inputFramesFor(outFrames);
        int fill = clock.fill;
        int at = clock.at;
        int phase = clock.phase;
        for (int c = 0; c < buffer.length; c++) {
            System.arraycopy(in[c], 0, buffer[c], fill, need);
            clock.at = at;
            clock.phase = phase;
            double[] x = buffer[c];
            for (int n = 0; n < outFrames; n++) {
                double[] h = design.phase(clock.phase);
                int base = clock.at;
                double acc = 0;
                for (int k = 0; k < taps; k++) {
                    acc += h[k] * x[base + k];
                }
                out[c][n] = acc;
                clock.step();
            }
        }
        clock.fill = fill + need;
        int from = clock.keepFrom();
        for (double[] x : buffer) {
            System.arraycopy(x, from, x, 0, clock.fill - from);
        }
        clock.kept();
    }

    /** Back to the start of a stream. */
    public void reset() {
        for (double[] x : buffer) {
            java.util.Arrays.fill(x, 0);
        }
        clock.reset();
    }
}
