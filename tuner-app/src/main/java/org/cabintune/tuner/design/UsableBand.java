package org.cabintune.tuner.design;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a speaker plays, read from its smoothed RMS-average level on a log grid:
 *
 * <ol>
 *   <li>Points less than {@value #MIN_SNR_DB} dB above the noise floor (when it is known) are
 *       not heard.
 *   <li>The in-band level is the median of the heard points within {@value #CORE_DB} dB of the
 *       loudest one: the level where the speaker really plays, which neither a peak nor its
 *       roll-offs move much.
 *   <li>From the loudest point the band extends down and up as long as the level stays within
 *       {@value #EDGE_DB} dB of the in-band level; a dip below that (a mode, a comb notch)
 *       narrower than {@value #GAP_OCTAVES} octave does not end it.
 * </ol>
 *
 * So the edges are where the speaker is {@value #EDGE_DB} dB down from its own typical level,
 * through the cabin as heard at the seat (cabin gain included).
 *
 * @param lowHz   lower edge
 * @param highHz  upper edge
 * @param levelDb the in-band level, dB on the measurement's scale
 */
public record UsableBand(double lowHz, double highHz, double levelDb) {

    /** Points closer than this to the noise floor are not heard. */
    public static final double MIN_SNR_DB = 10;
    /** Points within this of the loudest make up the in-band level. */
    public static final double CORE_DB = 15;
    /** The band's edges are this far below the in-band level. */
    public static final double EDGE_DB = 10;
    /** A dip narrower than this does not end the band. */
    public static final double GAP_OCTAVES = 1.0 / 3;
    /** A band narrower than this is not a speaker playing but a stray peak. */
    public static final double MIN_WIDTH_OCTAVES = 0.5;

    /** Width in octaves. */
    public double octaves() {
        return Math.log(highHz / lowHz) / Math.log(2);
    }

    /** The band as {low, high}. */
    public double[] edges() {
        return new double[] {lowHz, highHz};
    }

    /**
     * The band of a level {@code db} on rising frequencies {@code hz}, with the noise floor
     * {@code floorDb} on the same points (null when unknown); empty when nothing is heard.
     */
    static Optional<UsableBand> find(double[] hz, double[] db, double[] floorDb) {
        int n = hz.length;
        boolean[] heard = new boolean[n];
        int loudest = -1;
        for (int i = 0; i < n; i++) {
            heard[i] = floorDb == null || db[i] - floorDb[i] >= MIN_SNR_DB;
            if (heard[i] && (loudest < 0 || db[i] > db[loudest])) {
                loudest = i;
            }
        }
        if (loudest < 0) {
            return Optional.empty();
        }
        double top = db[loudest];
        double[] core = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (heard[i] && db[i] >= top - CORE_DB) {
                core[count++] = db[i];
            }
        }
        double level = median(Arrays.copyOf(core, count));
        double threshold = level - EDGE_DB;
        int low = extend(hz, db, heard, threshold, loudest, -1);
        int high = extend(hz, db, heard, threshold, loudest, 1);
        UsableBand band = new UsableBand(hz[low], hz[high], level);
        return band.octaves() >= MIN_WIDTH_OCTAVES ? Optional.of(band) : Optional.empty();
    }

    /** The last point from {@code from} in direction {@code step} before a gap wider than {@link #GAP_OCTAVES}. */
    private static int extend(double[] hz, double[] db, boolean[] heard, double threshold, int from, int step) {
        int last = from;
        for (int i = from + step; i >= 0 && i < hz.length; i += step) {
            if (heard[i] && db[i] >= threshold) {
                last = i;
            } else if (Math.abs(Math.log(hz[i] / hz[last]) / Math.log(2)) > GAP_OCTAVES) {
                break;
            }
        }
        return last;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }
}
