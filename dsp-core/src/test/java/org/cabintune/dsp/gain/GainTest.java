package org.cabintune.dsp.gain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cabintune.dsp.Q527;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.AcrossSampleRates;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.testing.Twins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GainTest {

    private static final double[] GAINS_DB = {0.0, -6.0, 12.0, 24.0, -60.0, Double.NEGATIVE_INFINITY};

    static Stream<Arguments> ratesAndSignals() {
        return SampleRates.crossedWith("noise", "sweep");
    }

    static double[] signal(String kind, int rate, int frames) {
        return switch (kind) {
            case "noise" -> Signals.whiteNoise(1234, frames, -12.0);
            case "sweep" -> Signals.logSweep(rate, frames, 20, 20_000, 0.5);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("ratesAndSignals")
    void tracksTwinWhileSteadyAndRamping(int rate, String kind) {
        GainParams params = GainParams.ofDb(rate, GAINS_DB);
        Gain gain = new Gain(params);
        GainReference twin = new GainReference(params);
        int[][] input = Twins.onChannels(signal(kind, rate, rate / 2), GAINS_DB.length);
        int half = rate / 4;
        int[][] first = slice(input, 0, half);
        int[][] second = slice(input, half, input[0].length);

        Twins.Outputs a = Twins.run(gain, twin, first);
        for (int c = 0; c < GAINS_DB.length; c++) {
            double to = GAINS_DB[GAINS_DB.length - 1 - c];
            gain.setTargetDb(c, to);
            twin.setTargetDb(c, to);
        }
        Twins.Outputs b = Twins.run(gain, twin, second);

        for (ErrorStats e : List.of(a.errors(), b.errors())) {
            assertTrue(e.rmsDbfs() <= -130 && e.peakDbfs() <= -110, e.toString());
        }
    }

    @AcrossSampleRates
    void silenceStaysExactlySilentWhileRamping(int rate) {
        Gain gain = new Gain(GainParams.ofDb(rate, 24.0, 0.0));
        int[][] x = new int[2][rate / 10];
        gain.setTargetDb(0, -3.0);
        gain.setTargetDb(1, 24.0);
        gain.process(x, x[0].length);
        assertArrayEquals(new int[rate / 10], x[0]);
        assertArrayEquals(new int[rate / 10], x[1]);
    }

    static Stream<Arguments> steps() {
        double mute = Double.NEGATIVE_INFINITY;
        return SampleRates.crossedWith(new Object[] {0.0, mute}, new Object[] {mute, 0.0},
                new Object[] {-20.0, 24.0}, new Object[] {24.0, mute});
    }

    /** The documented bound: own slope times the larger gain, plus ramp step times |x|. */
    @ParameterizedTest(name = "{0} Hz, {1} dB -> {2} dB")
    @MethodSource("steps")
    void stepOnSineHasNoJumpBeyondSlopePlusRampStep(int rate, double fromDb, double toDb) {
        GainParams params = GainParams.ofDb(rate, fromDb);
        Gain gain = new Gain(params);
        int n = params.rampSamples();
        int lead = 100;
        int[] x = Signals.quantize(Signals.sine(rate, lead + 2 * n, 997.0, 0.5, 0.3));
        int[] y = x.clone();
        gain.process(new int[][] {y}, lead);
        gain.setTargetDb(0, toDb);
        for (int at = lead; at < y.length; at += 128) {
            int len = Math.min(128, y.length - at);
            int[] period = Arrays.copyOfRange(y, at, at + len);
            gain.process(new int[][] {period}, len);
            System.arraycopy(period, 0, y, at, len);
        }
        double g0 = GainParams.linear(fromDb);
        double g1 = GainParams.linear(toDb);
        double rampStep = Math.abs(g1 - g0) / n;
        for (int i = 1; i < y.length; i++) {
            double bound = Math.max(g0, g1) * Math.abs(Q824.toDouble(x[i]) - Q824.toDouble(x[i - 1]))
                    + rampStep * Math.abs(Q824.toDouble(x[i - 1])) + 2 * Q824.LSB;
            double jump = Math.abs(Q824.toDouble(y[i]) - Q824.toDouble(y[i - 1]));
            assertTrue(jump <= bound, "jump " + jump + " > bound " + bound + " at sample " + i);
        }
        if (g1 == 0) {
            for (int i = lead + n; i < y.length; i++) {
                assertEquals(0, y[i], "sample " + i + " after the mute ramp");
            }
        }
    }

    @AcrossSampleRates
    void muteIsExactlyZeroFromTheLastRampSampleOn(int rate) {
        GainParams params = GainParams.ofDb(rate, 6.0).withRampMs(3.7);
        Gain gain = new Gain(params);
        gain.setTargetDb(0, Double.NEGATIVE_INFINITY);
        int n = params.rampSamples();
        int[] y = Signals.quantize(Signals.whiteNoise(7, 3 * n, 0.0));
        gain.process(new int[][] {y}, y.length);
        assertTrue(y[n - 2] != 0, "still audible before the end of the ramp");
        for (int i = n - 1; i < y.length; i++) {
            assertEquals(0, y[i], "sample " + i);
        }
        assertFalse(gain.isRamping(0));
        assertEquals(0.0, gain.currentGain(0));
    }

    @Test
    void unityIsBitExactAndDefaultRampIsTenMilliseconds() {
        GainParams params = GainParams.ofDb(48_000, 0.0);
        assertEquals(480, params.rampSamples());
        int[] x = Signals.quantize(Signals.whiteNoise(3, 1000, 0.0));
        int[] y = x.clone();
        new Gain(params).process(new int[][] {y}, y.length);
        assertArrayEquals(x, y);
    }

    @Test
    void fullScaleInputsWithGainSaturateAndNeverWrapSign() {
        Gain gain = new Gain(GainParams.ofDb(48_000, 24.0, 24.0).withRampMs(1.0));
        int[] pos = {Q824.MAX, Q824.fromDouble(100.0), Q824.fromDouble(8.1), Q824.ONE};
        int[] neg = {Q824.MIN, Q824.fromDouble(-100.0), Q824.fromDouble(-8.1), -Q824.ONE};
        gain.process(new int[][] {pos, neg}, pos.length);
        assertArrayEquals(new int[] {Q824.MAX, Q824.MAX, Q824.MAX, Q527.multiply(Q824.ONE,
                Q527.fromDouble(GainParams.MAX_LINEAR))}, pos);
        assertEquals(Q824.MIN, neg[0]);
        assertEquals(Q824.MIN, neg[1]);
        assertEquals(Q824.MIN, neg[2]);
        assertTrue(neg[3] < 0);
        gain.setTargetLinear(0, 1e9);
        assertEquals(GainParams.MAX_LINEAR, gain.currentGain(0) , 1e-3, "clamped, not wrapped");
    }

    @Test
    void processAndSetTargetAllocateNothing() {
        Gain gain = new Gain(GainParams.ofDb(48_000, 0.0, -6.0));
        int[][] buffer = {Signals.quantize(Signals.whiteNoise(1, 128, -12)), new int[128]};
        int[] toggle = {0};
        long bytes = Allocation.bytesAllocatedBy(() -> {
            if (toggle[0]++ % 8 == 0) {
                gain.setTargetDb(0, toggle[0] % 16 == 1 ? -12.0 : Double.NEGATIVE_INFINITY);
                gain.setTargetLinear(1, 0.5);
            }
            gain.process(buffer, 128);
        }, 20_000);
        assertEquals(0, bytes);
    }

    @Test
    void rejectsOutOfRangeParametersNamingFieldValueAndRange() {
        var tooLoud = assertThrows(IllegalArgumentException.class,
                () -> GainParams.ofDb(48_000, 0.0, 30.0));
        assertEquals("gainsDb[1] = 30.0 dB is outside the allowed range -inf .. 24.0 dB",
                tooLoud.getMessage());
        var ramp = assertThrows(IllegalArgumentException.class,
                () -> GainParams.ofDb(48_000, 0.0).withRampMs(-1));
        assertEquals("rampMs = -1.0 ms is outside the allowed range 0.0 .. 10000.0 ms",
                ramp.getMessage());
        var rate = assertThrows(IllegalArgumentException.class, () -> GainParams.ofDb(1000, 0.0));
        assertTrue(rate.getMessage().startsWith("sampleRate = 1000 Hz is outside"), rate.getMessage());
        var linear = assertThrows(IllegalArgumentException.class,
                () -> GainParams.ofLinear(48_000, -0.5));
        assertTrue(linear.getMessage().startsWith("gains[0] = -0.5 is outside"), linear.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GainParams.ofDb(48_000));
    }

    private static int[][] slice(int[][] x, int from, int to) {
        int[][] s = new int[x.length][];
        for (int c = 0; c < x.length; c++) {
            s[c] = Arrays.copyOfRange(x[c], from, to);
        }
        return s;
    }
}
