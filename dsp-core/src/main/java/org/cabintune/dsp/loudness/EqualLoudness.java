package org.cabintune.dsp.loudness;

/**
 * Normal equal-loudness-level contours after ISO 226:2023, "Acoustics - Normal
 * equal-loudness-level contours": the sound pressure level a pure tone of each frequency needs
 * to sound as loud as a 1 kHz tone of a given level, for the one-third-octave frequencies from
 * 20 Hz to 12.5 kHz.
 *
 * <p>Formula (1) of ISO 226:2023, with the parameters of its Table 1:
 * <pre>
 *   L_p = (10 / a_f) lg[ (4e-10)^(a_r - a_f) (10^(a_r L_N / 10) - 10^(a_r T_r / 10)) + 10^(a_f (T_f + L_U) / 10) ] - L_U
 * </pre>
 * with {@code a_r = 0.300} and {@code T_r = 2.4 dB} (the exponent and the threshold at 1 kHz),
 * so that at 1 kHz {@code L_p = L_N}. The 2023 revision changed the exponents {@code a_f}
 * (0.635 at 20 Hz, 2003: 0.532), some transfer magnitudes {@code L_U}, the threshold at 20 Hz
 * (78.1 dB, 2003: 78.5) and the formula's form; the contours moved by up to a few tenths of a
 * dB. The Standard holds the formula from 20 phon to 90 phon (80 phon above 4 kHz); below 20
 * phon it is informative.
 *
 * <p>The table matches the ISO 226:2023 parameters as published in independent
 * implementations, among them the University of Salford's RefMap psychoacoustics toolbox
 * ({@code acoustics-code-salford/refmap-psychoacoustics}, {@code loudLfISO226_2023.m}), which
 * also states Formula (1) in this form.
 */
public final class EqualLoudness {

    /** The preferred frequencies of ISO 266 the Standard tabulates, Hz. */
    private static final double[] FREQUENCY_HZ = {20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315,
        400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500};
    /** Exponent for loudness perception, a_f (Table 1). */
    private static final double[] ALPHA = {0.635, 0.602, 0.569, 0.537, 0.509, 0.482, 0.456, 0.433, 0.412,
        0.391, 0.373, 0.357, 0.343, 0.330, 0.320, 0.311, 0.303, 0.300, 0.295, 0.292, 0.290, 0.290, 0.289,
        0.289, 0.289, 0.293, 0.303, 0.323, 0.354};
    /** Magnitude of the linear transfer function normalised at 1 kHz, L_U, dB (Table 1). */
    private static final double[] TRANSFER_DB = {-31.5, -27.2, -23.1, -19.3, -16.1, -13.1, -10.4, -8.2, -6.3,
        -4.6, -3.2, -2.1, -1.2, -0.5, 0.0, 0.4, 0.5, 0.0, -2.7, -4.2, -1.2, 1.4, 2.3, 1.0, -2.3, -7.2, -11.2,
        -10.9, -3.5};
    /** Threshold of hearing, T_f, dB (Table 1). */
    private static final double[] THRESHOLD_DB = {78.1, 68.7, 59.5, 51.1, 44.0, 37.5, 31.5, 26.5, 22.1, 17.9,
        14.4, 11.4, 8.6, 6.2, 4.4, 3.0, 2.2, 2.4, 3.5, 1.7, -1.3, -4.2, -6.0, -5.4, -1.5, 6.0, 12.6, 13.9, 12.3};
    /** a_r, the exponent at 1 kHz. */
    private static final double ALPHA_R = 0.300;
    /** T_r, the threshold at 1 kHz, dB. */
    private static final double THRESHOLD_R_DB = 2.4;
    /** (4e-10): the squared ratio of the reference pressure to 1 Pa, (20 uPa)^2 / (1 Pa)^2. */
    private static final double PRESSURE_RATIO_SQUARED = 4e-10;

    /** Lowest loudness level where the Standard's formula is normative, phon. */
    public static final double MIN_NORMATIVE_PHON = 20.0;
    /** Highest loudness level where the formula is normative up to 4 kHz, phon. */
    public static final double MAX_NORMATIVE_PHON = 90.0;

    private EqualLoudness() {
    }

    /** Number of tabulated frequencies (29). */
    public static int size() {
        return FREQUENCY_HZ.length;
    }

    /** The {@code i}-th tabulated frequency, Hz. */
    public static double frequencyHz(int i) {
        return FREQUENCY_HZ[i];
    }

    /** The threshold of hearing at the {@code i}-th frequency, T_f, dB. */
    public static double thresholdDb(int i) {
        return THRESHOLD_DB[i];
    }

    /** Sound pressure level, dB, of a tone at the {@code i}-th frequency with loudness level {@code phon}: Formula (1). */
    public static double soundPressureLevel(int i, double phon) {
        double a = ALPHA[i];
        double lu = TRANSFER_DB[i];
        double excitation = Math.pow(PRESSURE_RATIO_SQUARED, ALPHA_R - a)
                * (Math.pow(10, ALPHA_R * phon / 10) - Math.pow(10, ALPHA_R * THRESHOLD_R_DB / 10))
                + Math.pow(10, a * (THRESHOLD_DB[i] + lu) / 10);
        return 10 / a * Math.log10(excitation) - lu;
    }

    /** The whole contour at {@code phon}: sound pressure level at every tabulated frequency, dB. */
    public static double[] contour(double phon) {
        double[] levels = new double[size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = soundPressureLevel(i, phon);
        }
        return levels;
    }
}
