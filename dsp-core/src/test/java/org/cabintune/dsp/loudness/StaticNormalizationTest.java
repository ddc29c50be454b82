package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cabintune.dsp.loudness.StaticNormalization.Limit;
import org.cabintune.dsp.profile.Bus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaticNormalizationTest {

    /** target -14, maxBoost 12, ceiling -1 dBTP unless a column says otherwise. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                           measured, peak, preamp, limiter, boost, gain, limit
        "quiet master reaches the target,   -23,      -12,  0,      false,   12,    9,    NONE",
        "loud master is cut,                -8,       0.5,  0,      false,   12,    -6,   NONE",
        "preamp counts,                     -23,      -10,  -6,     false,   18,    15,   NONE",
        "boost is held to maxBoostDb,       -30,      -20,  0,      false,   12,    12,   MAX_BOOST",
        "peaks hold a boost without limiter, -23,     -3,   0,      false,   12,    2,    CEILING",
        "a limiter takes the peaks,         -23,      -3,   0,      true,    12,    9,    NONE",
        "preamp and gain stay within +24,   -40,      -30,  20,     true,    24,    4,    GAIN_STAGE"})
    void gainFollowsTheRule(String what, double measured, double peak, double preamp, boolean limiter, double boost,
                            double gain, Limit limit) {
        Bus.Normalize normalize = new Bus.Normalize(Bus.Normalize.Mode.STATIC, -14, boost, 12, -1, 10, 1, -50);
        StaticNormalization.Result r = StaticNormalization.gain(normalize, preamp, limiter,
                new ProgrammeLoudness(measured, peak));
        assertEquals(gain, r.gainDb(), 1e-9, what);
        assertEquals(limit, r.limit(), what);
        assertEquals(-14 - measured - preamp, r.wantedDb(), 1e-9, what);
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void silenceGetsNoGain(boolean limiter) {
        StaticNormalization.Result r = StaticNormalization.gain(Bus.Normalize.of(Bus.Normalize.Mode.STATIC), 0, limiter,
                new ProgrammeLoudness(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertEquals(0.0, r.gainDb());
        assertEquals(Limit.SILENT, r.limit());
    }
}
