package org.cabintune.dsp.dc;

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

class DcBlockerTest {

    static Stream<Arguments> ratesAndSignals() {
        return SampleRates.crossedWith("noise", "sweep");
    }

    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("ratesAndSignals")
    void tracksTwinOnNoiseAndSweep(int rate, String kind) {
        double[] signal = kind.equals("noise") ? Signals.whiteNoise(21, rate, -12.0)
                : Signals.logSweep(rate, rate, 20, 20_000, 0.5);
        for (double corner : new double[] {1.0, 5.0, 20.0}) {
            DcBlockerParams params = new DcBlockerParams(rate, 2, corner);
            Twins.Outputs out = Twins.run(new DcBlocker(params), new DcBlockerReference(params),
                    Twins.onChannels(signal, 2));
            ErrorStats e = out.errors();
            assertTrue(e.rmsDbfs() <= -130 && e.peakDbfs() <= -110, corner + " Hz: " + e);
        }
    }

    @AcrossSampleRates
    void silenceGivesExactZeros(int rate) {
        int[][] x = new int[2][rate];
        new DcBlocker(DcBlockerParams.of(rate, 2)).process(x, rate);
        assertArrayEquals(new int[2][rate], x);
    }

    static Stream<Arguments> ratesAndCorners() {
        return SampleRates.crossedWith(1.0, 5.0, 20.0);
    }

    /** A decaying first-order state must reach exact zero output and stay there. */
    @ParameterizedTest(name = "{0} Hz, corner {1} Hz")
    @MethodSource("ratesAndCorners")
    void returnsToExactZeroAfterSignalThenSilenceWithoutLimitCycle(int rate, double corner) {
        DcBlocker blocker = new DcBlocker(new DcBlockerParams(rate, 2, corner));
        // A loud burst riding on a DC offset leaves the largest state behind.
        double[] burst = Signals.whiteNoise(4, rate / 5, 0.0);
        for (int i = 0; i < burst.length; i++) {
            burst[i] += 0.5;
        }
        int[][] loud = Twins.onChannels(burst, 2);
        blocker.process(loud, burst.length);
        int seconds = corner < 2 ? 4 : 2;
        int[][] silence = new int[2][seconds * rate];
        blocker.process(silence, silence[0].length);
        // From y0 <= 256 down to half an LSB (2^-25) takes ln(2^33) / (2 pi fc) seconds.
        int settled = (int) Math.ceil(Math.log(0x1p33) / (2 * Math.PI * corner) * rate);
        for (int c = 0; c < 2; c++) {
            for (int i = settled; i < silence[c].length; i++) {
                assertEquals(0, silence[c][i], "channel " + c + " sample " + i);
            }
        }
    }

    @AcrossSampleRates
    void constantOffsetDecaysToExactZero(int rate) {
        int[] x = new int[3 * rate];
        Arrays.fill(x, Q824.fromDouble(-0.7));
        new DcBlocker(DcBlockerParams.of(rate, 1)).process(new int[][] {x}, x.length);
        for (int i = 2 * rate; i < x.length; i++) {
            assertEquals(0, x[i], "sample " + i);
        }
    }

    @AcrossSampleRates
    void cornerIsMinus3DbAndResponseMatchesDesign(int rate) {
        DcBlockerParams params = DcBlockerParams.of(rate, 1);
        assertEquals(-3.0103, gainDb(rate, 5.0), 0.001);
        for (double f : new double[] {2.0, 20.0, 100.0, 1000.0, 10_000.0}) {
            assertEquals(designGainDb(params, f), gainDb(rate, f), 0.0005, f + " Hz");
        }
        assertEquals(-0.26, gainDb(rate, 20.0), 0.01);
        double shelf = gainDb(rate, 10_000.0);
        assertTrue(shelf > 0 && shelf < 0.004, "high-frequency gain 2/(1+R): " + shelf + " dB");
    }

    @Test
    void fullScaleStepSaturatesWithoutWrapping() {
        int[] x = {Q824.MIN, Q824.MAX, Q824.MAX, Q824.MIN, Q824.MIN};
        new DcBlocker(DcBlockerParams.of(48_000, 1)).process(new int[][] {x}, x.length);
        assertEquals(Q824.MIN, x[0]);
        assertEquals(Q824.MAX, x[1], "+256 saturates to the top, not to a negative wrap");
        assertTrue(x[2] > 0);
        assertEquals(Q824.MIN, x[3]);
        assertTrue(x[4] < 0);
    }

    @Test
    void processAllocatesNothing() {
        DcBlocker blocker = new DcBlocker(DcBlockerParams.of(48_000, 2));
        int[][] buffer = Twins.onChannels(Signals.whiteNoise(1, 128, -12), 2);
        assertEquals(0, Allocation.bytesAllocatedBy(() -> blocker.process(buffer, 128), 20_000));
    }

    @Test
    void rejectsCornerOutsideOneToTwentyHertz() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new DcBlockerParams(48_000, 2, 30.0));
        assertEquals("cornerHz = 30.0 Hz is outside the allowed range 1.0 .. 20.0 Hz",
                e.getMessage());
        var ch = assertThrows(IllegalArgumentException.class, () -> DcBlockerParams.of(48_000, 0));
        assertEquals("channels = 0 is outside the allowed range 1 .. 64", ch.getMessage());
    }

    /** |H| of y = x - x1 + R y1 at f, from the design's R. */
    private static double designGainDb(DcBlockerParams params, double f) {
        double r = 1 - params.feedbackDecrement();
        double w = 2 * Math.PI * f / params.sampleRate();
        double num = 2 - 2 * Math.cos(w);
        double den = 1 - 2 * r * Math.cos(w) + r * r;
        return 10 * Math.log10(num / den);
    }

    /** Steady-state gain of the fixed-point blocker for a sine, after 1 s of settling. */
    private static double gainDb(int rate, double f) {
        int window = rate;
        double[] x = Signals.sine(rate, 2 * window, f, 0.5, 0.2);
        int[] q = Signals.quantize(x);
        new DcBlocker(DcBlockerParams.of(rate, 1)).process(new int[][] {q}, q.length);
        Phasor in = Phasor.of(x, rate, f, window, window);
        Phasor out = Phasor.of(Signals.toDouble(q), rate, f, window, window);
        return out.gainDbRelativeTo(in);
    }
}
