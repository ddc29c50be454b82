package org.cabintune.dsp.dynamics;

import java.util.Arrays;
import org.cabintune.dsp.ReferenceBlock;

/**
 * Double twin of {@link MultibandCompressor}: the same crossover tree with the same realised
 * coefficients, the same {@link CompressorDesign} numbers, and exact logarithms and powers
 * where the fixed-point path uses tables. Levels: peak {@code max |x|}, or RMS
 * {@code sqrt(mean x^2)} over the same rectangular window (a running sum, clamped at zero
 * against the rounding left after loud passages). Samples are not saturated anywhere.
 */
public final class MultibandCompressorReference implements ReferenceBlock {

    private static final int CHUNK = MultibandCompressor.CHUNK;
    private static final double LN2 = Math.log(2.0);

    private final MultibandParams params;
    private final int channels;
    private final boolean linked;
    private final boolean rms;
    private final int window;
    private final CrossoverSplitterReference splitter;
    private final CompressorDesign[] designs;
    /** Smoothed reduction [band][group], bits. */
    private final double[][] reduction;
    /** RMS rings [band][channel][N], running sums [band][channel], ring positions. */
    private final double[][][] squares;
    private final double[][] sums;
    private int position;
    private final double[][][] bands;
    private final double[][][] gains;

    /** Builds the twin of {@code new MultibandCompressor(params)}. */
    public MultibandCompressorReference(MultibandParams params) {
        this.params = params;
        channels = params.channels();
        linked = params.stereoLink();
        rms = params.detection() == MultibandParams.Detection.RMS;
        window = rms ? params.rmsWindowSamples() : 0;
        int groups = linked ? 1 : channels;
        int bandCount = params.bandCount();
        splitter = new CrossoverSplitterReference(
                CrossoverTree.design(params.sampleRate(), params.crossoversHz()), channels);
        designs = new CompressorDesign[bandCount];
        for (int b = 0; b < bandCount; b++) {
            designs[b] = CompressorDesign.of(params.bands().get(b), params.sampleRate());
        }
        reduction = new double[bandCount][groups];
        squares = new double[bandCount][channels][window];
        sums = new double[bandCount][channels];
        bands = new double[bandCount][channels][CHUNK];
        gains = new double[bandCount][groups][CHUNK];
    }

    /** The parameters this twin was built from. */
    public MultibandParams params() {
        return params;
    }

    @Override
    public void process(double[][] io, int frames) {
        for (int at = 0; at < frames; at += CHUNK) {
            chunk(io, at, Math.min(CHUNK, frames - at));
        }
    }

    private void chunk(double[][] io, int at, int frames) {
        splitter.split(io, at, frames, bands);
        int start = position;
        for (int b = 0; b < bands.length; b++) {
            CompressorDesign d = designs[b];
            for (int g = 0; g < gains[b].length; g++) {
                int first = linked ? 0 : g;
                int last = linked ? channels : g + 1;
                double y = reduction[b][g];
                position = start;
                for (int n = 0; n < frames; n++) {
                    double target = d.reductionBits(level(b, first, last, n));
                    y += (target > y ? d.attackStep() : d.releaseStep()) * (target - y);
                    gains[b][g][n] = Math.pow(2.0, d.makeupBits() - y);
                    if (rms) {
                        position = position + 1 == window ? 0 : position + 1;
                    }
                }
                reduction[b][g] = y;
            }
        }
        for (int c = 0; c < channels; c++) {
            int g = linked ? 0 : c;
            for (int n = 0; n < frames; n++) {
                double sum = 0;
                for (int b = 0; b < bands.length; b++) {
                    sum += bands[b][c][n] * gains[b][g][n];
                }
                io[c][at + n] = sum;
            }
        }
    }

    /** The group's level at frame {@code n} of the chunk, bits (-inf for silence). */
    private double level(int b, int first, int last, int n) {
        double m = 0;
        for (int c = first; c < last; c++) {
            double x = bands[b][c][n];
            if (rms) {
                double[] ring = squares[b][c];
                sums[b][c] = Math.max(0.0, sums[b][c] + x * x - ring[position]);
                ring[position] = x * x;
                m = Math.max(m, sums[b][c] / ring.length);
            } else {
                m = Math.max(m, Math.abs(x));
            }
        }
        double bits = Math.log(m) / LN2;
        return rms ? bits / 2 : bits;
    }

    /** As {@link MultibandCompressor#gainReductionDb}. */
    public double gainReductionDb(int band, int channel) {
        return reduction[band][linked ? 0 : channel] * CompressorDesign.DB_PER_BIT;
    }

    @Override
    public void reset() {
        splitter.reset();
        for (int b = 0; b < bands.length; b++) {
            Arrays.fill(reduction[b], 0.0);
            Arrays.fill(sums[b], 0.0);
            for (double[] ring : squares[b]) {
                Arrays.fill(ring, 0.0);
            }
        }
        position = 0;
    }
}
