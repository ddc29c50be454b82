package org.cabintune.hu.engine;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
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

    /**
     * The sweep is the tuner's stimulus sample for sample (SweepGenerator, Q8.24), then the gap,
     * repeated: what the head unit plays is exactly what the tuner analyses.
     */
    @Test
    void sweepIsTheTunersStimulusThenItsGapRepeated() {
        SweepSpec spec = new SweepSpec(FS, 100, 10000, 1.0, -3, false);
        int gap = FS / 2;
        SweepGenerator generator = new SweepGenerator(spec);
        int total = generator.layout().total();
        int[] expected = new int[total];
        generator.fill(generator.layout().sweepChannel(), 0, expected, total);
        int[] x = render(TestSignals.stimulus(1, spec, gap), 2 * (total + gap), 128);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(x, 0, total), "the stimulus, bit for bit");
        for (int i = total; i < total + gap; i++) {
            assertEquals(0, x[i], "gap is silence at " + i);
        }
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(x, total + gap, 2 * total + gap), "then again");
    }

    /**
     * With timing markers the two channels of the tuner's stimulus play on the first two inputs,
     * bit for bit and in step, then the gap, repeated; any other input is silent.
     */
    @Test
    void aStimulusWithMarkersPlaysItsTwoChannelsOnTheFirstTwoInputs() throws Exception {
        SweepSpec spec = new SweepSpec(FS, 100, 10000, 0.5, -6, true);
        int gap = FS / 10;
        SweepGenerator generator = new SweepGenerator(spec);
        int total = generator.layout().total();
        TestSignalSource source = TestSignals.stimulus(3, spec, gap);
        int frames = 2 * (total + gap);
        int[][] x = new int[3][frames];
        int[][] block = new int[3][100];
        for (int at = 0; at < frames; at += 100) {
            int n = Math.min(100, frames - at);
            assertEquals(n, source.read(block, n));
            for (int c = 0; c < 3; c++) {
                System.arraycopy(block[c], 0, x[c], at, n);
            }
        }
        for (int c = 0; c < 2; c++) {
            int[] expected = new int[total];
            generator.fill(c == TestSignals.MARKER_INPUT ? 0 : 1, 0, expected, total);
            int[] cycle = java.util.Arrays.copyOf(expected, total + gap);
            assertArrayEquals(cycle, java.util.Arrays.copyOfRange(x[c], 0, total + gap), "input " + c);
            assertArrayEquals(cycle, java.util.Arrays.copyOfRange(x[c], total + gap, frames), "input " + c + " again");
        }
        assertArrayEquals(new int[frames], x[2], "the third input is silent");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestSignals.stimulus(1, spec, 0));
        assertTrue(e.getMessage().startsWith("channels = 1: a stimulus with timing markers"), e.getMessage());
    }

    @Test
    void generatingAllocatesNothing() {
        for (TestSignalSource s : new TestSignalSource[] {TestSignals.sine(8, FS, 440, -10), TestSignals.pink(8, FS, -20, 1),
                TestSignals.stimulus(8, new SweepSpec(FS, 20, 20000, 2, -6, false), FS),
                TestSignals.stimulus(8, new SweepSpec(FS, 20, 20000, 2, -6, true), FS)}) {
            int[][] block = new int[8][128];
            assertEquals(0, Allocation.bytesAllocatedBy(() -> s.read(block, 128), 5000), s.toString());
        }
    }

    @Test
    void refusesArgumentsItCannotHonour() {
        assertThrows(IllegalArgumentException.class, () -> TestSignals.sine(2, FS, 30000, -6));
        assertThrows(IllegalArgumentException.class, () -> TestSignals.sine(2, FS, 1000, 3));
        assertThrows(IllegalArgumentException.class, () -> TestSignals.pink(2, FS, -3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestSignals.stimulus(2, new SweepSpec(FS, 20, 20000, 2, -6, false), -1));
        assertTrue(e.getMessage().startsWith("gapFrames = -1"), e.getMessage());
    }
}
