package org.cabintune.dsp.filter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterDesignTest {

    private static final double[] RATES = {44100, 48000, 96000};

    /** Every section type at extreme and ordinary settings, at every supported rate. */
    static Stream<Arguments> sections() {
        List<Arguments> cases = new ArrayList<>();
        for (double fs : RATES) {
            cases.add(Arguments.of("peaking 20 Hz Q10 +6", fs, FilterDesign.peaking(fs, 20, 10, 6)));
            cases.add(Arguments.of("peaking 20 Hz Q10 -12", fs, FilterDesign.peaking(fs, 20, 10, -12)));
            cases.add(Arguments.of("peaking 1 kHz Q2 -6", fs, FilterDesign.peaking(fs, 1000, 2, -6)));
            cases.add(Arguments.of("peaking 12 kHz Q5 +18", fs, FilterDesign.peaking(fs, 12000, 5, 18)));
            cases.add(Arguments.of("lowshelf 100 Hz +6", fs, FilterDesign.lowShelf(fs, 100, 0.7, 6)));
            cases.add(Arguments.of("lowshelf 30 Hz -12", fs, FilterDesign.lowShelf(fs, 30, 0.7, -12)));
            cases.add(Arguments.of("highshelf 8 kHz +18", fs, FilterDesign.highShelf(fs, 8000, 0.7, 18)));
            cases.add(Arguments.of("highshelf 8 kHz -4", fs, FilterDesign.highShelf(fs, 8000, 0.7, -4)));
            cases.add(Arguments.of("lowpass 80 Hz", fs, FilterDesign.lowpass(fs, 80, 0.707)));
            cases.add(Arguments.of("lowpass 15 Hz Q2", fs, FilterDesign.lowpass(fs, 15, 2)));
            cases.add(Arguments.of("highpass 20 Hz", fs, FilterDesign.highpass(fs, 20, 0.707)));
            cases.add(Arguments.of("highpass 3.5 kHz", fs, FilterDesign.highpass(fs, 3500, 0.707)));
            cases.add(Arguments.of("bandpass 500 Hz", fs, FilterDesign.bandpass(fs, 500, 3)));
            cases.add(Arguments.of("notch 50 Hz", fs, FilterDesign.notch(fs, 50, 5)));
            cases.add(Arguments.of("allpass 200 Hz", fs, FilterDesign.allpass(fs, 200, 0.7)));
            cases.add(Arguments.of("lowpass1 500 Hz", fs, FilterDesign.lowpass1(fs, 500)));
            cases.add(Arguments.of("highpass1 20 Hz", fs, FilterDesign.highpass1(fs, 20)));
            cases.add(Arguments.of("allpass1 1 kHz", fs, FilterDesign.allpass1(fs, 1000)));
            cases.add(Arguments.of("lowshelf1 200 Hz +9", fs, FilterDesign.lowShelf1(fs, 200, 9)));
            cases.add(Arguments.of("highshelf1 5 kHz -9", fs, FilterDesign.highShelf1(fs, 5000, -9)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1} Hz")
    @MethodSource("sections")
    void quantisedResponseMatchesDesignWithinHundredthOfDb(String label, double fs, BiquadCoefficients design) {
        BiquadCoefficients realized = QuantizedBiquad.of(design).realized();
        for (double f = 5; f < 0.49 * fs; f *= 1.01) {
            double want = design.magnitudeDb(f, fs);
            if (want < -60) {
                continue; // the bottom of a notch or a stop band: dB of almost nothing
            }
            assertEquals(want, realized.magnitudeDb(f, fs), 0.01, label + " at " + f + " Hz");
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44100, 48000, 96000})
    void peakingAndShelvesHitTheirGains(double fs) {
        assertEquals(6, FilterDesign.peaking(fs, 20, 10, 6).magnitudeDb(20, fs), 1e-9);
        assertEquals(-12, FilterDesign.peaking(fs, 1000, 1.4, -12).magnitudeDb(1000, fs), 1e-9);
        assertEquals(6, FilterDesign.lowShelf(fs, 100, 0.7, 6).magnitudeDb(1, fs), 0.01);
        assertEquals(3, FilterDesign.lowShelf(fs, 100, 0.7, 6).magnitudeDb(100, fs), 1e-9);
        assertEquals(-4, FilterDesign.highShelf(fs, 8000, 0.7, -4).magnitudeDb(fs / 2, fs), 1e-9);
        assertEquals(-2, FilterDesign.highShelf(fs, 8000, 0.7, -4).magnitudeDb(8000, fs), 1e-9);
        assertEquals(9, FilterDesign.lowShelf1(fs, 200, 9).magnitudeDb(0, fs), 1e-9);
        assertEquals(4.5, FilterDesign.lowShelf1(fs, 200, 9).magnitudeDb(200, fs), 1e-9);
        assertEquals(-9, FilterDesign.highShelf1(fs, 5000, -9).magnitudeDb(fs / 2, fs), 1e-9);
        assertEquals(-4.5, FilterDesign.highShelf1(fs, 5000, -9).magnitudeDb(5000, fs), 1e-9);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44100, 48000, 96000})
    void passBandNotchAndAllPassShapes(double fs) {
        assertEquals(0, FilterDesign.bandpass(fs, 500, 3).magnitudeDb(500, fs), 1e-9);
        assertTrue(FilterDesign.notch(fs, 50, 5).magnitudeDb(50, fs) < -200);
        assertEquals(-3.0103, FilterDesign.lowpass(fs, 80, Math.sqrt(0.5)).magnitudeDb(80, fs), 1e-4);
        assertEquals(-3.0103, FilterDesign.highpass1(fs, 20).magnitudeDb(20, fs), 1e-4);
        for (double f = 10; f < fs / 2; f *= 1.1) {
            assertEquals(0, FilterDesign.allpass(fs, 200, 0.7).magnitudeDb(f, fs), 1e-9);
            assertEquals(0, FilterDesign.allpass1(fs, 1000).magnitudeDb(f, fs), 1e-9);
        }
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void butterworthMatchesTheBilinearPrototype(int order) {
        double fs = 48000, fc = 1000;
        for (CrossoverDesign.Pass pass : CrossoverDesign.Pass.values()) {
            List<BiquadCoefficients> cascade = CrossoverDesign.butterworth(pass, order, fs, fc);
            for (double f = 10; f < 0.49 * fs; f *= 1.05) {
                double ratio = Math.tan(Math.PI * f / fs) / Math.tan(Math.PI * fc / fs);
                double r = pass == CrossoverDesign.Pass.LOWPASS ? ratio : 1 / ratio;
                double want = -10 * Math.log10(1 + Math.pow(r, 2 * order));
                assertEquals(want, BiquadCoefficients.magnitudeDb(cascade, f, fs), 1e-6, pass + " at " + f);
            }
        }
    }

    @ParameterizedTest(name = "LR{0}")
    @ValueSource(ints = {2, 4, 6, 8})
    void linkwitzRileyLowAndHighSumFlat(int order) {
        for (double fs : RATES) {
            for (double fc : new double[] {25, 80, 3500}) {
                List<BiquadCoefficients> lp = quantised(CrossoverDesign.linkwitzRiley(CrossoverDesign.Pass.LOWPASS, order, fs, fc));
                List<BiquadCoefficients> hp = quantised(CrossoverDesign.linkwitzRiley(CrossoverDesign.Pass.HIGHPASS, order, fs, fc));
                assertEquals(-6.0206, BiquadCoefficients.magnitudeDb(lp, fc, fs), 0.01);
                // LR2 and LR6 sum flat with the high side inverted; LR4 and LR8 in phase.
                double sign = order % 4 == 0 ? 1 : -1;
                for (double f = 10; f < 0.49 * fs; f *= 1.02) {
                    double[] l = BiquadCoefficients.response(lp, f, fs);
                    double[] h = BiquadCoefficients.response(hp, f, fs);
                    double re = l[0] + sign * h[0], im = l[1] + sign * h[1];
                    assertEquals(0, 10 * Math.log10(re * re + im * im), 0.01, "LR" + order + " " + fc + " Hz at " + f);
                }
            }
        }
    }

    private static List<BiquadCoefficients> quantised(List<BiquadCoefficients> design) {
        return design.stream().map(c -> QuantizedBiquad.of(c).realized()).toList();
    }
}
