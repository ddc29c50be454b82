package org.cabintune.tuner.measure;

import org.cabintune.dsp.ParamChecks;

/** Log-spaced frequencies: {@code pointsPerOctave} per octave from {@code lowHz} up to {@code highHz}. */
public final class LogGrid {

    /** Default resolution of exported responses. */
    public static final int DEFAULT_POINTS_PER_OCTAVE = 48;

    private LogGrid() {
    }

    /** Frequencies lowHz * 2^(i / ppo) for every i that stays at or below highHz. */
    public static double[] of(double lowHz, double highHz, int pointsPerOctave) {
        ParamChecks.inRange("pointsPerOctave", pointsPerOctave, 1, 384, "");
        if (!(lowHz > 0 && highHz > lowHz)) {
            throw new IllegalArgumentException("frequency range " + lowHz + " .. " + highHz
                    + " Hz must be positive and rising");
        }
        int count = (int) Math.floor(Math.log(highHz / lowHz) / Math.log(2) * pointsPerOctave + 1e-9) + 1;
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            f[i] = lowHz * Math.pow(2, (double) i / pointsPerOctave);
        }
        return f;
    }
}
