package org.cabintune.dsp.testing;

import java.util.Arrays;
import org.cabintune.dsp.Block;
import org.cabintune.dsp.ReferenceBlock;

/**
 * Runs a fixed-point block and its double twin over the same quantised input, in periods of
 * varying length (so state carried across {@code process} calls is exercised too), and
 * returns both outputs for comparison.
 */
public final class Twins {

    /** Period lengths cycled through: odd, tiny and the engine's usual 128. */
    private static final int[] PERIODS = {128, 1, 37, 128, 256, 5, 128, 64};

    private Twins() {
    }

    /**
     * The two outputs for one input.
     *
     * @param fixed     the block's Q8.24 output
     * @param reference the twin's output
     */
    public record Outputs(int[][] fixed, double[][] reference) {

        /** Error of the fixed-point output against the twin over all channels. */
        public ErrorStats errors() {
            return ErrorStats.between(fixed, reference, fixed[0].length);
        }
    }

    /** Feeds {@code input} (left untouched) through both. All channels have equal length. */
    public static Outputs run(Block block, ReferenceBlock twin, int[][] input) {
        int[][] fixed = Signals.copy(input);
        double[][] reference = new double[input.length][];
        for (int c = 0; c < input.length; c++) {
            reference[c] = Signals.toDouble(input[c]);
        }
        int frames = input[0].length;
        int[][] fixedView = new int[input.length][];
        double[][] referenceView = new double[input.length][];
        int at = 0;
        for (int i = 0; at < frames; i++) {
            int n = Math.min(PERIODS[i % PERIODS.length], frames - at);
            for (int c = 0; c < input.length; c++) {
                fixedView[c] = Arrays.copyOfRange(fixed[c], at, at + n);
                referenceView[c] = Arrays.copyOfRange(reference[c], at, at + n);
            }
            block.process(fixedView, n);
            twin.process(referenceView, n);
            for (int c = 0; c < input.length; c++) {
                System.arraycopy(fixedView[c], 0, fixed[c], at, n);
                System.arraycopy(referenceView[c], 0, reference[c], at, n);
            }
            at += n;
        }
        return new Outputs(fixed, reference);
    }

    /** The same input on every one of {@code channels} channels, quantised to Q8.24. */
    public static int[][] onChannels(double[] signal, int channels) {
        int[][] input = new int[channels][];
        for (int c = 0; c < channels; c++) {
            input[c] = Signals.quantize(signal);
        }
        return input;
    }
}
