package org.cabintune.dsp.dynamics;

import org.cabintune.dsp.filter.BiquadCascadeReference;

/**
 * Double twin of {@link CrossoverSplitter}: the same tree and the same realised coefficients
 * through {@link BiquadCascadeReference}, without rounding or saturation.
 */
final class CrossoverSplitterReference {

    private final BiquadCascadeReference[] bandFilters;
    private final BiquadCascadeReference[] highpasses;

    CrossoverSplitterReference(CrossoverTree tree, int channels) {
        int crossovers = tree.highpasses().size();
        bandFilters = new BiquadCascadeReference[crossovers];
        highpasses = new BiquadCascadeReference[crossovers];
        for (int k = 0; k < crossovers; k++) {
            bandFilters[k] = new BiquadCascadeReference(
                    CrossoverSplitter.perChannel(tree.bandSections().get(k), channels));
            highpasses[k] = new BiquadCascadeReference(
                    CrossoverSplitter.perChannel(tree.highpasses().get(k), channels));
        }
    }

    /** As {@link CrossoverSplitter#split}. */
    void split(double[][] input, int offset, int frames, double[][][] bands) {
        double[][] rest = bands[bandFilters.length];
        for (int c = 0; c < rest.length; c++) {
            System.arraycopy(input[c], offset, rest[c], 0, frames);
        }
        for (int k = 0; k < bandFilters.length; k++) {
            double[][] band = bands[k];
            for (int c = 0; c < rest.length; c++) {
                System.arraycopy(rest[c], 0, band[c], 0, frames);
            }
            bandFilters[k].process(band, frames);
            highpasses[k].process(rest, frames);
        }
    }

    void reset() {
        for (int k = 0; k < bandFilters.length; k++) {
            bandFilters[k].reset();
            highpasses[k].reset();
        }
    }
}
