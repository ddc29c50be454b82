package org.cabintune.tuner.calibrate;

/** How far a response lies from its target over a band, grid points flagged as nulls left out. */
public record Residual(double rmsDb, double maxDb, int points) {

    /** The band every residual is judged in, Hz. */
    public static final double LOW_HZ = 40;
    public static final double HIGH_HZ = 16_000;

    /**
     * The residual of {@code db} against {@code target} on {@code hz} within [lowHz, highHz]
     * (and {@link #LOW_HZ}..{@link #HIGH_HZ}); {@code nulls} may be null. With
     * {@code shapeOnly} the mean difference is taken out first (for sums, whose level is
     * not a target).
     */
    public static Residual of(double[] hz, double[] db, double[] target, boolean[] nulls, double lowHz, double highHz,
                              boolean shapeOnly) {
        double lo = Math.max(lowHz, LOW_HZ);
        double hi = Math.min(highHz, HIGH_HZ);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < hz.length; i++) {
            if (in(hz[i], lo, hi, nulls, i)) {
                sum += db[i] - target[i];
                n++;
            }
        }
        if (n == 0) {
            return new Residual(Double.NaN, Double.NaN, 0);
        }
        double offset = shapeOnly ? sum / n : 0;
        double squares = 0;
        double max = 0;
        for (int i = 0; i < hz.length; i++) {
            if (in(hz[i], lo, hi, nulls, i)) {
                double d = db[i] - target[i] - offset;
                squares += d * d;
                max = Math.max(max, Math.abs(d));
            }
        }
        return new Residual(Math.sqrt(squares / n), max, n);
    }

    private static boolean in(double f, double lo, double hi, boolean[] nulls, int i) {
        return f >= lo && f <= hi && (nulls == null || !nulls[i]);
    }
}
