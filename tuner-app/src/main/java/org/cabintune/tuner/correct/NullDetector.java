package org.cabintune.tuner.correct;

import java.util.Arrays;
import org.cabintune.tuner.measure.Smoothing;

/**
 * Finds the frequencies an EQ must not try to fill: nulls, where boosting buys little at the
 * listener and costs headroom. Two kinds of evidence seed a null:
 *
 * <ul>
 *   <li><b>Position to position.</b> A dip that one microphone position has and the others do
 *       not is interference that moves with the head: each position's level is taken against
 *       its own third-octave trend, and a point is seeded where the deepest position lies at
 *       least {@value #POSITION_DIP_DB} dB below its trend and {@value #POSITION_SPREAD_DB} dB
 *       below the median position.
 *   <li><b>Phase.</b> A deep dip in the vector average of the positions (at least
 *       {@value #PHASE_DIP_DB} dB below its trend) where the group delay jumps away from its
 *       local median by at least {@value #GROUP_DELAY_PERIODS} of a period: the signature of
 *       a cancellation (a zero on or outside the unit circle), which a minimum-phase boost
 *       cannot undo. This also works for a single position.
 * </ul>
 *
 * Either counts only where the RMS average itself dips at least {@value #AVERAGE_DIP_DB} dB below
 * its trend: a position's dip that the average rides over is one the fit would not boost anyway.
 * Each seed grows over the dip it sits in (while the RMS average stays below its trend) and then
 * by half the fit's smoothing band on each side, since the smoothed average the fit sees carries
 * the dip that far.
 */
final class NullDetector {

    static final double AVERAGE_DIP_DB = 2;
    static final double POSITION_DIP_DB = 6;
    static final double POSITION_SPREAD_DB = 6;
    static final double PHASE_DIP_DB = 10;
    static final double GROUP_DELAY_PERIODS = 0.5;
    private static final Smoothing TREND = new Smoothing(Smoothing.Kind.OCTAVE_FRACTION, 3);

    private NullDetector() {
    }

    /**
     * The null mask on {@code hz}, true only within [lowHz, highHz].
     *
     * @param positionsDb  level per position
     * @param phaseDeg     phase per position in degrees, or null
     * @param averageDb    the positions' RMS average, unsmoothed
     * @param smoothing    the smoothing the fit applies
     */
    static boolean[] detect(double[] hz, double[][] positionsDb, double[][] phaseDeg, double[] averageDb,
                            double lowHz, double highHz, Smoothing smoothing) {
        int n = hz.length;
        boolean[] seed = new boolean[n];
        if (positionsDb.length >= 2) {
            positionSeeds(hz, positionsDb, seed);
        }
        if (phaseDeg != null) {
            phaseSeeds(hz, positionsDb, phaseDeg, seed);
        }
        double[] avgDip = dip(hz, averageDb);
        for (int k = 0; k < n; k++) {
            seed[k] &= avgDip[k] <= -AVERAGE_DIP_DB;
        }
        boolean[] mask = new boolean[n];
        int i = 0;
        while (i < n) {
            if (!seed[i]) {
                i++;
                continue;
            }
            int lo = i;
            while (lo > 0 && avgDip[lo - 1] < 0) {
                lo--;
            }
            int hi = i;
            while (hi < n - 1 && (seed[hi + 1] || avgDip[hi + 1] < 0)) {
                hi++;
            }
            double from = smoothing.band(hz[lo])[0];
            double to = smoothing.band(hz[hi])[1];
            for (int k = lo; k >= 0 && hz[k] >= from; k--) {
                mask[k] = true;
            }
            for (int k = lo; k < n && hz[k] <= to; k++) {
                mask[k] = true;
            }
            i = hi + 1;
        }
        for (int k = 0; k < n; k++) {
            mask[k] &= hz[k] >= lowHz && hz[k] <= highHz;
        }
        return mask;
    }

    private static void positionSeeds(double[] hz, double[][] positionsDb, boolean[] seed) {
        int count = positionsDb.length;
        double[][] dips = new double[count][];
        for (int p = 0; p < count; p++) {
            dips[p] = dip(hz, positionsDb[p]);
        }
        double[] column = new double[count];
        for (int i = 0; i < hz.length; i++) {
            for (int p = 0; p < count; p++) {
                column[p] = dips[p][i];
            }
            Arrays.sort(column);
            double deepest = column[0];
            double median = count % 2 == 1 ? column[count / 2] : 0.5 * (column[count / 2 - 1] + column[count / 2]);
            if (count == 2) {
                median = column[1];
            }
            if (deepest <= -POSITION_DIP_DB && median - deepest >= POSITION_SPREAD_DB) {
                seed[i] = true;
            }
        }
    }

    private static void phaseSeeds(double[] hz, double[][] positionsDb, double[][] phaseDeg, boolean[] seed) {
        int n = hz.length;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int p = 0; p < positionsDb.length; p++) {
            for (int i = 0; i < n; i++) {
                double a = Math.pow(10, positionsDb[p][i] / 20);
                double phi = Math.toRadians(phaseDeg[p][i]);
                re[i] += a * Math.cos(phi);
                im[i] += a * Math.sin(phi);
            }
        }
        double[] db = new double[n];
        double[] phase = new double[n];
        for (int i = 0; i < n; i++) {
            db[i] = 10 * Math.log10(Math.max(re[i] * re[i] + im[i] * im[i], 1e-30) / positionsDb.length / positionsDb.length);
            phase[i] = Math.atan2(im[i], re[i]);
            if (i > 0) {
                double step = phase[i] - phase[i - 1];
                phase[i] -= 2 * Math.PI * Math.rint(step / (2 * Math.PI));
            }
        }
        double[] vectorDip = dip(hz, db);
        double[] delay = new double[n];
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - 1);
            int hi = Math.min(n - 1, i + 1);
            delay[i] = -(phase[hi] - phase[lo]) / (2 * Math.PI * (hz[hi] - hz[lo]));
        }
        for (int i = 0; i < n; i++) {
            if (vectorDip[i] > -PHASE_DIP_DB) {
                continue;
            }
            double[] band = TREND.band(hz[i]);
            int from = i;
            while (from > 0 && hz[from - 1] >= band[0]) {
                from--;
            }
            int to = i;
            while (to < n - 1 && hz[to + 1] <= band[1]) {
                to++;
            }
            double[] local = Arrays.copyOfRange(delay, from, to + 1);
            Arrays.sort(local);
            double median = local[local.length / 2];
            if (Math.abs(delay[i] - median) * hz[i] >= GROUP_DELAY_PERIODS) {
                seed[i] = true;
            }
        }
    }

    /** Level against its own third-octave trend, dB (negative in a dip). */
    private static double[] dip(double[] hz, double[] db) {
        double[] trend = GridSmoothing.smooth(hz, db, TREND);
        double[] out = new double[db.length];
        for (int i = 0; i < db.length; i++) {
            out[i] = db[i] - trend[i];
        }
        return out;
    }
}
