package org.cabintune.hu.engine;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.Allocation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestSignalSourceTest {

    private static final int FS = 48000;

    private static int[] render(Source source, int frames, int block) {
        int[][] buffer = new int[source.channels()][block];
        int[] out = new int[frames];
        for (int at = 0; at < frames; at += block) {
            int n = Math.min(block, frames - at);
            assertEquals(n, assertDoesNotThrowRead(source, buffer, n));
            for (int c = 1; c < source.channels(); c++) {
                assertArrayEquals(buffer[0], buffer[c], "every channel carries the same signal");
            }
            System.arraycopy(buffer[0], 0, out, at, n);
        }
        return out;
    }

    private static int assertDoesNotThrowRead(Source source, int[][] buffer, int n) {
        try {
            return source.read(buffer, n);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sineHasItsPeakAndFrequency() {
        int[] x = render(TestSignals.sine(2, FS, 1000, -6), FS, 128);
        double peak = 0;
        int rising = 0;
        for (int i = 0; i < x.length; i++) {
            peak = Math.max(peak, Math.abs(Q824.toDouble(x[i])));
            if (i > 0 && x[i - 1] < 0 && x[i] >= 0) {
                rising++;
            }
        }
        assertEquals(Q824.dbToGain(-6), peak, 1e-6);
        assertEquals(1000, rising, 1, "rising zero crossings in one second");
    }

    @Test
    void pinkNoiseIsDeterministicAtItsLevelAndFallsThreeDecibelsPerOctave() {
        int frames = 1 << 18;
        int[] x = render(TestSignals.pink(1, FS, -20, 42), frames, 100);
        assertArrayEquals(x, render(TestSignals.pink(1, FS, -20, 42), frames, 64), "same seed, same noise");
        double sum = 0;
        for (int v : x) {
            sum += Q824.toDouble(v) * Q824.toDouble(v);
        }
        assertEquals(-20, 10 * Math.log10(sum / frames), 0.5, "RMS level");
        double[] power = Spectrum.power(x, 1 << 14);
        double binHz = (double) FS / (1 << 14);
        double low = Spectrum.band(power, binHz, 100, 200);
        for (double f = 200; f < 12800; f *= 2) {
            double band = Spectrum.band(power, binHz, f, 2 * f);
            assertEquals(10 * Math.log10(low), 10 * Math.log10(band), 1.0,
                    "equal power per octave (pink) in " + f + ".." + 2 * f + " Hz");
        }
    }

    @Test
    void sweepFadesInAndOutRisesLogarithmicallyAndRestsInItsGap() {
        double seconds = 1.0;
        int[] x = render(TestSignals.sweep(1, FS, 100, 10000, seconds, -3, 20, 0.5), 2 * FS, 128);
        int sweep = (int) (seconds * FS);
        assertEquals(0, x[0], "starts at zero");
        double peakInFade = 0;
        for (int i = 0; i < 48; i++) {
            peakInFade = Math.max(peakInFade, Math.abs(Q824.toDouble(x[i])));
        }
        assertTrue(peakInFade < 0.01, "the first millisecond is still fading in: " + peakInFade);
        assertTrue(Math.abs(Q824.toDouble(x[sweep - 1])) < 1e-4, "ends at zero");
        for (int i = sweep; i < sweep + FS / 2; i++) {
            assertEquals(0, x[i], "gap is silence at " + i);
        }
        assertEquals(x[4800], x[sweep + FS / 2 + 4800], "the next sweep repeats the first");
        // Instantaneous frequency at the middle: the geometric mean of f1 and f2 (1 kHz).
        int mid = sweep / 2;
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = mid - 2400; i < mid + 2400; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                first = first < 0 ? i : first;
                last = i;
                crossings++;
            }
        }
        double hz = (crossings - 1) * (double) FS / (last - first);
        assertEquals(1000, hz, 15);
    }

    @Test
    void generatingAllocatesNothing() {
        for (TestSignalSource s : new TestSignalSource[] {TestSignals.sine(8, FS, 440, -10), TestSignals.pink(8, FS, -20, 1),
                TestSignals.sweep(8, FS, 20, 20000, 2, -6, 10, 1)}) {
            int[][] block = new int[8][128];
            assertEquals(0, Allocation.bytesAllocatedBy(() -> s.read(block, 128), 5000), s.toString());
        }
    }

    @Test
    void refusesArgumentsItCannotHonour() {
        assertThrows(IllegalArgumentException.class, () -> TestSignals.sine(2, FS, 30000, -6));
        assertThrows(IllegalArgumentException.class, () -> TestSignals.sine(2, FS, 1000, 3));
        assertThrows(IllegalArgumentException.class, () -> TestSignals.pink(2, FS, -3, 1));
        assertThrows(IllegalArgumentException.class, () -> TestSignals.sweep(2, FS, 2000, 200, 1, -6, 10, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestSignals.sweep(2, FS, 20, 20000, 0.01, -6, 10, 0));
        assertTrue(e.getMessage().startsWith("seconds = 0.01"), e.getMessage());
    }
}
