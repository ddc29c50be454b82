package org.cabintune.dsp.dynamics;

import java.util.List;
import org.cabintune.dsp.filter.BiquadCascadeReference;

/**
 * Double twin of {@link CrossoverSplitter}: the same tree, the same realised coefficients and
 * the same {@code AP - LP} high side through {@link BiquadCascadeReference}, without rounding
 * or saturation.
 */
final class CrossoverSplitterReference {

    private final BiquadCascadeReference[] lowpasses;
    private final BiquadCascadeReference[] allpasses;
    private final BiquadCascadeReference[] compensation;

    CrossoverSplitterReference(CrossoverTree tree, int channels) {
        int crossovers = tree.lowpasses().size();
        lowpasses = new BiquadCascadeReference[crossovers];
        allpasses = new BiquadCascadeReference[crossovers];
        compensation = new BiquadCascadeReference[crossovers];
        for (int k = 0; k < crossovers; k++) {
            lowpasses[k] = new BiquadCascadeReference(CrossoverSplitter.perChannel(tree.lowpasses().get(k), channels));
            allpasses[k] = new BiquadCascadeReference(
                    CrossoverSplitter.perChannel(List.of(tree.allpasses().get(k)), channels));
            compensation[k] = new BiquadCascadeReference(
                    CrossoverSplitter.perChannel(tree.compensation().get(k), channels));
        }
    }

    /** As {@link CrossoverSplitter#split}. */
    void split(double[][] input, int offset, int frames, double[][][] bands) {
        double[][] rest = bands[lowpasses.length];
        for (int c = 0; c < rest.length; c++) {
            System.arraycopy(input[c], offset, rest[c], 0, frames);
        }
        for (int k = 0; k < lowpasses.length; k++) {
            double[][] band = bands[k];
            for (int c = 0; c < rest.length; c++) {
                System.arraycopy(rest[c], 0, band[c], 0, frames);
            }
            lowpasses[k].process(band, frames);
            allpasses[k].process(rest, frames);
            for (int c = 0; c < rest.length; c++) {
                for (int n = 0; n < frames; n++) {
                    rest[c][n] -= band[c][n];
                }
            }
            compensation[k].process(band, frames);
        }
    }

    void reset() {
        for (int k = 0; k < lowpasses.length; k++) {
            lowpasses[k].reset();
            allpasses[k].reset();
            compensation[k].reset();
        }
    }
}
