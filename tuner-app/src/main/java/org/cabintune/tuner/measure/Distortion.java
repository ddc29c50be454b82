package org.cabintune.tuner.measure;

/**
 * Harmonic distortion against the fundamental's frequency, from the harmonic impulse
 * responses an exponential sweep separates (Farina 2000): the k-th harmonic's response lands
 * L ln k before the linear one, so each is windowed out on its own and transformed.
 *
 * <p>With the deconvolution dividing by the stimulus's spectrum, the k-th harmonic's response
 * at output frequency k f divided by the linear response at f is the ratio of the k-th
 * harmonic's amplitude to the fundamental's for a sine at f at the sweep's level. Harmonic k is
 * reported only where k f lies inside the sweep's band (past it the stimulus had no energy to
 * divide by); THD is the root sum of squares of the harmonics reported at that frequency.
 *
 * <p>Noise in a harmonic's window adds to its power; when the measurement's noise floor is
 * known, its expected power in each window (the noise spectrum scaled by the window's energy)
 * is subtracted, never taking more than 99.9 % of the power, so distortion near the noise
 * floor is not overstated.
 *
 * @param hz           fundamental frequencies
 * @param harmonicDb   {@code harmonicDb[k - 2][i]}: level of harmonic k relative to the fundamental, dB (NaN where not measurable)
 * @param thdDb        total harmonic distortion relative to the fundamental, dB (NaN where none is measurable)
 */
public record Distortion(double[] hz, double[][] harmonicDb, double[] thdDb) {

    /** Highest harmonic measured. */
    public int maxHarmonic() {
        return harmonicDb.length + 1;
    }

    /** THD in percent at point i (NaN where unknown). */
    public double thdPercent(int i) {
        return 100 * Math.pow(10, thdDb[i] / 20);
    }

    /**
     * Distortion from the harmonic responses' transfers (index 0 is the fundamental,
     * index k - 1 harmonic k), smoothed alike, for harmonics whose frequency stays at or below
     * {@code highestHz}.
     */
    public static Distortion of(Transfer[] transfers, double[] hz, Smoothing smoothing, double highestHz) {
        return of(transfers, null, null, hz, smoothing, highestHz);
    }

    /**
     * The same with the noise removed: {@code noise} is the noise seen through a window of the
     * fundamental's energy, {@code noiseScale[k - 1]} the ratio of harmonic k's window energy to it.
     */
    static Distortion of(Transfer[] transfers, Transfer noise, double[] noiseScale, double[] hz, Smoothing smoothing,
                         double highestHz) {
        double[] noisePower = noise == null ? null : noise.power();
        double[] fundamental = smoothing.mean(transfers[0].power(), transfers[0].binHz(), hz);
        if (noisePower != null) {
            subtract(fundamental, smoothing.mean(noisePower, noise.binHz(), hz), noiseScale[0]);
        }
        int harmonics = transfers.length - 1;
        double[][] ratio = new double[harmonics][hz.length];
        double[] thd = new double[hz.length];
        for (int h = 0; h < harmonics; h++) {
            int k = h + 2;
            double[] at = new double[hz.length];
            for (int i = 0; i < hz.length; i++) {
                at[i] = Math.min(k * hz[i], highestHz);
            }
            double[] p = smoothing.mean(transfers[h + 1].power(), transfers[h + 1].binHz(), at);
            if (noisePower != null) {
                subtract(p, smoothing.mean(noisePower, noise.binHz(), at), noiseScale[h + 1]);
            }
            for (int i = 0; i < hz.length; i++) {
                if (k * hz[i] <= highestHz) {
                    double r = p[i] / fundamental[i];
                    ratio[h][i] = 10 * Math.log10(r);
                    thd[i] += r;
                } else {
                    ratio[h][i] = Double.NaN;
                }
            }
        }
        double[] thdDb = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            thdDb[i] = thd[i] > 0 ? 10 * Math.log10(thd[i]) : Double.NaN;
        }
        return new Distortion(hz.clone(), ratio, thdDb);
    }

    private static void subtract(double[] power, double[] noise, double scale) {
        for (int i = 0; i < power.length; i++) {
            power[i] = Math.max(power[i] - scale * noise[i], 1e-3 * power[i]);
        }
    }
}
