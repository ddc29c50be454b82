package org.cabintune.tuner.rta;

import org.cabintune.tuner.cabin.VirtualCabin;

/** What an analyser should read of pink noise through a virtual car's speaker: its true response per band. */
public final class CabinTruth {

    /** Grid of the true response, Hz: fine enough for the narrowest band tested. */
    static final double GRID_HZ = 0.25;

    private CabinTruth() {
    }

    /**
     * 10 log10 of the mean of |H|^2 over each band in log-frequency (pink noise's 1/f weight), for
     * {@code speaker} heard at the driver's head centre; NaN for bands above {@code maxHz}.
     */
    public static double[] bandsDb(VirtualCabin cabin, String speaker, Bands bands, double maxHz) {
        int bins = (int) Math.ceil(maxHz * Math.pow(Bands.G, 0.5) / GRID_HZ) + 2;
        double[] power = cabin.transfer(speaker, "driver", "center", GRID_HZ, bins).power();
        double[] out = new double[bands.size()];
        for (int b = 0; b < out.length; b++) {
            if (bands.centres()[b] > maxHz) {
                out[b] = Double.NaN;
                continue;
            }
            double sum = 0;
            double weight = 0;
            for (int k = (int) Math.ceil(bands.lower()[b] / GRID_HZ); k * GRID_HZ < bands.upper()[b]; k++) {
                double w = 1.0 / (k * GRID_HZ);
                sum += w * power[k];
                weight += w;
            }
            out[b] = 10 * Math.log10(sum / weight);
        }
        return out;
    }
}
