package org.cabintune.tuner.measure;

/**
 * A response on a list of frequencies: level, phase and group delay.
 *
 * @param hz                 frequencies, rising
 * @param db                 level in dB (dBFS at the microphone, or dB SPL when calibrated)
 * @param phaseDegrees       phase in degrees, -180 .. 180, NaN where unknown
 * @param groupDelaySeconds  group delay in seconds after time zero, NaN where unknown
 */
public record FrequencyResponse(double[] hz, double[] db, double[] phaseDegrees, double[] groupDelaySeconds) {

    /** Checks that the arrays line up and the frequencies rise. */
    public FrequencyResponse {
        int n = hz.length;
        if (db.length != n || phaseDegrees.length != n || groupDelaySeconds.length != n) {
            throw new IllegalArgumentException("frequency response arrays differ in length: hz " + n + ", db "
                    + db.length + ", phase " + phaseDegrees.length + ", group delay " + groupDelaySeconds.length);
        }
        for (int i = 1; i < n; i++) {
            if (!(hz[i] > hz[i - 1])) {
                throw new IllegalArgumentException("frequencies must rise: hz[" + i + "] = " + hz[i]
                        + " after " + hz[i - 1]);
            }
        }
    }

    /** Number of points. */
    public int size() {
        return hz.length;
    }

    /** This response with {@code offsetDb} added to every level. */
    public FrequencyResponse plus(double offsetDb) {
        double[] d = db.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] += offsetDb;
        }
        return new FrequencyResponse(hz, d, phaseDegrees, groupDelaySeconds);
    }

    /** Linear interpolation of y over log x, held beyond the ends. */
    public static double interpolateLog(double[] x, double[] y, double at) {
        if (at <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (at >= x[last]) {
            return y[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= at) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double u = Math.log(at / x[lo]) / Math.log(x[hi] / x[lo]);
        return y[lo] + u * (y[hi] - y[lo]);
    }
}
