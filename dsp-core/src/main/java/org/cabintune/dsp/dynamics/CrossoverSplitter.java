package org.cabintune.dsp.dynamics;

import java.util.Collections;
import java.util.List;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.filter.QuantizedBiquad;

/**
 * Runs a {@link CrossoverTree} in fixed point: the existing {@link BiquadCascade} kernel
 * (Q5.59 coefficients, full-precision state) does all the filtering. Band buffers are
 * {@code [band][channel][frame]}; the top band's buffer doubles as the running "rest".
 *
 * <p>Each split: the band gets {@code LP r}; the rest becomes {@code AP r - LP r} (the LR4
 * high-pass), saturated to the filters' +-16.0 so the detector's sums keep their bounds; then
 * the band runs through its compensating all-passes.
 */
final class CrossoverSplitter {

    private static final int LIMIT = BiquadCascade.HEADROOM << 24;

    private final BiquadCascade[] lowpasses;
    private final BiquadCascade[] allpasses;
    private final BiquadCascade[] compensation;

    CrossoverSplitter(CrossoverTree tree, int channels) {
        int crossovers = tree.lowpasses().size();
        lowpasses = new BiquadCascade[crossovers];
        allpasses = new BiquadCascade[crossovers];
        compensation = new BiquadCascade[crossovers];
        for (int k = 0; k < crossovers; k++) {
            lowpasses[k] = new BiquadCascade(perChannel(tree.lowpasses().get(k), channels));
            allpasses[k] = new BiquadCascade(perChannel(List.of(tree.allpasses().get(k)), channels));
            compensation[k] = new BiquadCascade(perChannel(tree.compensation().get(k), channels));
        }
    }

    /**
     * Splits {@code input[c][offset .. offset+frames)} into {@code bands[b][c][0 .. frames)}.
     * The input is left untouched.
     */
    void split(int[][] input, int offset, int frames, int[][][] bands) {
        int[][] rest = bands[lowpasses.length];
        for (int c = 0; c < rest.length; c++) {
            System.arraycopy(input[c], offset, rest[c], 0, frames);
        }
        for (int k = 0; k < lowpasses.length; k++) {
            int[][] band = bands[k];
            for (int c = 0; c < rest.length; c++) {
                System.arraycopy(rest[c], 0, band[c], 0, frames);
            }
            lowpasses[k].process(band, frames);
            allpasses[k].process(rest, frames);
            for (int c = 0; c < rest.length; c++) {
                int[] r = rest[c];
                int[] low = band[c];
                for (int n = 0; n < frames; n++) {
                    r[n] = Math.clamp((long) r[n] - low[n], -LIMIT, LIMIT);
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

    static List<List<QuantizedBiquad>> perChannel(List<QuantizedBiquad> sections, int channels) {
        return Collections.nCopies(channels, sections);
    }
}
