package org.cabintune.dsp.filter;

/**
 * Second- and first-order section design. The second-order shapes follow R. Bristow-Johnson's
 * "Audio EQ Cookbook" (bilinear transform, pre-warped at the centre frequency); the
 * first-order shapes are the bilinear transforms of the analog prototypes named on each
 * method, pre-warped at the corner. Both the fixed-point blocks and their double twins are
 * built from these numbers, so design math exists once.
 *
 * <p>Arguments are checked here too, with messages naming the parameter; user-facing input is
 * validated earlier, with field paths, by the profile validator.
 */
public final class FilterDesign {

    private FilterDesign() {
    }

    /** RBJ peaking EQ: {@code gainDb} at {@code freqHz}, bandwidth set by {@code q}. */
    public static BiquadCoefficients peaking(double sampleRate, double freqHz, double q, double gainDb) {
        Angle w = Angle.of(sampleRate, freqHz, q);
        double a = Math.pow(10, gainDb / 40);
        return BiquadCoefficients.normalised(
                1 + w.alpha * a, -2 * w.cos, 1 - w.alpha * a,
                1 + w.alpha / a, -2 * w.cos, 1 - w.alpha / a);
    }

    /** RBJ low shelf with the cookbook's Q form: {@code gainDb} below {@code freqHz}. */
    public static BiquadCoefficients lowShelf(double sampleRate, double freqHz, double q, double gainDb) {
        Angle w = Angle.of(sampleRate, freqHz, q);
        double a = Math.pow(10, gainDb / 40);
        double twoSqrtAAlpha = 2 * Math.sqrt(a) * w.alpha;
        return BiquadCoefficients.normalised(
                a * ((a + 1) - (a - 1) * w.cos + twoSqrtAAlpha),
                2 * a * ((a - 1) - (a + 1) * w.cos),
                a * ((a + 1) - (a - 1) * w.cos - twoSqrtAAlpha),
                (a + 1) + (a - 1) * w.cos + twoSqrtAAlpha,
                -2 * ((a - 1) + (a + 1) * w.cos),
                (a + 1) + (a - 1) * w.cos - twoSqrtAAlpha);
    }

    /** RBJ high shelf with the cookbook's Q form: {@code gainDb} above {@code freqHz}. */
    public static BiquadCoefficients highShelf(double sampleRate, double freqHz, double q, double gainDb) {
        Angle w = Angle.of(sampleRate, freqHz, q);
        double a = Math.pow(10, gainDb / 40);
        double twoSqrtAAlpha = 2 * Math.sqrt(a) * w.alpha;
        return BiquadCoefficients.normalised(
                a * ((a + 1) + (a - 1) * w.cos + twoSqrtAAlpha),
                -2 * a * ((a - 1) + (a + 1) * w.cos),
                a * ((a + 1) + (a - 1) * w.cos - twoSqrtAAlpha),
                (a + 1) - (a - 1) * w.cos + twoSqrtAAlpha,
                2 * ((a - 1) - (a + 1) * w.cos),
                (a + 1) - (a - 1) * w.cos - twoSqrtAAlpha);
    }

    /** RBJ second-order low-pass. */
    public static BiquadCoefficients lowpass(double sampleRate, double freqHz, double q) {
        Angle w = Angle.of(sampleRate, freqHz, q);
        // 1 - cos(w) written as 2 sin^2(w/2): exact for the tiny angles of sub-bass corners.
        double oneMinusCos = w.oneMinusCos;
        return BiquadCoefficients.normalised(
                oneMinusCos / 2, oneMinusCos, oneMinusCos / 2,
                1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /** RBJ second-order high-pass. */
    public static BiquadCoefficients highpass(double sampleRate, double freqHz, double q) {
        Angle w = Angle.of(sampleRate, freqHz, q);
        double onePlusCos = 1 + w.cos;
        return BiquadCoefficients.normalised(
                onePlusCos / 2, -onePlusCos, onePlusCos / 2,
                1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /** RBJ band-pass with 0 dB gain at the centre frequency. */
    public static BiquadCoefficients bandpass(double sampleRate, double freqHz, double q) {
        Angle w = Angle.of(sampleRate, freqHz, q);
        return BiquadCoefficients.normalised(w.alpha, 0, -w.alpha, 1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /** RBJ notch. */
    public static BiquadCoefficients notch(double sampleRate, double freqHz, double q) {
        Angle w = Angle.of(sampleRate, freqHz, q);
        return BiquadCoefficients.normalised(1, -2 * w.cos, 1, 1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /** RBJ second-order all-pass: 180 degrees of phase at {@code freqHz}. */
    public static BiquadCoefficients allpass(double sampleRate, double freqHz, double q) {
        Angle w = Angle.of(sampleRate, freqHz, q);
        return BiquadCoefficients.normalised(
                1 - w.alpha, -2 * w.cos, 1 + w.alpha, 1 + w.alpha, -2 * w.cos, 1 - w.alpha);
    }

    /** First-order low-pass, prototype {@code 1 / (s + 1)}. */
    public static BiquadCoefficients lowpass1(double sampleRate, double freqHz) {
        return firstOrder(sampleRate, freqHz, 0, 1, 1);
    }

    /** First-order high-pass, prototype {@code s / (s + 1)}. */
    public static BiquadCoefficients highpass1(double sampleRate, double freqHz) {
        return firstOrder(sampleRate, freqHz, 1, 0, 1);
    }

    /** First-order all-pass, prototype {@code (1 - s) / (1 + s)}: 90 degrees at the corner. */
    public static BiquadCoefficients allpass1(double sampleRate, double freqHz) {
        return firstOrder(sampleRate, freqHz, -1, 1, 1);
    }

    /**
     * First-order low shelf, prototype {@code (s + sqrt G) / (s + 1/sqrt G)}: gain G at DC,
     * unity at high frequencies, half the dB gain at the corner.
     */
    public static BiquadCoefficients lowShelf1(double sampleRate, double freqHz, double gainDb) {
        double rootG = Math.pow(10, gainDb / 40);
        return firstOrder(sampleRate, freqHz, 1, rootG, 1 / rootG);
    }

    /**
     * First-order high shelf, prototype {@code G (s + 1/sqrt G) / (s + sqrt G)}: unity at DC,
     * gain G at high frequencies, half the dB gain at the corner.
     */
    public static BiquadCoefficients highShelf1(double sampleRate, double freqHz, double gainDb) {
        double g = Math.pow(10, gainDb / 20);
        double rootG = Math.sqrt(g);
        return firstOrder(sampleRate, freqHz, g, g / rootG, rootG);
    }

    /**
     * Bilinear transform of {@code (beta1 s + beta0) / (s + alpha0)} with the prototype's
     * unit frequency mapped to {@code freqHz} (pre-warped: {@code K = tan(w/2)}).
     */
    private static BiquadCoefficients firstOrder(double sampleRate, double freqHz,
                                                 double beta1, double beta0, double alpha0) {
        checkFrequency(sampleRate, freqHz);
        double k = Math.tan(Math.PI * freqHz / sampleRate);
        return BiquadCoefficients.normalised(
                beta1 + beta0 * k, beta0 * k - beta1, 0,
                1 + alpha0 * k, alpha0 * k - 1, 0);
    }

    static void checkFrequency(double sampleRate, double freqHz) {
        if (!(sampleRate > 0) || !Double.isFinite(sampleRate)) {
            throw new IllegalArgumentException("sampleRate = " + sampleRate + " must be positive");
        }
        if (!(freqHz > 0 && freqHz < sampleRate / 2)) {
            throw new IllegalArgumentException("freqHz = " + freqHz + " is outside (0, " + sampleRate / 2
                    + ") for sampleRate " + sampleRate);
        }
    }

    /** The cookbook's intermediate values for one section. */
    private record Angle(double cos, double oneMinusCos, double alpha) {
        static Angle of(double sampleRate, double freqHz, double q) {
            checkFrequency(sampleRate, freqHz);
            if (!(q > 0) || !Double.isFinite(q)) {
                throw new IllegalArgumentException("q = " + q + " must be positive");
            }
            double w = 2 * Math.PI * freqHz / sampleRate;
            double half = Math.sin(w / 2);
            return new Angle(Math.cos(w), 2 * half * half, Math.sin(w) / (2 * q));
        }
    }
}
