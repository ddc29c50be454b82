package org.cabintune.dsp.loudness;

import java.util.Arrays;

/**
 * The loudness of gating blocks, kept in bounded memory however long the measurement runs:
 * {@value #BINS} bins of {@value #BIN_LU} LU from the absolute gate ({@value #ABSOLUTE_GATE}
 * LUFS, ITU-R BS.1770-5 and EBU Tech 3342) up, each holding a count and the exact sum of its
 * blocks' mean squares, as libebur128's histogram mode does, but with the sums.
 *
 * <p><b>Precision.</b> The absolute-gated mean is exact (the sums are). Only blocks in the bin
 * that holds a relative gate are in doubt. For the integrated loudness the share of that bin
 * above the gate is counted, as if its blocks were spread evenly over its 0.1 LU (taking the
 * whole bin or none moves a wide programme's reading by up to 0.04 LU; the share keeps it
 * within 0.01 LU of exact gating, {@code GatingHistogramTest}). For the range the bin is taken
 * whole when its mean lies above the gate. Percentiles read the energy mean of the bin they
 * fall in, within 0.1 LU of the exact order statistic and exact when the bin's blocks are
 * equally loud.
 *
 * <p>The top bin ends at +60 LUFS, above anything Q8.24 can carry (a +42 dBFS tone on eight
 * channels reads about +52 LUFS); louder blocks would still count there with their exact
 * energy. Not thread-safe: owned by the audio thread.
 */
final class GatingHistogram {

    /** Absolute gate in LUFS: blocks at or below it are not counted. */
    static final double ABSOLUTE_GATE = -70.0;
    /** Bin width in LU. */
    static final double BIN_LU = 0.1;
    /** Number of bins. */
    static final int BINS = 1300;

    private final long[] counts = new long[BINS];
    private final double[] sums = new double[BINS];
    private long count;
    private double sum;

    /** Adds a block by its channel-weighted mean square (full-scale units). */
    void add(double meanSquare) {
        double lufs = Loudness.lufs(meanSquare);
        if (!(lufs > ABSOLUTE_GATE)) {
            return;
        }
        int bin = bin(lufs);
        counts[bin]++;
        sums[bin] += meanSquare;
        count++;
        sum += meanSquare;
    }

    /** Blocks above the absolute gate. */
    long count() {
        return count;
    }

    /**
     * The gated loudness of BS.1770-5: the loudness of the mean over blocks above the absolute
     * gate and above the relative gate {@code relativeLu} below their mean; -inf when none.
     */
    double gatedLufs(double relativeLu) {
        if (count == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double gate = Loudness.lufs(sum / count) - relativeLu;
        int first = 0;
        double n = 0;
        double s = 0;
        if (gate > ABSOLUTE_GATE) {
            // The gate's own bin: take the share of it above the gate, as if its blocks were
            // spread evenly over the bin's 0.1 LU.
            int b = bin(gate);
            double upper = ABSOLUTE_GATE + (b + 1) * BIN_LU;
            double share = Math.clamp((upper - gate) / BIN_LU, 0.0, 1.0);
            n = share * counts[b];
            s = share * sums[b];
            first = b + 1;
        }
        for (int b = first; b < BINS; b++) {
            n += counts[b];
            s += sums[b];
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : Loudness.lufs(s / n);
    }

    /**
     * The loudness range of EBU Tech 3342: the spread between the {@code lowPercentile} and
     * {@code highPercentile} (0..1) of the blocks above both gates, the relative one
     * {@code relativeLu} below the absolute-gated mean; NaN when no block passes. The order
     * statistic is the one Tech 3342's reference code picks: index
     * {@code round((n - 1) * percentile)} of the sorted blocks.
     */
    double rangeLu(double relativeLu, double lowPercentile, double highPercentile) {
        if (count == 0) {
            return Double.NaN;
        }
        int first = firstGatedBin(relativeLu);
        long n = 0;
        for (int b = first; b < BINS; b++) {
            n += counts[b];
        }
        if (n == 0) {
            return Double.NaN;
        }
        long low = Math.round((n - 1) * lowPercentile);
        long high = Math.round((n - 1) * highPercentile);
        double lowLufs = Double.NaN;
        long seen = 0;
        for (int b = first; b < BINS; b++) {
            if (counts[b] == 0) {
                continue;
            }
            seen += counts[b];
            if (Double.isNaN(lowLufs) && seen > low) {
                lowLufs = binLufs(b);
            }
            if (seen > high) {
                return binLufs(b) - lowLufs;
            }
        }
        return Double.NaN; // not reached: high < n, so the walk ends inside the counted bins
    }

    /** Empties every bin. */
    void reset() {
        Arrays.fill(counts, 0);
        Arrays.fill(sums, 0);
        count = 0;
        sum = 0;
    }

    /** The first bin counted for the range: the gate's own bin is in when its mean is above. */
    private int firstGatedBin(double relativeLu) {
        double gate = Loudness.lufs(sum / count) - relativeLu;
        if (!(gate > ABSOLUTE_GATE)) {
            return 0;
        }
        int b = bin(gate);
        return counts[b] > 0 && binLufs(b) > gate ? b : b + 1;
    }

    private double binLufs(int b) {
        return Loudness.lufs(sums[b] / counts[b]);
    }

    private static int bin(double lufs) {
        return Math.min(BINS - 1, (int) ((lufs - ABSOLUTE_GATE) / BIN_LU));
    }
}
