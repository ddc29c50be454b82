package org.cabintune.dsp.resample;

import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resampler measured: frequency, THD+N, passband, stopband, alignment, twin, allocation. */
class ResamplerTest {

    /** Block lengths cycled through, so state across calls is exercised. */
    private static final int[] BLOCKS = {128, 1, 37, 1024, 64, 5, 128, 333};

    /** Resamples all of {@code x} (zeros after its end), in blocks of varying length. */
    static double[][] resample(ResamplerDesign design, int[][] x) {
        Resampler r = new Resampler(design, x.length, 1024);
        int total = (int) design.outputFrames(x[0].length);
        int[][] out = new int[x.length][total];
        int[][] in = new int[x.length][design.maxInputFrames(1024)];
        int[][] block = new int[x.length][1024];
        int pos = 0;
        for (int done = 0, i = 0; done < total; i++) {
            int k = Math.min(BLOCKS[i % BLOCKS.length], total - done);
            int need = r.inputFramesFor(k);
            for (int c = 0; c < x.length; c++) {
                for (int j = 0; j < need; j++) {
                    in[c][j] = pos + j < x[c].length ? x[c][pos + j] : 0;
                }
            }
            pos += need;
            r.process(in, block, k);
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(block[c], 0, out[c], done, k);
            }
            done += k;
        }
        double[][] y = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = Signals.toDouble(out[c]);
        }
        return y;
    }

    /** The twin over the same input, in one block per 1024 outputs. */
    static double[][] resampleReference(ResamplerDesign design, double[][] x) {
        ResamplerReference r = new ResamplerReference(design, x.length, 1024);
        int total = (int) design.outputFrames(x[0].length);
        double[][] out = new double[x.length][total];
        double[][] in = new double[x.length][design.maxInputFrames(1024)];
        double[][] block = new double[x.length][1024];
        int pos = 0;
        for (int done = 0; done < total; ) {
            int k = Math.min(1024, total - done);
            int need = r.inputFramesFor(k);
            for (int c = 0; c < x.length; c++) {
                for (int j = 0; j < need; j++) {
                    in[c][j] = pos + j < x[c].length ? x[c][pos + j] : 0;
                }
            }
            pos += need;
            r.process(in, block, k);
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(block[c], 0, out[c], done, k);
            }
            done += k;
        }
        return out;
    }

    private static double[] sineThrough(ResamplerDesign d, double hz, double amplitude, double seconds) {
        int frames = (int) (seconds * d.inRate());
        return resample(d, new int[][] {Signals.quantize(Signals.sine(d.inRate(), frames, hz, amplitude, 0.3))})[0];
    }

    @Test
    void a1kHzSineFrom44100To48000ComesOutAt1kHzWithThdNBelowMinus110dB() {
        ResamplerDesign d = ResamplerDesign.of(44100, 48000);
        double[] y = sineThrough(d, 1000, 0.9, 2.0);
        int from = d.taps();
        int length = y.length - 2 * d.taps();
        double f = SineFit.frequency(y, 48000, 1000, from, length);
        assertEquals(1000, f, 1e-6, "frequency");
        SineFit fit = SineFit.of(y, 48000, f, from, length);
        double thdN = 20 * Math.log10(fit.residualRms() / (fit.amplitude() / Math.sqrt(2)));
        System.out.printf("44100 -> 48000: 1 kHz at %.9f Hz, amplitude %.7f, THD+N %.1f dB%n", f, fit.amplitude(), thdN);
        assertEquals(0.9, fit.amplitude(), 0.9 * 1e-5);
        assertTrue(thdN <= -110, "THD+N " + thdN + " dB");
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"44100, 48000", "48000, 44100", "44100, 96000", "96000, 44100", "88200, 48000", "48000, 88200",
            "96000, 88200", "48000, 96000"})
    void thePassbandIsFlatWithin0_05dBTo20kHz(int inRate, int outRate) {
        ResamplerDesign d = ResamplerDesign.of(inRate, outRate);
        double worst = 0;
        for (double hz : new double[] {20, 100, 1000, 5000, 10000, 15000, 18000, 19000, 20000}) {
            double[] y = sineThrough(d, hz, 0.5, 0.25);
            int from = d.taps();
            SineFit fit = SineFit.of(y, outRate, hz, from, y.length - 2 * from);
            double db = 20 * Math.log10(fit.amplitude() / 0.5);
            worst = Math.max(worst, Math.abs(db));
            assertTrue(Math.abs(db) <= 0.05, hz + " Hz: " + db + " dB");
        }
        System.out.printf("%s: passband deviation to 20 kHz at most %.6f dB%n", d, worst);
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"48000, 44100", "96000, 44100", "96000, 48000", "88200, 44100", "44100, 48000", "44100, 96000"})
    void rejectsAliasesAndImagesBy100dB(int inRate, int outRate) {
        ResamplerDesign d = ResamplerDesign.of(inRate, outRate);
        int lower = Math.min(inRate, outRate);
        double worst = -1000;
        // Downsampling: tones between the output's Nyquist frequency and the input's must vanish.
        // Upsampling: a tone just below the input's Nyquist frequency must come out alone, its
        // images above it removed.
        double[] tones = inRate > outRate
                ? new double[] {lower / 2.0 + 50, lower / 2.0 + 1500, (lower + inRate) / 4.0, inRate * 0.49}
                : new double[] {inRate * 0.45, inRate * 0.4535};
        for (double hz : tones) {
            double[] y = sineThrough(d, hz, 0.5, 0.25);
            int from = d.taps();
            int length = y.length - 2 * from;
            double left;
            if (inRate > outRate) {
                double sum = 0;
                for (int n = from; n < from + length; n++) {
                    sum += y[n] * y[n];
                }
                left = Math.sqrt(sum / length);
            } else {
                left = SineFit.of(y, outRate, hz, from, length).residualRms();
            }
            double db = 20 * Math.log10(left / (0.5 / Math.sqrt(2)));
            worst = Math.max(worst, db);
            assertTrue(db <= -100, hz + " Hz: " + db + " dB left");
        }
        System.out.printf("%s: worst alias or image %.1f dB%n", d, worst);
    }

    @Test
    void outputIsTimeAlignedAndAsLongAsTheInputLasts() {
        ResamplerDesign d = ResamplerDesign.of(44100, 48000);
        int[] x = new int[4410];
        x[1470] = 1 << 23;
        double[] y = resample(d, new int[][] {x})[0];
        assertEquals(4800, y.length, "4410 frames at 44.1 kHz last 4800 frames at 48 kHz");
        int peak = 0;
        for (int n = 0; n < y.length; n++) {
            if (Math.abs(y[n]) > Math.abs(y[peak])) {
                peak = n;
            }
        }
        assertEquals(1600, peak, "input frame 1470 (33.33 ms) is output frame 1600");
        // The impulse response's peak: the sinc's height, 2 fc / fs, after the unit-DC scaling.
        assertEquals(0.5 * 2 * d.cutoffHz() / 44100, y[1600], 1e-4, "height of the band-limited impulse");
        for (int j = 1; j < 100; j++) {
            assertEquals(y[1600 - j], y[1600 + j], 2e-8, "symmetric at " + j);
        }
        assertEquals(4802, d.outputFrames(4411), "4411 frames: 4801.09 rounded up");
        assertEquals(0, d.outputFrames(0));
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"44100, 48000", "48000, 44100", "96000, 44100", "44100, 88200"})
    void theFixedPointPathTracksItsDoubleTwin(int inRate, int outRate) {
        ResamplerDesign d = ResamplerDesign.of(inRate, outRate);
        int[][] x = {Signals.quantize(Signals.whiteNoise(1, inRate / 2, -12)),
                Signals.quantize(Signals.logSweep(inRate, inRate / 2, 20, 20000, 0.9))};
        double[][] fixed = resample(d, x);
        double[][] twin = resampleReference(d, new double[][] {Signals.toDouble(x[0]), Signals.toDouble(x[1])});
        ErrorStats e = ErrorStats.between(fixed, twin, fixed[0].length);
        System.out.println(d + " against its twin: " + e);
        assertTrue(e.rmsDbfs() <= -145 && e.peakDbfs() <= -135, e.toString());
    }

    @Test
    void theBlockPatternDoesNotChangeTheOutput() {
        ResamplerDesign d = ResamplerDesign.of(48000, 44100);
        int[][] x = {Signals.quantize(Signals.whiteNoise(3, 20000, -6))};
        double[] varied = resample(d, x)[0];
        Resampler r = new Resampler(d, 1, 20000);
        int total = (int) d.outputFrames(20000);
        int[][] in = new int[1][d.maxInputFrames(20000)];
        System.arraycopy(x[0], 0, in[0], 0, Math.min(20000, r.inputFramesFor(total)));
        int[][] out = new int[1][total];
        r.process(in, out, total);
        assertArrayEquals(Signals.quantize(varied), out[0]);
    }

    @Test
    void processingAllocatesNothing() {
        ResamplerDesign d = ResamplerDesign.of(44100, 48000);
        Resampler r = new Resampler(d, 2, 128);
        int[][] in = {Signals.quantize(Signals.whiteNoise(1, 256, -12)), Signals.quantize(Signals.whiteNoise(2, 256, -12))};
        int[][] out = new int[2][128];
        assertEquals(0, Allocation.bytesAllocatedBy(() -> {
            r.inputFramesFor(128);
            r.process(in, out, 128);
        }, 2000));
    }

    @Test
    void refusesRatesItCannotDo() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> ResamplerDesign.of(500, 48000));
        assertEquals("inRate = 500 is outside 1000..768000 Hz", low.getMessage());
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> ResamplerDesign.of(44100, 47999));
        assertTrue(odd.getMessage().startsWith("resampling 44100 Hz to 47999 Hz needs 6857 filter phases"), odd.getMessage());
        assertEquals("44100 Hz -> 48000 Hz (160/147, 168 taps)", ResamplerDesign.of(44100, 48000).toString());
    }
}
