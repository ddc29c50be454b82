package org.cabintune.dsp.resample;

import org.cabintune.dsp.Q824;

/**
 * Converts a stream of Q8.24 frames from one sample rate to another with a
 * {@link ResamplerDesign}: a pull-model resampler for a consumer with fixed blocks, such as the
 * head unit's engine. Before each call the caller asks {@link #inputFramesFor(int)} how many
 * input frames the next {@code outFrames} outputs need, then hands exactly those to
 * {@link #process}.
 *
 * <p>Arithmetic: coefficients in Q3.28 ({@code int}), products of Q8.24 samples summed in 64
 * bits, rounded to nearest and saturated. A phase's coefficients add up in magnitude to about 4,
 * so even full-range input (+-128) leaves the accumulator 2^2 below overflow: it never wraps.
 * Coefficient rounding (2^-29 per tap) stays near -170 dB. {@link ResamplerReference} is the
 * double-precision twin built from the same design.
 *
 * <p>Allocates nothing, locks nothing and holds no strings after construction, so it may run
 * on the audio thread.
 */
public final class Resampler {

    private final ResamplerDesign design;
    private final int[][] coefficients;
    private final int[][] buffer;
    private final ResamplerClock clock;
    private final int taps;
    private final int maxOutputFrames;

    /**
     * @param design          the filter
     * @param channels        channels per frame, 1..256
     * @param maxOutputFrames the most output frames one call produces
     */
    public Resampler(ResamplerDesign design, int channels, int maxOutputFrames) {
        ResamplerDesign.checkFrames(maxOutputFrames, channels);
        this.design = design;
        this.coefficients = design.quantized();
        this.taps = design.taps();
        this.maxOutputFrames = maxOutputFrames;
        this.buffer = new int[channels][design.maxInputFrames(maxOutputFrames) + taps];
        this.clock = new ResamplerClock(design);
    }

    /** The design this resampler runs. */
    public ResamplerDesign design() {
        return design;
    }

    /** The most output frames one call may ask for. */
    public int maxOutputFrames() {
        return maxOutputFrames;
    }

    /** Input frames the next {@link #process} of {@code outFrames} frames consumes; 0 for 0 frames. */
    public int inputFramesFor(int outFrames) {
        return outFrames <= 0 ? 0 : clock.need(outFrames);
    }

    /**
     * Consumes {@link #inputFramesFor(int) inputFramesFor(outFrames)} frames from
     * {@code in[c][0..)} and writes {@code outFrames} frames (1..maxOutputFrames) to
     * {@code out[c][0..)}. {@code in} is left untouched.
     */
    public void process(int[][] in, int[][] out, int outFrames) {
        int need = inputFramesFor(outFrames);
        int fill = clock.fill;
        int at = clock.at;
        int phase = clock.phase;
        for (int c = 0; c < buffer.length; c++) {
            System.arraycopy(in[c], 0, buffer[c], fill, need);
            clock.at = at;
            clock.phase = phase;
            int[] x = buffer[c];
            int[] y = out[c];
            for (int n = 0; n < outFrames; n++) {
                int[] h = coefficients[clock.phase];
                int base = clock.at;
                long acc = 0;
                for (int k = 0; k < taps; k++) {
                    acc += (long) h[k] * x[base + k];
                }
                y[n] = Q824.saturate((acc + (1L << (ResamplerDesign.COEFFICIENT_BITS - 1))) >> ResamplerDesign.COEFFICIENT_BITS);
                clock.step();
            }
        }
        clock.fill = fill + need;
        int from = clock.keepFrom();
        for (int[] x : buffer) {
            System.arraycopy(x, from, x, 0, clock.fill - from);
        }
        clock.kept();
    }

    /** Back to the start of a stream: silence before the next input frame. */
    public void reset() {
        for (int[] x : buffer) {
            java.util.Arrays.fill(x, 0);
        }
        clock.reset();
    }
}
