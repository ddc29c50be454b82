package org.cabintune.dsp.profile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cabintune.dsp.profile.FilterSpec.Align;
import org.cabintune.dsp.profile.FilterSpec.Biquad;
import org.cabintune.dsp.profile.FilterSpec.HighPass;
import org.cabintune.dsp.profile.FilterSpec.Peaking;
import org.cabintune.dsp.profile.FilterSpec.Slope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Profiles built in code, as the tuner builds them, checked before they are pushed. */
class ProfileValidatorTest {

    private static Profile woofer(int sampleRate, FilterSpec... filters) {
        Output output = new Output("woofer", Output.Role.WOOFER, Map.of("L", 1.0), List.of(filters), 0, 0, false,
                Output.Protect.DEFAULT);
        return new Profile(Profile.FORMAT, "Built in code", sampleRate, List.of("L", "R"), Bus.OFF, List.of(output));
    }

    private static List<String> problems(Profile profile) {
        return assertThrows(ProfileException.class, () -> ProfileValidator.validate(profile)).problems();
    }

    @Test
    void busValuesAModeOrDetectionDoesNotReadMustStayAtTheirDefaults() {
        Bus.Normalize staticWithWindow = new Bus.Normalize(Bus.Normalize.Mode.STATIC, -14, 12, 12, -1, 30, 1, -50);
        Bus.Multiband peakWithWindow = new Bus.Multiband(List.of(200.0), List.of(new Bus.Band(-20, 2, 6, 10, 150, 0),
                new Bus.Band(-20, 2, 6, 10, 150, 0)), Bus.Detection.PEAK, 20, true);
        Profile profile = woofer(48000);
        Bus bus = new Bus(0, Optional.of(staticWithWindow), Optional.of(peakWithWindow),
                Optional.empty(), Optional.empty());
        assertEquals(List.of("bus.normalize.windowS = 30 is not used by mode static; leave it at its default 10",
                        "bus.multiband.rmsWindowMs = 20 is not used with detection peak; leave it at its default 10"),
                problems(new Profile(profile.format(), profile.name(), 48000, profile.inputs(), bus, profile.outputs())));
    }

    @Test
    void switchingModesKeepsWhatBothReadAndResetsTheRest() {
        Bus.Normalize riding = new Bus.Normalize(Bus.Normalize.Mode.AUTO, -18, 9, 6, -1, 30, 0.5, -45);
        Bus.Normalize fixed = riding.switchedTo(Bus.Normalize.Mode.STATIC);
        assertEquals(new Bus.Normalize(Bus.Normalize.Mode.STATIC, -18, 9, 12, -1, 10, 1, -50), fixed);
        Profile profile = woofer(48000);
        Bus bus = new Bus(0, Optional.of(fixed), Optional.empty(), Optional.empty(), Optional.empty());
        assertDoesNotThrow(() -> ProfileValidator.validate(new Profile(profile.format(), profile.name(), 48000,
                profile.inputs(), bus, profile.outputs())));
        assertEquals(riding, riding.switchedTo(Bus.Normalize.Mode.AUTO));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6, 8})
    void linkwitzRileyAcceptsEvenOrders(int order) {
        assertDoesNotThrow(() -> ProfileValidator.validate(
                woofer(48000, new HighPass(80, new Slope.Aligned(order, Align.LINKWITZ_RILEY)))));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5, 7})
    void linkwitzRileyRejectsOddOrdersThatButterworthAccepts(int order) {
        assertDoesNotThrow(() -> ProfileValidator.validate(
                woofer(48000, new HighPass(80, new Slope.Aligned(order, Align.BUTTERWORTH)))));
        assertEquals(List.of("outputs[0].filters[0].order = " + order + " is odd; linkwitz-riley needs an even "
                        + "order (2, 4, 6, 8) because it is two cascaded Butterworths of half the order"),
                problems(woofer(48000, new HighPass(80, new Slope.Aligned(order, Align.LINKWITZ_RILEY)))));
    }

    static Stream<Arguments> sampleRates() {
        return ProfileValidator.SAMPLE_RATES.stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("sampleRates")
    void frequencyMustStayBelowNyquistOfTheProfilesRate(int rate) {
        double nyquist = rate / 2.0;
        assertDoesNotThrow(() -> ProfileValidator.validate(woofer(rate, new HighPass(nyquist - 0.5,
                new Slope.Aligned(2, Align.BUTTERWORTH)))));
        assertEquals(List.of("outputs[0].filters[0].freqHz = " + FieldPath.number(nyquist) + " is at Nyquist "
                        + FieldPath.number(nyquist) + " for sampleRate " + rate + "; it must be below"),
                problems(woofer(rate, new HighPass(nyquist, new Slope.Aligned(2, Align.BUTTERWORTH)))));
    }

    @ParameterizedTest
    @MethodSource("sampleRates")
    void peakingStopsAtTheStabilityLimitOfTheProfilesRate(int rate) {
        double limit = 0.49 * rate;
        assertDoesNotThrow(() -> ProfileValidator.validate(woofer(rate, new Peaking(limit, 1, -3))));
        assertEquals(List.of("outputs[0].filters[0].freqHz = " + FieldPath.number(limit + 1) + " is above "
                        + FieldPath.number(limit) + ", the limit for peaking filters (0.49 x sampleRate " + rate + ")"),
                problems(woofer(rate, new Peaking(limit + 1, 1, -3))));
    }

    /** The stability triangle |a2| < 1, |a1| < 1 + a2, with the 1e-6 margin. */
    @ParameterizedTest(name = "a1={0} a2={1} stable={2}")
    @CsvSource({
        "0, 0, true", "1.9, 0.95, true", "-1.9, 0.95, true", "0.4, -0.5, true",
        "1.95, 0.95, false", "-1.95, 0.95, false", "0.6, -0.5, false",
        "0, 1, false", "0, -1, false", "0, 0.9999995, false", "0, 0.999998, true"})
    void biquadMustLieInsideTheStabilityTriangle(double a1, double a2, boolean stable) {
        Profile profile = woofer(48000, new Biquad(1, 0, 0, a1, a2));
        if (stable) {
            assertDoesNotThrow(() -> ProfileValidator.validate(profile));
        } else {
            assertEquals(1, problems(profile).size());
        }
    }

    @ParameterizedTest
    @CsvSource({"15.999, true", "-15.999, true", "16, false", "-16, false", "NaN, false", "Infinity, false"})
    void biquadNumeratorMustFitTheCoefficientFormat(double b, boolean fits) {
        for (int which = 0; which < 3; which++) {
            double[] bs = {0.5, 0.5, 0.5};
            bs[which] = b;
            Profile profile = woofer(48000, new Biquad(bs[0], bs[1], bs[2], 0, 0));
            if (fits) {
                assertDoesNotThrow(() -> ProfileValidator.validate(profile));
            } else {
                String problem = problems(profile).getFirst();
                assertEquals("outputs[0].filters[0].b" + which, problem.substring(0, problem.indexOf(' ')));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sampleRates")
    void firstOrderShelvesHaveTheShelvingRangesAndNoQ(int rate) {
        double limit = 0.49 * rate;
        assertDoesNotThrow(() -> ProfileValidator.validate(woofer(rate, new FilterSpec.LowShelf1(10, 18),
                new FilterSpec.HighShelf1(limit, -30), new FilterSpec.AllPass1(rate / 2.0 - 1))));
        assertEquals(List.of("outputs[0].filters[0].gainDb = 19 is outside -30..18",
                        "outputs[0].filters[1].freqHz = " + FieldPath.number(limit + 1) + " is above "
                                + FieldPath.number(limit) + ", the limit for shelving filters (0.49 x sampleRate "
                                + rate + ")"),
                problems(woofer(rate, new FilterSpec.LowShelf1(100, 19), new FilterSpec.HighShelf1(limit + 1, 3))));
    }

    /** Ranges admit these, but a hair below Nyquist a designed section's poles reach the unit circle. */
    @Test
    void filterThatDesignsUnstableIsRefusedAtItsPath() {
        double edge = Math.nextDown(24000.0);
        assertEquals(List.of("outputs[0].filters[1] (notch " + FieldPath.number(edge) + " Hz, q 5) is not stable once "
                        + "designed: its poles land on or outside the unit circle (a1 = 2.0, a2 = 0.9999999999999999); lower freqHz, "
                        + "away from Nyquist 24000"),
                problems(woofer(48000, new Peaking(1000, 1, -3), new FilterSpec.Notch(edge, 5))));
        String lr4 = problems(woofer(48000, new FilterSpec.LowPass(edge, new Slope.Aligned(4, Align.LINKWITZ_RILEY))))
                .getFirst();
        assertTrue(lr4.startsWith("outputs[0].filters[0] (lowpass " + FieldPath.number(edge) + " Hz, linkwitz-riley "
                + "order 4) is not stable once designed (section 1 of 2)"), lr4);
    }

    /** No validated shelf reaches the limit (the grid test shows it); a boost beyond the range does. */
    @Test
    void feedForwardBeyondTheFormatIsExplainedWithTheFieldsToLower() {
        assertEquals("needs a feed-forward coefficient of 31.7, beyond the fixed-point limit of 16; lower gainDb or q",
                DesignCheck.problem(new FilterSpec.HighShelf(10, 20, 24), 96000).orElseThrow());
        assertEquals("needs a feed-forward coefficient of 23.4, beyond the fixed-point limit of 16; lower gainDb",
                DesignCheck.problem(new FilterSpec.HighShelf1(1000, 30), 48000).orElseThrow());
        assertEquals("highshelf 21000 Hz, q 20, +18 dB", DesignCheck.describe(new FilterSpec.HighShelf(21000, 20, 18)));
        assertEquals("first-order lowshelf 80 Hz, -2.5 dB", DesignCheck.describe(new FilterSpec.LowShelf1(80, -2.5)));
        assertEquals("highpass 25 Hz, butterworth order 3",
                DesignCheck.describe(new HighPass(25, new Slope.Aligned(3, Align.BUTTERWORTH))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void nonFiniteValuesFromCodeAreRefused(String text) {
        double value = Double.parseDouble(text);
        assertEquals(List.of("outputs[0].filters[0].q = " + text + " is not a finite number"),
                problems(woofer(48000, new Peaking(1000, value, -3))));
    }
}
