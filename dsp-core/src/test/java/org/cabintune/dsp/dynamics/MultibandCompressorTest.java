package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.dynamics.MultibandParams.Detection;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.Music;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.testing.Twins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MultibandCompressorTest {

    /** The reference chain's split with settings that compress every band of the music. */
    static MultibandParams busCompressor(int rate) {
        return MultibandParams.of(rate, 2, List.of(120.0, 2500.0), List.of(
                new CompressorParams(-24, 4, 6, 5, 100, 3),
                new CompressorParams(-26, 3, 8, 10, 150, 2),
                new CompressorParams(-30, 6, 0, 1, 60, 6)));
    }

    static MultibandParams fourBands(int rate) {
        return MultibandParams.of(rate, 2, List.of(80.0, 400.0, 3000.0), List.of(
                new CompressorParams(-20, 2.5, 12, 20, 300, 0),
                new CompressorParams(-30, 20, 3, 0.1, 5, 12),
                new CompressorParams(-28, 1.5, 24, 2, 2000, -6),
                new CompressorParams(-35, 8, 0.005, 0.5, 40, 24)));
    }

    private static final Object[] VARIANTS = {"peak, linked", "peak, unlinked", "rms, linked", "rms, unlinked",
        "four bands"};

    static Stream<Arguments> variants() {
        return SampleRates.crossedWith(VARIANTS);
    }

    /** The variants at the head unit's rate only, for properties that do not depend on it. */
    static Stream<Arguments> variantsAtDefaultRate() {
        return Arrays.stream(VARIANTS).map(v -> Arguments.of(SampleRates.DEFAULT, v));
    }

    static MultibandParams variant(int rate, String name) {
        return switch (name) {
            case "peak, linked" -> busCompressor(rate);
            case "peak, unlinked" -> busCompressor(rate).withStereoLink(false);
            case "rms, linked" -> busCompressor(rate).withDetection(Detection.RMS);
            case "rms, unlinked" -> busCompressor(rate).withDetection(Detection.RMS).withRmsWindowMs(3)
                    .withStereoLink(false);
            case "four bands" -> fourBands(rate);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("variants")
    void tracksTheDoubleTwinOnMusicThatEngagesEveryBand(int rate, String name) {
        MultibandParams params = variant(rate, name);
        int[][] input = quantize(Music.stereo(rate, 2 * rate, 3));
        ErrorStats error = Twins.run(new MultibandCompressor(params),
                new MultibandCompressorReference(params), input).errors();
        assertTrue(error.rmsDbfs() <= -110, name + ": " + error);
        assertTrue(error.peakDbfs() <= -100, name + ": " + error);

        double[] deepest = deepestReductionDb(params, input);
        for (int b = 0; b < deepest.length; b++) {
            assertTrue(deepest[b] >= 3, name + ": band " + b + " reduced by only " + deepest[b] + " dB");
        }
    }

    /** Deepest gain reduction per band (any channel) seen at 128-frame boundaries. */
    static double[] deepestReductionDb(MultibandParams params, int[][] input) {
        MultibandCompressor compressor = new MultibandCompressor(params);
        int[][] work = Signals.copy(input);
        double[] deepest = new double[params.bandCount()];
        int[][] view = new int[work.length][];
        for (int at = 0; at + 128 <= work[0].length; at += 128) {
            for (int c = 0; c < work.length; c++) {
                view[c] = Arrays.copyOfRange(work[c], at, at + 128);
            }
            compressor.process(view, 128);
            for (int b = 0; b < deepest.length; b++) {
                for (int c = 0; c < work.length; c++) {
                    deepest[b] = Math.max(deepest[b], compressor.gainReductionDb(b, c));
                }
            }
        }
        return deepest;
    }

    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("variantsAtDefaultRate")
    void silenceGivesExactZerosAndMusicDecaysToExactZeros(int rate, String name) {
        MultibandCompressor compressor = new MultibandCompressor(variant(rate, name));
        int[][] silence = new int[2][rate / 2];
        compressor.process(silence, silence[0].length);
        assertAllZero(silence, "silence from a fresh compressor");

        int[][] music = quantize(Music.stereo(rate, rate / 2, 9));
        compressor.process(music, music[0].length);
        int[][] after = new int[2][4 * rate];
        compressor.process(after, after[0].length);
        int[][] tail = {Arrays.copyOfRange(after[0], 3 * rate, 4 * rate),
                Arrays.copyOfRange(after[1], 3 * rate, 4 * rate)};
        assertAllZero(tail, "the fourth second of silence after music");
    }

    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("variantsAtDefaultRate")
    void resetReturnsToTheFreshState(int rate, String name) {
        MultibandParams params = variant(rate, name);
        int[][] music = quantize(Music.stereo(rate, rate / 4, 6));
        MultibandCompressor used = new MultibandCompressor(params);
        used.process(Signals.copy(music), music[0].length);
        used.reset();
        int[][] afterReset = Signals.copy(music);
        int[][] fresh = Signals.copy(music);
        used.process(afterReset, music[0].length);
        new MultibandCompressor(params).process(fresh, music[0].length);
        for (int c = 0; c < music.length; c++) {
            assertArrayEquals(fresh[c], afterReset[c], "channel " + c);
        }
    }

    @Test
    void processAllocatesNothingWhateverThePeriodLength() {
        for (MultibandParams params : List.of(busCompressor(48_000), fourBands(96_000).withStereoLink(false),
                busCompressor(44_100).withDetection(Detection.RMS).withStereoLink(false))) {
            MultibandCompressor compressor = new MultibandCompressor(params);
            int[][] music = quantize(Music.stereo(params.sampleRate(), 1000, 4));
            int[][] buffer = Signals.copy(music);
            int[] call = {0};
            long bytes = Allocation.bytesAllocatedBy(() -> {
                int frames = call[0]++ % 3 == 0 ? 1000 : 128;
                System.arraycopy(music[0], 0, buffer[0], 0, frames);
                System.arraycopy(music[1], 0, buffer[1], 0, frames);
                compressor.process(buffer, frames);
            }, 1000);
            assertEquals(0, bytes, params.toString());
        }
    }

    /**
     * +24 dB makeup and no compression on a +20 dBFS sine (left) and a full-scale square
     * (right): the left sum goes far beyond the Q8.24 range. Where the twin exceeds it the
     * output must pin at the rail of the same sign; everywhere else it must track the twin.
     */
    @Test
    void makeupBeyondTheSampleRangeSaturatesAndNeverWraps() {
        int rate = 48_000;
        MultibandParams params = MultibandParams.of(rate, 2, List.of(120.0, 2500.0),
                Collections.nCopies(3, CompressorParams.unity().withMakeupDb(24)));
        double[][] x = {Signals.sine(rate, rate / 4, 1000, 10.0, 0.3), new double[rate / 4]};
        for (int n = 0; n < x[1].length; n++) {
            x[1][n] = (n / 70) % 2 == 0 ? 1.0 : -1.0;
        }
        Twins.Outputs out = Twins.run(new MultibandCompressor(params), new MultibandCompressorReference(params),
                quantize(x));
        int pinned = 0;
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < x[c].length; n++) {
                double expected = out.reference()[c][n];
                int actual = out.fixed()[c][n];
                if (expected >= 128) {
                    assertEquals(Q824.MAX, actual, "channel " + c + " sample " + n);
                    pinned++;
                } else if (expected < -128) {
                    assertEquals(Q824.MIN, actual, "channel " + c + " sample " + n);
                    pinned++;
                } else {
                    // The filters' rounding (-155 dBFS a section) comes out 24 dB louder.
                    assertEquals(expected, Q824.toDouble(actual), 1e-5, "channel " + c + " sample " + n);
                }
            }
        }
        assertTrue(pinned > 1000, "the test drove the output into saturation only " + pinned + " times");
    }

    /**
     * Rail-to-rail squares (+42 dBFS) with the heaviest compression and +24 dB makeup. The
     * filters hold samples to +-16.0, so the compressor must behave exactly as for the input
     * clamped there (a saturation, not a wrap), and on the steady Nyquist tone at the end it
     * must match the twin fed that clamped input and follow the tone's sign.
     */
    @Test
    void railToRailInputActsAsSaturatedAtTheFilterHeadroom() {
        int rate = 48_000;
        MultibandParams params = MultibandParams.of(rate, 1, List.of(120.0, 2500.0),
                Collections.nCopies(3, new CompressorParams(-60, 20, 0, 0.1, 1, 24)));
        int half = rate / 4;
        int[] rail = new int[2 * half];
        int[] clamped = new int[rail.length];
        for (int n = 0; n < rail.length; n++) {
            boolean high = n < half ? (n / 200) % 2 == 0 : n % 2 == 0;
            rail[n] = high ? Q824.MAX : Q824.MIN;
            clamped[n] = high ? 16 * Q824.ONE : -16 * Q824.ONE;
        }
        int[][] fromRail = {rail.clone()};
        int[][] fromClamped = {clamped.clone()};
        double[][] twin = {Signals.toDouble(clamped)};
        new MultibandCompressor(params).process(fromRail, rail.length);
        new MultibandCompressor(params).process(fromClamped, rail.length);
        new MultibandCompressorReference(params).process(twin, rail.length);
        assertEquals(Arrays.toString(fromClamped[0]), Arrays.toString(fromRail[0]));
        for (int n = rail.length - half / 2; n < rail.length; n++) {
            double y = Q824.toDouble(fromRail[0][n]);
            assertEquals(twin[0][n], y, 1e-6, "sample " + n);
            assertEquals(Math.signum(Q824.toDouble(rail[n])), Math.signum(y), "sample " + n);
        }
    }

    static int[][] quantize(double[][] x) {
        int[][] q = new int[x.length][];
        for (int c = 0; c < x.length; c++) {
            q[c] = Signals.quantize(x[c]);
        }
        return q;
    }

    private static void assertAllZero(int[][] x, String what) {
        for (int c = 0; c < x.length; c++) {
            for (int n = 0; n < x[c].length; n++) {
                assertEquals(0, x[c][n], what + ": channel " + c + " sample " + n);
            }
        }
    }
}
