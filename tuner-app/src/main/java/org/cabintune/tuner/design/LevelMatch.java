package org.cabintune.tuner.design;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Levels that put each speaker's in-band level on the target. An output's in-band level is the
 * mean, over the grid points of its passband, of its smoothed RMS-average level through its
 * realised crossover minus the target; the passband is its usable band within its crossovers
 * pulled in by {@value #INSIDE_OCTAVES} octave at each crossover, where the neighbour no longer
 * contributes. Its gain is minus that level, less the rear offset for rear fill; then every gain
 * moves by one amount so the loudest is 0 dB: the plan only cuts, keeping headroom for EQ.
 * Left and right of a pair are each set on the target at the seat, so they are matched there.
 */
final class LevelMatch {

    /** How far inside each crossover the level is read. */
    static final double INSIDE_OCTAVES = 0.5;
    /** The profile's level range. */
    static final double MIN_GAIN_DB = -60;

    /**
     * One output's level.
     *
     * @param levelDb  in-band level against the target
     * @param lowHz    the passband it was read over
     * @param highHz   its upper end
     */
    record Level(double levelDb, double lowHz, double highHz) {
    }

    private LevelMatch() {
    }

    /** The in-band level of a heard output through {@code chain}'s filters against the target. */
    static Level level(Analysed a, double highpassHz, double lowpassHz, Realized chain, double[] hz,
                       double[] targetDb) {
        double[] band = systemBand(a.band(), highpassHz, lowpassHz);
        double low = Double.isNaN(highpassHz) ? band[0] : Math.max(band[0], highpassHz * Math.pow(2, INSIDE_OCTAVES));
        double high = Double.isNaN(lowpassHz) ? band[1] : Math.min(band[1], lowpassHz / Math.pow(2, INSIDE_OCTAVES));
        if (!(low < high)) {
            low = band[0];
            high = band[1];
        }
        double sum = 0;
        int count = 0;
        for (int i = 0; i < hz.length; i++) {
            if (hz[i] >= low && hz[i] <= high) {
                sum += a.levelDb()[i] + chain.filterDb(hz[i]) - targetDb[i];
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(a.name() + ": no grid point between " + low + " and " + high + " Hz");
        }
        return new Level(sum / count, low, high);
    }

    /**
     * The usable band within the crossovers (NaN: none on that side), {low, high}; the usable
     * band itself when the crossovers leave nothing of it.
     */
    static double[] systemBand(UsableBand usable, double highpassHz, double lowpassHz) {
        double low = Double.isNaN(highpassHz) ? usable.lowHz() : Math.max(usable.lowHz(), highpassHz);
        double high = Double.isNaN(lowpassHz) ? usable.highHz() : Math.min(usable.highHz(), lowpassHz);
        return low < high ? new double[] {low, high} : usable.edges();
    }

    /** Gains by index: on the target, rear fill offset, the loudest at 0 dB; notes where a gain is held. */
    static Map<Integer, Double> gains(Map<Integer, Level> levels, Map<Integer, Boolean> rear, double rearLevelDb,
                                      List<String> notes) {
        Map<Integer, Double> gains = new TreeMap<>();
        double top = Double.NEGATIVE_INFINITY;
        for (var e : levels.entrySet()) {
            double g = -e.getValue().levelDb() + (rear.get(e.getKey()) ? rearLevelDb : 0);
            gains.put(e.getKey(), g);
            top = Math.max(top, g);
        }
        for (var e : gains.entrySet()) {
            double g = e.getValue() - top;
            if (g < MIN_GAIN_DB) {
                notes.add(String.format(Locale.ROOT, "output %d would need %.1f dB; held at %.0f dB", e.getKey(), g,
                        MIN_GAIN_DB));
                g = MIN_GAIN_DB;
            }
            e.setValue(g);
        }
        return gains;
    }
}
