package org.cabintune.dsp.profile;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.profile.FilterSpec.Align;
import org.cabintune.dsp.profile.FilterSpec.Slope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sweeps the filter parameters the validator allows, on a coarse grid plus every edge, at each
 * supported sample rate: every filter kind and order, frequencies from 10 Hz to the kind's
 * limit (and a hair below Nyquist), Q and gain from minimum to maximum, orders 1 to 8 in both
 * alignments. Whatever the validator accepts must quantise to stable sections; whatever the
 * design refuses, the validator must already refuse with the filter's path.
 */
class DesignSpaceTest {

    private static final String PATH = "outputs[0].filters[0]";
    private static final int FREQUENCIES = 24;
    private static final double[] GAINS_DB = {FilterValidator.MIN_EQ_GAIN_DB, -15, -6, 0, 6, 12,
        FilterValidator.MAX_EQ_GAIN_DB};
    private static final double[] Q = grid(FilterValidator.MIN_Q, FilterValidator.MAX_Q, 6);
    private static final double[] PASS_Q = concat(grid(FilterValidator.MIN_PASS_Q, FilterValidator.MAX_PASS_Q, 5),
            Math.sqrt(0.5));

    static Stream<Integer> sampleRates() {
        return ProfileValidator.SAMPLE_RATES.stream();
    }

    @ParameterizedTest(name = "{0} Hz")
    @MethodSource("sampleRates")
    void acceptedFiltersQuantiseStableAndUnrunnableOnesAreRefused(int sampleRate) {
        Tally tally = new Tally();
        for (FilterSpec spec : space(sampleRate)) {
            check(spec, sampleRate, tally);
        }
        // Both outcomes must occur, or the grid has stopped reaching the edges.
        assertTrue(tally.accepted > 4000, "accepted " + tally.accepted);
        assertTrue(tally.refusedByDesign > 0, "no filter was refused by its design");
        assertTrue(tally.maxFeedForward < QuantizedBiquad.MAX_FEED_FORWARD, "largest |b| " + tally.maxFeedForward);
    }

    private static void check(FilterSpec spec, int sampleRate, Tally tally) {
        List<String> problems = problems(spec, sampleRate);
        String designFailure = designFailure(spec, sampleRate);
        if (problems.isEmpty()) {
            assertNull(designFailure, () -> "accepted " + spec + " at " + sampleRate);
            for (BiquadCoefficients section : SectionDesign.design(spec, sampleRate)) {
                BiquadCoefficients realized = QuantizedBiquad.of(section).realized();
                assertTrue(realized.isStable(0), () -> "realised section of " + spec + " is unstable: " + realized);
                tally.feedForward(realized);
            }
            tally.accepted++;
            return;
        }
        for (String line : problems) {
            assertTrue(line.startsWith(PATH) && ProfileFiles.PROBLEM_LINE.matcher(line).lookingAt(),
                    () -> "no field path for " + spec + ": " + line);
        }
        if (designFailure != null) {
            tally.refusedByDesign++;
        }
    }

    /** The validator's problems for one filter on an otherwise valid output; empty when valid. */
    private static List<String> problems(FilterSpec spec, int sampleRate) {
        Output output = new Output("woofer", Output.Role.WOOFER, Map.of("L", 1.0), List.of(spec), 0, 0, false,
                Output.Protect.DEFAULT);
        Profile profile = new Profile(Profile.FORMAT, "Grid", sampleRate, List.of("L"), Bus.OFF, List.of(output));
        try {
            ProfileValidator.validate(profile);
            return List.of();
        } catch (ProfileException e) {
            return e.problems();
        }
    }

    /** Why the head unit could not run this filter, or null when it could. */
    private static String designFailure(FilterSpec spec, int sampleRate) {
        try {
            SectionDesign.quantize(List.of(spec), sampleRate);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static List<FilterSpec> space(int fs) {
        double nyquist = fs / 2.0;
        double[] eqFreqs = grid(FilterValidator.MIN_FREQ_HZ, FilterValidator.EQ_MAX_FREQ_FRACTION * fs, FREQUENCIES);
        // Up to Nyquist, with the edges where the bilinear transform runs out of precision.
        double[] freqs = concat(grid(FilterValidator.MIN_FREQ_HZ, nyquist - 1, FREQUENCIES),
                nyquist - 0.01, nyquist - 1e-6, Math.nextDown(nyquist));
        List<FilterSpec> specs = new ArrayList<>();
        for (double f : eqFreqs) {
            for (double g : GAINS_DB) {
                specs.add(new FilterSpec.LowShelf1(f, g));
                specs.add(new FilterSpec.HighShelf1(f, g));
                for (double q : Q) {
                    specs.add(new FilterSpec.Peaking(f, q, g));
                    specs.add(new FilterSpec.LowShelf(f, q, g));
                    specs.add(new FilterSpec.HighShelf(f, q, g));
                }
            }
        }
        for (double f : freqs) {
            specs.add(new FilterSpec.AllPass1(f));
            for (double q : Q) {
                specs.add(new FilterSpec.BandPass(f, q));
                specs.add(new FilterSpec.Notch(f, q));
                specs.add(new FilterSpec.AllPass(f, q));
            }
            for (Slope slope : slopes()) {
                specs.add(new FilterSpec.LowPass(f, slope));
                specs.add(new FilterSpec.HighPass(f, slope));
            }
        }
        return specs;
    }

    /** Orders 1..8 in both alignments (odd Linkwitz-Riley included: the fields refuse it), and Q forms. */
    private static List<Slope> slopes() {
        List<Slope> slopes = new ArrayList<>();
        for (int order = FilterValidator.MIN_ORDER; order <= FilterValidator.MAX_ORDER; order++) {
            for (Align align : Align.values()) {
                slopes.add(new Slope.Aligned(order, align));
            }
        }
        for (double q : PASS_Q) {
            slopes.add(new Slope.Resonant(q));
        }
        return slopes;
    }

    /** {@code points} log-spaced values from {@code min} to {@code max}, both exactly. */
    static double[] grid(double min, double max, int points) {
        double[] values = new double[points];
        for (int i = 0; i < points; i++) {
            values[i] = min * Math.pow(max / min, i / (points - 1.0));
        }
        values[points - 1] = max;
        return values;
    }

    private static double[] concat(double[] values, double... more) {
        double[] all = Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }

    private static final class Tally {
        int accepted;
        int refusedByDesign;
        double maxFeedForward;

        void feedForward(BiquadCoefficients c) {
            maxFeedForward = Math.max(maxFeedForward, Math.max(Math.abs(c.b0()), Math.max(Math.abs(c.b1()),
                    Math.abs(c.b2()))));
        }
    }
}
