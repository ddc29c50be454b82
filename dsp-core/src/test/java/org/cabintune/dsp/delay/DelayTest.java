package org.cabintune.dsp.delay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.AcrossSampleRates;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.Phasor;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.testing.Twins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DelayTest {

    /** Whole, fractional, sub-half-sample and maximum delays. */
    private static final double[] DELAYS_MS = {0.0, 0.31, 1.0, 0.004, 5.0123, 12.3456, 20.0};

    static Stream<Arguments> ratesAndSignals() {
        return SampleRates.crossedWith("noise", "sweep");
    }

    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("ratesAndSignals")
    void tracksTwinOnNoiseAndSweep(int rate, String kind) {
        DelayParams params = DelayParams.ofMs(rate, DELAYS_MS);
        double[] signal = kind.equals("noise") ? Signals.whiteNoise(99, rate / 2, -12.0)
                : Signals.logSweep(rate, rate / 2, 20, 20_000, 0.5);
        Twins.Outputs out = Twins.run(new Delay(params), new DelayReference(params),
                Twins.onChannels(signal, DELAYS_MS.length));
        ErrorStats e = out.errors();
        assertTrue(e.rmsDbfs() <= -130 && e.peakDbfs() <= -110, e.toString());
    }

    static Stream<Arguments> wholeDelays() {
        return SampleRates.crossedWith(0, 1, 17, 480);
    }

    @ParameterizedTest(name = "{0} Hz, {1} samples")
    @MethodSource("wholeDelays")
    void wholeSampleDelaysAreBitExactShifts(int rate, int samples) {
        int max = (int) Math.round(DelayParams.MAX_MS * rate / 1000);
        Delay delay = new Delay(DelayParams.ofSamples(rate, samples, max));
        int[] x = Signals.quantize(Signals.whiteNoise(8, 3 * max, 0.0));
        int[][] y = {x.clone(), x.clone()};
        for (int at = 0; at < x.length; at += 100) {
            int n = Math.min(100, x.length - at);
            int[][] period = {Arrays.copyOfRange(y[0], at, at + n),
                Arrays.copyOfRange(y[1], at, at + n)};
            delay.process(period, n);
            System.arraycopy(period[0], 0, y[0], at, n);
            System.arraycopy(period[1], 0, y[1], at, n);
        }
        assertArrayEquals(shifted(x, samples), y[0]);
        assertArrayEquals(shifted(x, max), y[1]);
    }

    static Stream<Arguments> fractionalDelays() {
        return SampleRates.crossedWith(0.25, 0.5, 1.3, 14.88, 100.75, 479.5);
    }

    @ParameterizedTest(name = "{0} Hz, {1} samples")
    @MethodSource("fractionalDelays")
    void lowFrequencyGroupDelayMatchesRequestWithinOneHundredthSample(int rate, double samples) {
        double tau = groupDelay(rate, samples, 100, 200);
        assertEquals(samples, tau, 0.01);
    }

    @AcrossSampleRates
    void magnitudeIsFlatWithinOneHundredthDbUpTo20kHz(int rate) {
        for (double delay : new double[] {0.25, 0.5, 0.8, 1.3, 14.88}) {
            Delay block = new Delay(DelayParams.ofSamples(rate, delay));
            for (double f : new double[] {100, 1000, 5000, 10_000, 15_000, 20_000}) {
                Phasor[] io = measure(block, rate, f);
                double db = io[1].gainDbRelativeTo(io[0]);
                assertEquals(0.0, db, 0.01, f + " Hz at " + delay + " samples");
                block.reset();
            }
        }
    }

    @AcrossSampleRates
    void responseIsWhatTheBlockRealises(int rate) {
        for (double delay : new double[] {0.25, 0.8, 14.0, 14.88, 100.75}) {
            Delay block = new Delay(DelayParams.ofSamples(rate, delay));
            for (double f : new double[] {100, 1000, 5000, 15_000}) {
                Phasor[] io = measure(block, rate, f);
                double[] h = Delay.realization(delay).response(f, rate);
                double gain = io[1].magnitude() / io[0].magnitude();
                double phase = io[1].phaseRelativeTo(io[0]);
                assertEquals(Math.hypot(h[0], h[1]), gain, 1e-5, f + " Hz at " + delay + " samples");
                assertEquals(0, Math.IEEEremainder(phase - Math.atan2(h[1], h[0]), 2 * Math.PI), 1e-5,
                        f + " Hz at " + delay + " samples");
                block.reset();
            }
        }
    }

    @AcrossSampleRates
    void silenceGivesExactZerosAlsoAfterSignal(int rate) {
        Delay delay = new Delay(DelayParams.ofMs(rate, 0.31, 0.004, 5.0));
        int[][] silent = new int[3][rate / 10];
        delay.process(silent, silent[0].length);
        assertArrayEquals(new int[3][rate / 10], silent);

        int[][] loud = Twins.onChannels(Signals.whiteNoise(3, rate / 10, 0.0), 3);
        delay.process(loud, loud[0].length);
        int[][] after = new int[3][rate / 10];
        delay.process(after, after[0].length);
        int settle = (int) Math.ceil(5.0 * rate / 1000) + 64;
        for (int c = 0; c < 3; c++) {
            for (int i = settle; i < after[c].length; i++) {
                assertEquals(0, after[c][i], "channel " + c + " sample " + i);
            }
        }
    }

    @Test
    void fullScaleNyquistThroughAllpassSaturatesWithoutWrapping() {
        DelayParams params = DelayParams.ofSamples(48_000, 0.5);
        int[] x = new int[64];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? Q824.MAX : Q824.MIN;
        }
        Twins.Outputs out = Twins.run(new Delay(params), new DelayReference(params), new int[][] {x});
        for (int i = 0; i < x.length; i++) {
            double expected = Math.clamp(out.reference()[0][i], -128.0, 128.0);
            double actual = Q824.toDouble(out.fixed()[0][i]);
            assertEquals(expected, actual, 1e-6, "sample " + i);
        }
    }

    @Test
    void processAllocatesNothing() {
        Delay delay = new Delay(DelayParams.ofMs(48_000, 0.0, 1.0, 0.31, 20.0));
        int[][] buffer = Twins.onChannels(Signals.whiteNoise(1, 128, -12), 4);
        assertEquals(0, Allocation.bytesAllocatedBy(() -> delay.process(buffer, 128), 20_000));
    }

    @Test
    void rejectsDelaysOutsideZeroToTwentyMilliseconds() {
        var tooLong = assertThrows(IllegalArgumentException.class,
                () -> DelayParams.ofMs(48_000, 1.0, 25.0));
        assertEquals("delayMs[1] = 25.0 ms is outside the allowed range 0.0 .. 20.0 ms",
                tooLong.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> DelayParams.ofMs(48_000, -0.1));
        assertTrue(negative.getMessage().startsWith("delayMs[0] = -0.1 ms"), negative.getMessage());
    }

    /** -dphi/domega between two low frequencies, unwrapped around the requested delay. */
    private static double groupDelay(int rate, double samples, double f1, double f2) {
        Delay block = new Delay(DelayParams.ofSamples(rate, samples));
        double phi1 = phase(block, rate, f1, samples);
        block.reset();
        double phi2 = phase(block, rate, f2, samples);
        return -(phi2 - phi1) / (2 * Math.PI * (f2 - f1) / rate);
    }

    private static double phase(Delay block, int rate, double f, double expectedDelay) {
        Phasor[] io = measure(block, rate, f);
        double wrapped = io[1].phaseRelativeTo(io[0]);
        double expected = -2 * Math.PI * f / rate * expectedDelay;
        return wrapped + 2 * Math.PI * Math.rint((expected - wrapped) / (2 * Math.PI));
    }

    /** Input and output phasors of a steady sine, after the delay line and transient fill. */
    private static Phasor[] measure(Delay block, int rate, double f) {
        int settle = (int) block.delaySamples(0) + 4096;
        int window = rate / 10;
        double[] x = Signals.sine(rate, settle + window, f, 0.5, 0.1);
        int[] q = Signals.quantize(x);
        block.process(new int[][] {q}, q.length);
        double[] in = Signals.toDouble(Signals.quantize(x));
        return new Phasor[] {Phasor.of(in, rate, f, settle, window),
            Phasor.of(Signals.toDouble(q), rate, f, settle, window)};
    }

    private static int[] shifted(int[] x, int by) {
        int[] y = new int[x.length];
        System.arraycopy(x, 0, y, by, x.length - by);
        return y;
    }
}
