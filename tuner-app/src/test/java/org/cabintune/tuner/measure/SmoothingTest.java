package org.cabintune.tuner.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmoothingTest {

    @ParameterizedTest
    @CsvSource({"1/1, 1000, 707.107, 1414.214", "1/3, 1000, 890.899, 1122.462", "1/48, 1000, 992.806, 1007.246",
        "var, 50, 992.806, 1007.246", "var, 20000, 890.899, 1122.462", "psy, 50, 890.899, 1122.462",
        "psy, 2000, 943.874, 1059.463", "erb, 1000, 1000, 1000"})
    void bandsFollowTheirDefinition(String kind, double at, double lo, double hi) {
        double[] band = Smoothing.parse(kind).band(at);
        double scale = at == 1000 || kind.equals("erb") ? 1 : at / 1000;
        if (kind.equals("erb")) {
            double erb = 24.7 * (4.37 + 1);
            assertEquals(1000 - erb / 2, band[0], 1e-9);
            assertEquals(1000 + erb / 2, band[1], 1e-9);
        } else {
            assertEquals(lo * scale, band[0], 1e-3 * scale);
            assertEquals(hi * scale, band[1], 1e-3 * scale);
        }
    }

    @Test
    void meanOfALinearRampIsItsValueAtTheBandsMiddle() {
        double[] ramp = new double[1000];
        for (int k = 0; k < ramp.length; k++) {
            ramp[k] = 3 * k;
        }
        double[] at = {100.3, 250, 512.75};
        double[] m = Smoothing.parse("1/3").mean(ramp, 1.0, at);
        for (int i = 0; i < at.length; i++) {
            double[] b = Smoothing.parse("1/3").band(at[i]);
            assertEquals(3 * (b[0] + b[1]) / 2, m[i], 1e-9);
        }
        assertEquals(3 * 100.3, Smoothing.NONE.mean(ramp, 1.0, new double[] {100.3})[0], 1e-9);
    }

    @Test
    void refusesUnknownSmoothingNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("1/200"));
        assertEquals("smoothing 1/200 octave is outside the allowed range 1/1 .. 1/96", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("lots"));
        assertEquals("smoothing 'lots' is not one of 1/N (N = 1 .. 96), var, psy, erb, none", e.getMessage());
    }
}
