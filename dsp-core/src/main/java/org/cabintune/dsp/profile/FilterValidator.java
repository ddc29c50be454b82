package org.cabintune.dsp.profile;

import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.profile.FilterSpec.Align;
import org.cabintune.dsp.profile.FilterSpec.Slope;

/**
 * Ranges of one {@link FilterSpec}, then its design. The limits come from the fixed-point
 * design: every section stores |b| < 16 in its coefficient format, and sections near Nyquist
 * or with extreme Q lose too much precision in Q8.24 to be worth offering. A filter whose
 * fields are in range is then designed and quantised ({@link DesignCheck}), so a valid
 * profile always compiles.
 */
final class FilterValidator {

    static final int MAX_FILTERS = 32;
    static final double MIN_FREQ_HZ = 10.0;
    /** Peaks and shelves warp badly near Nyquist (bilinear transform); keep them below 0.49 fs. */
    static final double EQ_MAX_FREQ_FRACTION = 0.49;
    static final double MIN_Q = 0.1;
    static final double MAX_Q = 20.0;
    /** A lowpass/highpass given by Q: below 0.3 it is two real poles, above 10 a resonator. */
    static final double MIN_PASS_Q = 0.3;
    static final double MAX_PASS_Q = 10.0;
    static final double MIN_EQ_GAIN_DB = -30.0;
    static final double MAX_EQ_GAIN_DB = 18.0;
    static final int MIN_ORDER = 1;
    static final int MAX_ORDER = 8;
    /** The kernel's coefficient format holds feed-forward magnitudes below 16, so b0..b2 must fit. */
    static final double MAX_ABS_B = QuantizedBiquad.MAX_FEED_FORWARD;
    /** Poles this close to the unit circle ring for seconds and amplify rounding noise. */
    static final double STABILITY_MARGIN = 1e-6;

    private FilterValidator() {
    }

    /**
     * Reports the filter's out-of-range fields; when there are none and the rate is known,
     * reports whether its design cannot run.
     *
     * @param sampleRate the profile's rate, or 0 when unknown (skips Nyquist and design checks)
     */
    static void check(FilterSpec filter, String path, int sampleRate, Problems problems) {
        int mark = problems.size();
        checkFields(filter, path, sampleRate, problems);
        // Designing a filter with a field out of range would only repeat that problem.
        if (problems.size() == mark && sampleRate > 0) {
            DesignCheck.check(filter, path, sampleRate, problems);
        }
    }

    private static void checkFields(FilterSpec filter, String path, int sampleRate, Problems problems) {
        switch (filter) {
            case FilterSpec.Peaking(double f, double q, double g) -> eq(path, f, q, g, "peaking", sampleRate, problems);
            case FilterSpec.LowShelf(double f, double q, double g) -> eq(path, f, q, g, "shelving", sampleRate, problems);
            case FilterSpec.HighShelf(double f, double q, double g) -> eq(path, f, q, g, "shelving", sampleRate, problems);
            case FilterSpec.LowShelf1(double f, double g) -> shelf1(path, f, g, sampleRate, problems);
            case FilterSpec.HighShelf1(double f, double g) -> shelf1(path, f, g, sampleRate, problems);
            case FilterSpec.LowPass(double f, Slope slope) -> pass(path, f, slope, sampleRate, problems);
            case FilterSpec.HighPass(double f, Slope slope) -> pass(path, f, slope, sampleRate, problems);
            case FilterSpec.BandPass(double f, double q) -> resonant(path, f, q, sampleRate, problems);
            case FilterSpec.Notch(double f, double q) -> resonant(path, f, q, sampleRate, problems);
            case FilterSpec.AllPass(double f, double q) -> resonant(path, f, q, sampleRate, problems);
            case FilterSpec.AllPass1(double f) -> frequency(path, f, sampleRate, problems);
            case FilterSpec.Biquad b -> biquad(path, b, problems);
        }
    }

    private static void eq(String path, double freqHz, double q, double gainDb, String kind,
                           int sampleRate, Problems problems) {
        eqFrequency(path, freqHz, kind, sampleRate, problems);
        problems.range(path + ".q", q, MIN_Q, MAX_Q);
        problems.range(path + ".gainDb", gainDb, MIN_EQ_GAIN_DB, MAX_EQ_GAIN_DB);
    }

    /** A first-order shelf has the second-order one's frequency and gain ranges, and no Q. */
    private static void shelf1(String path, double freqHz, double gainDb, int sampleRate, Problems problems) {
        eqFrequency(path, freqHz, "shelving", sampleRate, problems);
        problems.range(path + ".gainDb", gainDb, MIN_EQ_GAIN_DB, MAX_EQ_GAIN_DB);
    }

    private static void eqFrequency(String path, double freqHz, String kind, int sampleRate, Problems problems) {
        if (frequency(path, freqHz, sampleRate, problems) && sampleRate > 0
                && freqHz > EQ_MAX_FREQ_FRACTION * sampleRate) {
            problems.value(path + ".freqHz", freqHz, "is above " + FieldPath.number(EQ_MAX_FREQ_FRACTION * sampleRate)
                    + ", the limit for " + kind + " filters (0.49 x sampleRate " + sampleRate + ")");
        }
    }

    private static void resonant(String path, double freqHz, double q, int sampleRate, Problems problems) {
        frequency(path, freqHz, sampleRate, problems);
        problems.range(path + ".q", q, MIN_Q, MAX_Q);
    }

    private static void pass(String path, double freqHz, Slope slope, int sampleRate, Problems problems) {
        frequency(path, freqHz, sampleRate, problems);
        switch (slope) {
            case Slope.Resonant(double q) -> problems.range(path + ".q", q, MIN_PASS_Q, MAX_PASS_Q);
            case Slope.Aligned(int order, Align align) -> {
                if (order < MIN_ORDER || order > MAX_ORDER) {
                    problems.value(path + ".order", order, "is outside " + MIN_ORDER + ".." + MAX_ORDER);
                } else if (align == Align.LINKWITZ_RILEY && order % 2 != 0) {
                    problems.value(path + ".order", order, "is odd; linkwitz-riley needs an even order "
                            + "(2, 4, 6, 8) because it is two cascaded Butterworths of half the order");
                }
            }
        }
    }

    /** At least 10 Hz and below Nyquist; true if it passed. */
    private static boolean frequency(String path, double freqHz, int sampleRate, Problems problems) {
        String freqPath = path + ".freqHz";
        if (!Double.isFinite(freqHz)) {
            problems.value(freqPath, freqHz, "is not a finite number");
            return false;
        }
        if (freqHz < MIN_FREQ_HZ) {
            problems.value(freqPath, freqHz, "is below " + FieldPath.number(MIN_FREQ_HZ) + " Hz");
            return false;
        }
        double nyquist = sampleRate / 2.0;
        if (sampleRate > 0 && freqHz >= nyquist) {
            problems.value(freqPath, freqHz, (freqHz > nyquist ? "is above" : "is at") + " Nyquist "
                    + FieldPath.number(nyquist) + " for sampleRate " + sampleRate + "; it must be below");
            return false;
        }
        return true;
    }

    private static void biquad(String path, FilterSpec.Biquad b, Problems problems) {
        double[] bs = {b.b0(), b.b1(), b.b2()};
        for (int i = 0; i < bs.length; i++) {
            String bPath = path + ".b" + i;
            if (!Double.isFinite(bs[i])) {
                problems.value(bPath, bs[i], "is not a finite number");
            } else if (Math.abs(bs[i]) >= MAX_ABS_B) {
                String limit = FieldPath.number(MAX_ABS_B);
                problems.value(bPath, bs[i], "is outside -" + limit + ".." + limit + " (exclusive): the fixed-point "
                        + "coefficient format holds |b| < " + limit);
            }
        }
        double a1 = b.a1();
        double a2 = b.a2();
        boolean a2Stable = false;
        if (!Double.isFinite(a2)) {
            problems.value(path + ".a2", a2, "is not a finite number");
        } else if (Math.abs(a2) >= 1.0 - STABILITY_MARGIN) {
            problems.value(path + ".a2", a2, "makes the filter unstable: |a2| must be below "
                    + FieldPath.number(1.0 - STABILITY_MARGIN) + " (poles inside the unit circle)");
        } else {
            a2Stable = true;
        }
        // The bound on a1 depends on a2, so it only means something once a2 is in range.
        if (!Double.isFinite(a1)) {
            problems.value(path + ".a1", a1, "is not a finite number");
        } else if (a2Stable && Math.abs(a1) >= 1.0 + a2 - STABILITY_MARGIN) {
            problems.value(path + ".a1", a1, "makes the filter unstable: |a1| must be below 1 + a2 - 1e-6 = "
                    + FieldPath.number(1.0 + a2 - STABILITY_MARGIN) + " (stability triangle)");
        }
    }
}
