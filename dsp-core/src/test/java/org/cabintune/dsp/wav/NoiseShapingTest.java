package org.cabintune.dsp.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.filter.BiquadCascadeReference;
import org.cabintune.dsp.filter.FilterDesign;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** TPDF dither shaped by the E-weighted error filter of Lipshitz, Vanderkooy and Wannamaker (1991). */
class NoiseShapingTest {

    private static final int BITS = 16;
    private static final int LSB = 1 << (25 - BITS);
    private static final int FRAMES = 1 << 18;
    /** 1 + sum h^2 of the E-weighted filter: the total noise power over plain TPDF. */
    private static final double POWER_GAIN = 16.58;

    /** Total error {@code y - x} of quantizing {@code x} to 16 bits, in LSB. */
    private static double[] error(Dither dither, int[] x) {
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = dither.quantize(x[i], BITS) - (double) x[i] / LSB;
        }
        return e;
    }

    /** Power of {@code e} (LSB^2) in a band made of fourth-order Butterworth sections, 0 for an absent edge. */
    private static double bandPower(double[] e, int rate, double lowHz, double highHz) {
        List<QuantizedBiquad> band = new java.util.ArrayList<>();
        for (double q : new double[] {0.5412, 1.3066}) {
            if (lowHz > 0) {
                band.add(QuantizedBiquad.of(FilterDesign.highpass(rate, lowHz, q)));
            }
            if (highHz > 0) {
                band.add(QuantizedBiquad.of(FilterDesign.lowpass(rate, highHz, q)));
            }
        }
        double[][] y = {e.clone()};
        new BiquadCascadeReference(List.of(band)).process(y, y[0].length);
        double sum = 0;
        for (int i = rate / 10; i < y[0].length; i++) {
            sum += y[0][i] * y[0][i];
        }
        return sum / (y[0].length - rate / 10);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {44100, 48000, 96000})
    void shapedNoiseIsQuieterWhereTheEarIsKeenAndLouderNearNyquist(int rate) {
        int[] music = Signals.quantize(Signals.whiteNoise(rate, FRAMES, -20));
        double[] flat = error(new Dither(1), music);
        double[] shaped = error(Dither.shaped(1, 1), music);
        double keenFlat = bandPower(flat, rate, 1000, 5000);
        double keenShaped = bandPower(shaped, rate, 1000, 5000);
        double gainKeen = 10 * Math.log10(keenShaped / keenFlat);
        // The filter is 14.5 dB or more below flat at every frequency from 1 to 5 kHz at these
        // rates; over the band the noise measures 14.6 (44.1 kHz) to 15.9 dB (96 kHz) below.
        assertTrue(gainKeen <= -12, "1-5 kHz: shaped noise " + gainKeen + " dB against plain TPDF");
        double topFlat = bandPower(flat, rate, 0.45 * rate, 0);
        double topShaped = bandPower(shaped, rate, 0.45 * rate, 0);
        double gainTop = 10 * Math.log10(topShaped / topFlat);
        // Measured 19.1 to 19.2 dB above.
        assertTrue(gainTop >= 15, "0.45 fs .. Nyquist: shaped noise " + gainTop + " dB against plain TPDF");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"silence, 0, 0", "DC a third of an LSB, 0, 0.333", "-60 dBFS sine, -60, 0", "-20 dBFS sine, -20, 0",
        "-1 dBFS sine, -1, 0"})
    void errorMeanAndVarianceDoNotDependOnTheSignal(String what, double sineDbfs, double dcLsb) {
        int[] x = new int[FRAMES];
        double[] sine = Signals.sine(48000, FRAMES, 997, sineDbfs == 0 ? 0 : Q824.dbToGain(sineDbfs), 0.4);
        for (int i = 0; i < FRAMES; i++) {
            x[i] = Q824.fromDouble(sine[i]) + (int) Math.round(dcLsb * LSB);
        }
        double[] e = error(Dither.shaped(7, 1), x);
        double mean = 0;
        for (double v : e) {
            mean += v;
        }
        mean /= FRAMES;
        double variance = 0;
        for (double v : e) {
            variance += (v - mean) * (v - mean);
        }
        variance /= FRAMES;
        assertEquals(0.0, mean, 0.01, what + ": mean error in LSB");
        // White TPDF-and-rounding error of 1/4 LSB^2 through 1 - H: 0.25 x 16.58.
        assertEquals(0.25 * POWER_GAIN, variance, 0.25 * POWER_GAIN * 0.02, what + ": error variance in LSB^2");
    }

    @Test
    void fullScaleSaturatesWithoutOverflowAndTheLoopStaysBounded() {
        Dither dither = Dither.shaped(3, 1);
        int max = (1 << (BITS - 1)) - 1;
        double[] loud = Signals.sine(48000, 48000, 1000, 2.0, 0); // +6 dBFS: clipped half the time
        for (double v : loud) {
            int x = Q824.fromDouble(v);
            int y = dither.quantize(x, BITS);
            assertTrue(y >= -max - 1 && y <= max);
            double wanted = Math.clamp((double) x / LSB, -max - 1, max);
            assertTrue(Math.abs(y - wanted) <= 14, "error " + (y - wanted) + " LSB at full scale");
        }
        for (int x : new int[] {Q824.MAX, Q824.MIN, Q824.ONE, -Q824.ONE}) {
            for (int i = 0; i < 1000; i++) {
                int y = dither.quantize(x, BITS);
                assertTrue(Integer.signum(y) == Integer.signum(x) && Math.abs(y) >= max - 14, "rail " + x + " gave " + y);
            }
        }
    }

    @Test
    void silenceStaysWithinTheShapedNoiseAfterAnything() {
        Dither dither = Dither.shaped(5, 1);
        for (int i = 0; i < 10_000; i++) {
            dither.quantize(i % 2 == 0 ? Q824.MAX : Q824.MIN, BITS);
        }
        int largest = 0;
        for (int i = 0; i < FRAMES; i++) {
            largest = Math.max(largest, Math.abs(dither.quantize(0, BITS)));
        }
        // 1.5 LSB of error through 1 - H, whose taps sum to 9.36 in magnitude: at most 14 LSB.
        assertTrue(largest <= 14, "silence reached " + largest + " LSB");
        assertTrue(largest >= 4, "and it is dithered, not truncated to zero: " + largest);
    }

    @Test
    void tracksItsDoubleTwin() {
        int[][] x = {Signals.quantize(Signals.whiteNoise(8, FRAMES, -30)), Signals.quantize(Signals.logSweep(48000,
                FRAMES, 20, 20000, 0.9))};
        Dither fixed = Dither.shaped(9, 2);
        Dither noise = new Dither(9);
        DitherReference twin = new DitherReference(2);
        int differ = 0;
        for (int i = 0; i < FRAMES; i++) {
            for (int c = 0; c < 2; c++) {
                long y = fixed.quantize(c, x[c][i], BITS);
                long r = twin.quantize(c, Q824.toDouble(x[c][i]), BITS, noise.nextTpdf());
                assertTrue(Math.abs(y - r) <= 1, "sample " + i + ": " + y + " against " + r);
                if (y != r) {
                    differ++;
                    twin.follow(c, y);
                }
            }
        }
        assertTrue(differ <= FRAMES * 2 / 1000, differ + " of " + 2 * FRAMES + " samples differ by one LSB");
    }

    @Test
    void writerAndCodecShapeEachChannelAndAllocateNothing() throws Exception {
        WavFormat format = WavFormat.pcm(48000, 2, 16);
        int[][] block = {Signals.quantize(Signals.whiteNoise(1, 128, -20)), Signals.quantize(Signals.whiteNoise(2, 128, -20))};
        PcmCodec codec = new PcmCodec(format, Dither.shaped(4, 2));
        byte[] out = new byte[128 * codec.bytesPerFrame()];
        assertEquals(0, Allocation.bytesAllocatedBy(() -> codec.encode(block, 128, out), 10_000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WavWriter.create(new ByteArrayOutputStream(), WavFormat.pcm(48000, 4, 24), Dither.shaped(1, 2)));
        assertEquals("the shaped dither holds state for 2 channel(s), not 4", e.getMessage());
        // 32-bit words hold Q8.24 exactly: never dithered, shaped or not.
        assertEquals(Q824.ONE / 2 << 7, Dither.shaped(1, 1).quantize(Q824.ONE / 2, 32));
    }
}
