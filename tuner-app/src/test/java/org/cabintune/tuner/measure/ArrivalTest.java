package org.cabintune.tuner.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.CrossoverDesign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArrivalTest {

    private static final int RATE = 48_000;
    private static final int N = 1 << 14;
    private static final double BIN = (double) RATE / N;

    /** A causal band-pass (Butterworth, minimum-phase) from lowHz to highHz, on the test's grid. */
    private static Transfer bandPass(double lowHz, double highHz) {
        List<BiquadCoefficients> sections = new java.util.ArrayList<>(
                CrossoverDesign.butterworth(CrossoverDesign.Pass.HIGHPASS, 2, RATE, lowHz));
        sections.addAll(CrossoverDesign.butterworth(CrossoverDesign.Pass.LOWPASS, 2, RATE, highHz));
        double[][] h = Rotation.response(sections, BIN, N / 2 + 1, RATE);
        return new Transfer(BIN, h[0], h[1]);
    }

    /** A real, smooth spectrum (a zero-phase pulse) centred on centreHz, times the given phasors. */
    private static Transfer pulse(double centreHz, double widthHz, double[] delays, double[] gains) {
        double[] re = new double[N / 2 + 1];
        double[] im = new double[N / 2 + 1];
        for (int k = 0; k < re.length; k++) {
            double f = k * BIN;
            double m = Math.exp(-Math.pow((f - centreHz) / widthHz, 2));
            for (int p = 0; p < delays.length; p++) {
                re[k] += gains[p] * m * Math.cos(-2 * Math.PI * f * delays[p]);
                im[k] += gains[p] * m * Math.sin(-2 * Math.PI * f * delays[p]);
            }
        }
        return new Transfer(BIN, re, im);
    }

    /** The old reading, the envelope's highest point, for comparison. */
    private static double envelopePeak(Transfer t) {
        double[] spectrum = new double[N];
        for (int k = 0; k <= N / 2; k++) {
            double w = Arrival.weight(k * BIN);
            Fft.set(spectrum, k, t.re()[k] * w, t.im()[k] * w);
        }
        return TimingMarkers.envelopePeak(spectrum, 0, N / 2).position() / RATE;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5, 0.77, 1.0, 110.9})
    void aDelayOfAFractionOfASampleMovesTheArrivalByExactlyThatMuch(double samples) {
        for (Transfer t : List.of(bandPass(1_800, 21_000), bandPass(45, 6_000), bandPass(25, 120))) {
            double delay = samples / RATE;
            assertEquals(Arrival.of(t) + delay, Arrival.of(t.delayed(delay)), 1e-8, "delay of " + samples + " samples");
        }
    }

    @Test
    void aSymmetricPulseArrivesAtItsCentre() {
        double at = 0.0123456;
        assertEquals(at, Arrival.of(pulse(4_000, 3_000, new double[] {at}, new double[] {1})), 1e-9);
        assertEquals(-at, Arrival.of(pulse(60, 40, new double[] {-at}, new double[] {1})), 1e-9);
    }

    /**
     * Two humps of nearly equal height, as a subwoofer's direct sound and a mode make: as the
     * second grows past the first, the envelope's highest point jumps from one to the other
     * while the arrival moves smoothly between them, and lies halfway when they are equal.
     */
    @Test
    void twoNearlyEqualHumpsMoveTheArrivalSmoothlyWhereTheHighestPointJumps() {
        double first = 0.010;
        double second = 0.0105;
        double separation = second - first;
        Transfer lower = pulse(6_000, 3_000, new double[] {first, second}, new double[] {1, 0.98});
        Transfer equal = pulse(6_000, 3_000, new double[] {first, second}, new double[] {1, 1});
        Transfer higher = pulse(6_000, 3_000, new double[] {first, second}, new double[] {1, 1.02});
        assertTrue(envelopePeak(higher) - envelopePeak(lower) > 0.9 * separation, "the highest point jumps");
        double moved = Arrival.of(higher) - Arrival.of(lower);
        assertTrue(moved > 0 && moved < 0.1 * separation, "the arrival moved " + moved * 1e6 + " us");
        assertEquals((first + second) / 2, Arrival.of(equal), 1e-9);
    }

    @Test
    void aSilentResponseHasNoArrival() {
        Transfer silent = new Transfer(BIN, new double[N / 2 + 1], new double[N / 2 + 1]);
        MeasurementException e = assertThrows(MeasurementException.class, () -> Arrival.of(silent));
        assertTrue(e.getMessage().contains("silent between 20 Hz and 20000 Hz"), e.getMessage());
    }
}
