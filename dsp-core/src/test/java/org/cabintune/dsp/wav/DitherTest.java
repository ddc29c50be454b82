package org.cabintune.dsp.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.cabintune.dsp.Q824;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DitherTest {

    private static final int SAMPLES = 1 << 20;

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24})
    void errorHasZeroMeanAndTheVarianceOfTpdfQuantization(int bits) {
        Dither dither = new Dither(bits);
        Random random = new Random(bits);
        int lsb = 1 << (25 - bits);
        double sum = 0;
        double sumSquares = 0;
        double worst = 0;
        for (int i = 0; i < SAMPLES; i++) {
            int x = random.nextInt(-Q824.ONE / 2, Q824.ONE / 2);
            double error = ((double) dither.quantize(x, bits) * lsb - x) / lsb;
            sum += error;
            sumSquares += error * error;
            worst = Math.max(worst, Math.abs(error));
        }
        double mean = sum / SAMPLES;
        double variance = sumSquares / SAMPLES - mean * mean;
        assertEquals(0.0, mean, 0.005, "mean error in LSB");
        // Rounding (1/12) plus TPDF of +-1 LSB (1/6): 1/4 LSB^2, the textbook figure.
        assertEquals(0.25, variance, 0.005, "error variance in LSB^2");
        // The dither spans +-1 LSB and rounding adds at most half an LSB.
        assertTrue(worst < 1.5, "worst error " + worst + " LSB");
    }

    @Test
    void ditherItselfStaysWithinOneLsbOfTheTarget() {
        Dither dither = new Dither(99);
        long lsb = 1L << 32; // nextTpdf is in units of 2^-32 LSB
        long lowest = 0;
        long highest = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long d = dither.nextTpdf();
            lowest = Math.min(lowest, d);
            highest = Math.max(highest, d);
        }
        assertTrue(lowest >= -lsb && highest < lsb);
        assertTrue(lowest < -lsb * 9 / 10 && highest > lsb * 9 / 10, "uses the whole range");
    }

    @Test
    void ditherHasATriangularDistribution() {
        Dither dither = new Dither(5);
        int[] bins = new int[8]; // [-1, 1) LSB in quarters
        for (int i = 0; i < SAMPLES; i++) {
            bins[(int) ((dither.nextTpdf() + (1L << 32)) >> 30)]++;
        }
        // Area of a unit triangle over each quarter: 1/32, 3/32, 5/32, 7/32, 7/32, ...
        int[] weights = {1, 3, 5, 7, 7, 5, 3, 1};
        for (int b = 0; b < 8; b++) {
            assertEquals(weights[b] / 32.0, bins[b] / (double) SAMPLES, 0.002, "bin " + b);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.25, 0.5, 0.8})
    void ditheredOutputAveragesToASubLsbInput(double fractionOfLsb) {
        // Without dither a steady input under half an LSB is lost; TPDF dither turns it into a
        // duty cycle whose mean is the input: the linearisation dither exists for.
        int bits = 16;
        int x = (int) Math.round(fractionOfLsb * (1 << (25 - bits)));
        Dither dither = new Dither(11);
        long sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            sum += dither.quantize(x, bits);
        }
        assertEquals(fractionOfLsb, sum / (double) SAMPLES, 0.005);
    }

    @Test
    void roundingWithoutDitherIsToNearest() {
        assertEquals(0, Dither.round(255, 16));
        assertEquals(1, Dither.round(256, 16));
        assertEquals(-1, Dither.round(-257, 16));
        assertEquals(32767, Dither.round(Q824.ONE, 16));
        assertEquals(-32768, Dither.round(Q824.MIN, 16));
        assertEquals(0x7FFFFF, Dither.round(Q824.MAX, 24));
    }

    @Test
    void thirtyTwoBitsAreExactAndNeverDithered() {
        Dither dither = new Dither(1);
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            int x = random.nextInt(-Q824.ONE, Q824.ONE);
            assertEquals(x << 7, dither.quantize(x, 32));
        }
        assertEquals(Integer.MAX_VALUE, dither.quantize(Q824.ONE, 32));
        assertEquals(Integer.MIN_VALUE, dither.quantize(Q824.MIN, 32));
    }

    @Test
    void sameSeedGivesTheSameNoiseAndOtherSeedsDiffer() {
        long[] a = sequence(new Dither(0));
        assertArrayEquals(a, sequence(new Dither(0)));
        assertNotEquals(a[0], sequence(new Dither(1))[0]);
    }

    @Test
    void rejectsWordLengthsOutsideTwoToThirtyTwo() {
        assertThrows(IllegalArgumentException.class, () -> Dither.round(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Dither(0).quantize(0, 33));
    }

    @Test
    void writerDithersItsIntegerOutput() throws IOException {
        // A steady quarter LSB at 16 bits: silence without dither, a mean of 0.25 LSB with it.
        int frames = 1 << 16;
        int[][] block = new int[1][frames];
        Arrays.fill(block[0], 1 << 7);
        assertEquals(0.0, meanOfWritten(block, null), 0.0);
        assertEquals(0.25, meanOfWritten(block, new Dither(3)), 0.01);
    }

    private static double meanOfWritten(int[][] block, Dither dither) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WavWriter w = WavWriter.create(out, WavFormat.pcm(48000, 1, 16), dither)) {
            w.write(block, block[0].length);
        }
        long sum = 0;
        for (int v : WavBytes.decode(out.toByteArray())[0]) {
            sum += v >> 9;
        }
        return sum / (double) block[0].length;
    }

    private static long[] sequence(Dither dither) {
        long[] s = new long[64];
        for (int i = 0; i < s.length; i++) {
            s[i] = dither.nextTpdf();
        }
        return s;
    }
}
