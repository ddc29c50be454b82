package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;
import org.cabintune.dsp.filter.BiquadCascadeReference;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.CrossoverDesign;
import org.cabintune.dsp.filter.CrossoverDesign.Pass;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.Phasor;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With every band at unity the compressor must be the all-pass chain of its crossovers, each
 * all-pass being the LR4 low-pass plus the LR4 high-pass as {@link CrossoverDesign} designs
 * them: the expectations here are built from those, not from {@link CrossoverTree}.
 */
class CrossoverTreeTest {

    /** Tones for the magnitude and phase check: integer Hz, so one second holds whole cycles. */
    private static final int[] TONES = {31, 97, 120, 251, 1000, 2500, 3001, 7993, 15013};
    private static final double TONE_AMPLITUDE = 0.05;

    static Stream<Arguments> splits() {
        return SampleRates.crossedWith(List.of(1000.0), List.of(120.0, 2500.0), List.of(60.0, 500.0, 4000.0));
    }

    /** The analytic response of {@code prod_k (LP4_k + HP4_k)} at {@code hz}: {re, im}. */
    static double[] allpassChainResponse(int rate, List<Double> crossovers, double hz) {
        double[] h = {1, 0};
        for (double f : crossovers) {
            h = times(h, add(lr4(Pass.LOWPASS, rate, f, hz), lr4(Pass.HIGHPASS, rate, f, hz)));
        }
        return h;
    }

    /**
     * The analytic response of band {@code band}: the high-passes of the crossovers below it,
     * its own low-pass (none for the top band) and the all-passes ({@code LP4 + HP4}) of the
     * crossovers above it.
     */
    static double[] bandResponse(int rate, List<Double> crossovers, int band, double hz) {
        double[] h = {1, 0};
        for (int k = 0; k < crossovers.size(); k++) {
            double f = crossovers.get(k);
            double[] lp = lr4(Pass.LOWPASS, rate, f, hz);
            double[] hp = lr4(Pass.HIGHPASS, rate, f, hz);
            h = times(h, k < band ? hp : k == band ? lp : add(lp, hp));
        }
        return h;
    }

    private static double[] lr4(Pass pass, int rate, double f, double hz) {
        return BiquadCoefficients.response(CrossoverDesign.linkwitzRiley(pass, 4, rate, f), hz, rate);
    }

    private static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1]};
    }

    private static double[] times(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    @ParameterizedTest(name = "{0} Hz, crossovers {1}")
    @MethodSource("splits")
    void lr4AllpassSectionIsTheSumOfLowAndHighPass(int rate, List<Double> crossovers) {
        for (double f : crossovers) {
            for (double hz = 10; hz < rate / 2.0; hz *= 1.07) {
                double[] ap = CrossoverTree.allpass(rate, f).response(hz, rate);
                double[] sum = allpassChainResponse(rate, List.of(f), hz);
                assertEquals(sum[0], ap[0], 1e-9, "re at " + hz + " Hz");
                assertEquals(sum[1], ap[1], 1e-9, "im at " + hz + " Hz");
            }
        }
    }

    @ParameterizedTest(name = "{0} Hz, crossovers {1}")
    @MethodSource("splits")
    void unityBandsGiveTheAllpassChainInMagnitudeAndPhase(int rate, List<Double> crossovers) {
        assertTonesFollow(unity(rate, 1, crossovers), hz -> allpassChainResponse(rate, crossovers, hz));
    }

    /**
     * Fixed, different gains per band (ratio 1, makeup -12 .. +6 dB): the output is
     * {@code sum_b g_b H_b}, which only holds if every band is its LR4 low- or high-pass chain
     * with the right compensation, not merely if the bands add up to the all-pass.
     */
    @ParameterizedTest(name = "{0} Hz, crossovers {1}")
    @MethodSource("splits")
    void eachBandIsItsLr4PassesAndCompensation(int rate, List<Double> crossovers) {
        double[] makeupDb = {-12, 6, 0, -3};
        List<CompressorParams> bands = new ArrayList<>();
        for (int b = 0; b <= crossovers.size(); b++) {
            bands.add(CompressorParams.unity().withMakeupDb(makeupDb[b]));
        }
        assertTonesFollow(MultibandParams.of(rate, 1, crossovers, bands), hz -> {
            double[] h = {0, 0};
            for (int b = 0; b < bands.size(); b++) {
                double g = Math.pow(10, makeupDb[b] / 20);
                double[] hb = bandResponse(rate, crossovers, b, hz);
                h = add(h, new double[] {g * hb[0], g * hb[1]});
            }
            return h;
        });
    }

    /**
     * Tones in, each compared in magnitude (within 0.01 dB) and phase (within 1e-3 rad) with
     * {@code expected} over one second after half a second, when the lowest crossover has long
     * settled.
     */
    private static void assertTonesFollow(MultibandParams params, DoubleFunction<double[]> expected) {
        int rate = params.sampleRate();
        double[] input = new double[rate + rate / 2];
        for (int f : TONES) {
            if (f < rate / 2) {
                double[] tone = Signals.sine(rate, input.length, f, TONE_AMPLITUDE, 0.1 * f);
                for (int n = 0; n < input.length; n++) {
                    input[n] += tone[n];
                }
            }
        }
        int[] x = Signals.quantize(input);
        int[] y = x.clone();
        new MultibandCompressor(params).process(new int[][] {y}, y.length);
        double[] in = Signals.toDouble(x);
        double[] out = Signals.toDouble(y);
        for (int f : TONES) {
            Phasor p = Phasor.of(out, rate, f, rate / 2, rate);
            Phasor q = Phasor.of(in, rate, f, rate / 2, rate);
            double[] h = expected.apply(f);
            double magnitudeError = p.gainDbRelativeTo(q) - 10 * Math.log10(h[0] * h[0] + h[1] * h[1]);
            double phaseError = Math.IEEEremainder(p.phaseRelativeTo(q) - Math.atan2(h[1], h[0]), 2 * Math.PI);
            assertTrue(Math.abs(magnitudeError) <= 0.01, f + " Hz: magnitude off by " + magnitudeError + " dB");
            assertTrue(Math.abs(phaseError) <= 1e-3, f + " Hz: phase off by " + phaseError + " rad");
        }
    }

    @ParameterizedTest(name = "{0} Hz, crossovers {1}")
    @MethodSource("splits")
    void unityBandsGiveTheAllpassChainOnNoise(int rate, List<Double> crossovers) {
        double[] noise = Signals.whiteNoise(5, rate, -12);
        int[] y = Signals.quantize(noise);
        double[] expected = Signals.toDouble(y);
        new MultibandCompressor(unity(rate, 1, crossovers)).process(new int[][] {y}, y.length);
        for (double f : crossovers) {
            double[][] low = {expected.clone()};
            double[][] high = {expected};
            lr4Filter(Pass.LOWPASS, rate, f).process(low, expected.length);
            lr4Filter(Pass.HIGHPASS, rate, f).process(high, expected.length);
            for (int n = 0; n < expected.length; n++) {
                expected[n] += low[0][n];
            }
        }
        ErrorStats error = ErrorStats.between(y, expected);
        assertTrue(error.rmsDbfs() <= -130 && error.peakDbfs() <= -115, error.toString());
    }

    static MultibandParams unity(int rate, int channels, List<Double> crossovers) {
        return MultibandParams.of(rate, channels, crossovers,
                Collections.nCopies(crossovers.size() + 1, CompressorParams.unity()));
    }

    private static BiquadCascadeReference lr4Filter(Pass pass, int rate, double f) {
        List<QuantizedBiquad> sections = new ArrayList<>();
        for (BiquadCoefficients c : CrossoverDesign.linkwitzRiley(pass, 4, rate, f)) {
            sections.add(QuantizedBiquad.of(c));
        }
        return new BiquadCascadeReference(List.of(sections));
    }
}
