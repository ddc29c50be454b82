package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LimiterParamsTest {

    @Test
    void defaultsAreLinkedWithA4xDetector() {
        LimiterParams p = LimiterParams.of(48_000, 2, -1.0, 1.5, 50.0);
        assertEquals(true, p.linked());
        assertEquals(4, p.oversampling());
        assertEquals(72, p.lookaheadSamples());
        assertEquals(2400.0, p.releaseSamples());
        assertEquals(Math.pow(10, -1.0 / 20), p.ceilingLinear(), 1e-15);
        assertFalse(p.withLinked(false).linked());
        assertEquals(8, p.withOversampling(8).oversampling());
        assertEquals(-3.0, p.withCeilingDbtp(-3.0).ceilingDbtp());
    }

    static Stream<Arguments> badParams() {
        return Stream.of(
                bad(() -> new LimiterParams(32_000, 2, -1, 1.5, 50, true, 4),
                        "sampleRate = 32000 Hz is not one of the allowed values [44100, 48000, 88200, 96000] Hz"),
                bad(() -> new LimiterParams(48_000, 0, -1, 1.5, 50, true, 4),
                        "channels = 0 is outside the allowed range 1 .. 8"),
                bad(() -> new LimiterParams(48_000, 9, -1, 1.5, 50, true, 4),
                        "channels = 9 is outside the allowed range 1 .. 8"),
                bad(() -> new LimiterParams(48_000, 2, 0.5, 1.5, 50, true, 4),
                        "ceilingDbtp = 0.5 dBTP is outside the allowed range -20.0 .. 0.0 dBTP"),
                bad(() -> new LimiterParams(48_000, 2, -21, 1.5, 50, true, 4),
                        "ceilingDbtp = -21.0 dBTP is outside the allowed range -20.0 .. 0.0 dBTP"),
                bad(() -> new LimiterParams(48_000, 2, Double.NaN, 1.5, 50, true, 4),
                        "ceilingDbtp = NaN dBTP is outside the allowed range -20.0 .. 0.0 dBTP"),
                bad(() -> new LimiterParams(48_000, 2, -1, 0.4, 50, true, 4),
                        "lookaheadMs = 0.4 ms is outside the allowed range 0.5 .. 5.0 ms"),
                bad(() -> new LimiterParams(48_000, 2, -1, 6, 50, true, 4),
                        "lookaheadMs = 6.0 ms is outside the allowed range 0.5 .. 5.0 ms"),
                bad(() -> new LimiterParams(48_000, 2, -1, 1.5, 0.5, true, 4),
                        "releaseMs = 0.5 ms is outside the allowed range 1.0 .. 2000.0 ms"),
                bad(() -> new LimiterParams(48_000, 2, -1, 1.5, 2500, true, 4),
                        "releaseMs = 2500.0 ms is outside the allowed range 1.0 .. 2000.0 ms"),
                bad(() -> new LimiterParams(48_000, 2, -1, 1.5, 50, true, 2),
                        "oversampling = 2 is not one of the allowed values [4, 8]"));
    }

    private static Arguments bad(Supplier<LimiterParams> build, String message) {
        return Arguments.of(build, message);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badParams")
    void refusesOutOfRangeValuesNamingFieldValueAndRange(Supplier<LimiterParams> build,
            String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build::get).getMessage());
    }

    @Test
    void everyAllowedCornerBuildsALimiter() {
        for (int rate : LimiterParams.SAMPLE_RATES) {
            for (double lookahead : new double[] {LimiterParams.MIN_LOOKAHEAD_MS, LimiterParams.MAX_LOOKAHEAD_MS}) {
                for (int factor : LimiterParams.OVERSAMPLING_FACTORS) {
                    LimiterParams p = new LimiterParams(rate, 8, -20.0, lookahead, 2000.0, false, factor);
                    assertEquals(p.lookaheadSamples(), new TruePeakLimiter(p).latencySamples());
                }
            }
        }
    }
}
