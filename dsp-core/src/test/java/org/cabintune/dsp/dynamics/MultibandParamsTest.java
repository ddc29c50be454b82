package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.cabintune.dsp.profile.Bus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MultibandParamsTest {

    private static final CompressorParams BAND = new CompressorParams(-18, 2, 6, 10, 150, 0);

    private static MultibandParams threeBands() {
        return MultibandParams.of(48_000, 2, List.of(120.0, 2500.0), List.of(BAND, BAND, BAND));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("thresholdDb = 3.0 dB is outside the allowed range -60.0 .. 0.0 dB",
                        () -> BAND.withThresholdDb(3)),
                refusal("ratio = 0.5 is outside the allowed range 1.0 .. 20.0", () -> BAND.withRatio(0.5)),
                refusal("kneeDb = 30.0 dB is outside the allowed range 0.0 .. 24.0 dB", () -> BAND.withKneeDb(30)),
                refusal("attackMs = 0.05 ms is outside the allowed range 0.1 .. 500.0 ms",
                        () -> BAND.withTimesMs(0.05, 100)),
                refusal("releaseMs = NaN ms is outside the allowed range 1.0 .. 5000.0 ms",
                        () -> BAND.withTimesMs(10, Double.NaN)),
                refusal("makeupDb = 25.0 dB is outside the allowed range -12.0 .. 24.0 dB",
                        () -> BAND.withMakeupDb(25)),
                refusal("sampleRate = 32000 Hz is not one of the supported rates 44100, 48000, 88200, 96000 Hz",
                        () -> MultibandParams.of(32_000, 2, List.of(1000.0), List.of(BAND, BAND))),
                refusal("channels = 9 is outside the allowed range 1 .. 8",
                        () -> MultibandParams.of(48_000, 9, List.of(1000.0), List.of(BAND, BAND))),
                refusal("crossoversHz has 0 entries; the allowed range is 1 .. 3 (2 .. 4 bands)",
                        () -> MultibandParams.of(48_000, 2, List.of(), List.of(BAND))),
                refusal("crossoversHz[0] = 18000.0 Hz is outside the allowed range 20.0 .. 16000.0 Hz",
                        () -> MultibandParams.of(48_000, 2, List.of(18000.0), List.of(BAND, BAND))),
                refusal("crossoversHz[1] = 150.0 Hz is less than one octave above crossoversHz[0] = 120.0 Hz;"
                                + " it must be at least 240.0 Hz (crossovers ascend, an octave apart)",
                        () -> MultibandParams.of(48_000, 2, List.of(120.0, 150.0), List.of(BAND, BAND, BAND))),
                refusal("bands has 2 entries; 2 crossovers need 3 bands",
                        () -> MultibandParams.of(48_000, 2, List.of(120.0, 2500.0), List.of(BAND, BAND))),
                refusal("bands[1] is missing (null)", () -> MultibandParams.of(48_000, 2, List.of(120.0),
                        java.util.Arrays.asList(BAND, null))),
                refusal("rmsWindowMs = 80.0 ms is outside the allowed range 1.0 .. 50.0 ms",
                        () -> threeBands().withRmsWindowMs(80)),
                refusal("bands[2].ratio = 30.0 is outside the allowed range 1.0 .. 20.0",
                        () -> MultibandParams.fromProfile(new Bus.Multiband(List.of(100.0, 1000.0), List.of(
                                profileBand(2), profileBand(2), profileBand(30))), 48_000, 2)));
    }

    private static Arguments refusal(String message, Supplier<Object> build) {
        return Arguments.of(message, build);
    }

    private static Bus.Band profileBand(double ratio) {
        return new Bus.Band(-20, ratio, 6, 10, 150, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesOutOfRangeValuesNamingFieldValueAndRange(String message, Supplier<Object> build) {
        var e = assertThrows(IllegalArgumentException.class, build::get);
        assertEquals(message, e.getMessage());
    }

    @Test
    void readsTheProfilesMultibandSectionWithPeakDetectionAndStereoLink() {
        var section = new Bus.Multiband(List.of(120.0, 2500.0),
                List.of(profileBand(2), profileBand(3), profileBand(4)));
        MultibandParams params = MultibandParams.fromProfile(section, 96_000, 2);
        assertEquals(3, params.bandCount());
        assertEquals(4.0, params.bands().get(2).ratio());
        assertEquals(MultibandParams.Detection.PEAK, params.detection());
        assertTrue(params.stereoLink());
        assertEquals(960, params.rmsWindowSamples());
    }

    @Test
    void readsTheProfilesDetectionWindowAndLink() {
        var section = new Bus.Multiband(List.of(200.0), List.of(profileBand(2), profileBand(3)),
                Bus.Detection.RMS, 25, false);
        MultibandParams params = MultibandParams.fromProfile(section, 48_000, 2);
        assertEquals(MultibandParams.Detection.RMS, params.detection());
        assertEquals(25.0, params.rmsWindowMs());
        assertEquals(false, params.stereoLink());
    }

    @Test
    void copiesListsSoLaterChangesCannotReachARunningCompressor() {
        var crossovers = new java.util.ArrayList<>(List.of(1000.0));
        MultibandParams params = MultibandParams.of(44_100, 1, crossovers, List.of(BAND, BAND));
        crossovers.set(0, 10.0);
        assertEquals(List.of(1000.0), params.crossoversHz());
        assertThrows(UnsupportedOperationException.class, () -> params.bands().set(0, BAND));
        assertEquals(Collections.nCopies(2, BAND), params.bands());
    }
}
