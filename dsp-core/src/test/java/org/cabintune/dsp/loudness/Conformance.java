package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

/**
 * Checks a reading against an EBU expectation and its tolerance, and prints the margin left,
 * so a test run shows how close each case came, not only that it passed.
 */
final class Conformance {

    /** EBU Tech 3341 tolerance for momentary, short-term and integrated loudness, LU. */
    static final double LOUDNESS_LU = 0.1;
    /** EBU Tech 3342 tolerance for the loudness range, LU. */
    static final double RANGE_LU = 1.0;
    /** EBU Tech 3341 true-peak tolerance above the expected value, dB. */
    static final double TRUE_PEAK_OVER_DB = 0.2;
    /** EBU Tech 3341 true-peak tolerance below the expected value, dB. */
    static final double TRUE_PEAK_UNDER_DB = 0.4;

    private Conformance() {
    }

    /** Asserts {@code expected - under <= measured <= expected + over}. */
    static void check(String what, double measured, double expected, double over, double under) {
        double error = measured - expected;
        double margin = Math.min(expected + over - measured, measured - (expected - under));
        System.out.println(String.format(Locale.ROOT, "%-48s measured %8.3f  expected %6.1f  error %+.3f  margin %.3f",
                what, measured, expected, error, margin));
        assertTrue(margin >= 0, () -> String.format(Locale.ROOT, "%s: measured %.3f, expected %.1f (+%.1f/-%.1f)",
                what, measured, expected, over, under));
    }

    /** A loudness reading, +-0.1 LU. */
    static void loudness(String what, double measured, double expected) {
        check(what, measured, expected, LOUDNESS_LU, LOUDNESS_LU);
    }

    /** A loudness range, +-1 LU. */
    static void range(String what, double measured, double expected) {
        check(what, measured, expected, RANGE_LU, RANGE_LU);
    }

    /** A true peak, +0.2/-0.4 dB. */
    static void truePeak(String what, double measured, double expected) {
        check(what, measured, expected, TRUE_PEAK_OVER_DB, TRUE_PEAK_UNDER_DB);
    }
}
