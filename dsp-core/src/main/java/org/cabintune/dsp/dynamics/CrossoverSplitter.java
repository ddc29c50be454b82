package org.cabintune.dsp.dynamics;

import java.util.Collections;
import java.util.List;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.filter.QuantizedBiquad;

/**
 * Runs a {@link CrossoverTree} in fixed point: the existing {@link BiquadCascade} kernel
 * (Q5.59 coefficients, full-precision state) does all the filtering. Band buffers are
 * {@code [band][channel][frame]}; the top band's buffer doubles as the running "rest".
 */
final class CrossoverSplitter {

    private final BiquadCascade[] bandFilters;
    private final BiquadCascade[] highpasses;

    CrossoverSplitter(CrossoverTree tree, int channels) {
        int crossovers = tree.highpasses().size();
        bandFilters = new BiquadCascade[crossovers];
        highpasses = new BiquadCascade[crossovers];
        for (int k = 0; k < crossovers; k++) {
            bandFilters[k] = new BiquadCascade(perChannel(tree.bandSections().get(k), channels));
            highpasses[k] = new BiquadCascade(perChannel(tree.highpasses().get(k), channels));
        }
    }

    /**
     * Splits {@code input[c][offset .. offset+frames)} into {@code bands[b][c][0 .. frames)}.
     * The input is left untouched.
     */
    void split(int[][] input, int offset, int frames, int[][][] bands) {
        int[][] rest = bands[bandFilters.length];
        for (int c = 0; c < rest.length; c++) {
            System.arraycopy(input[c], offset, rest[c], 0, frames);
        }
        for (int k = 0; k < bandFilters.length; k++) {
            int[][] band = bands[k];
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

    static List<List<QuantizedBiquad>> perChannel(List<QuantizedBiquad> sections, int channels) {
        return Collections.nCopies(channels, sections);
    }
}
