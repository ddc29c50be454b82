package org.cabintune.dsp.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MixerTest {

    private static final double G24 = MixerParams.MAX_GAIN;

    /** Stereo bus to the reference chain's kinds of feed, plus awkward gains. */
    private static final double[][] MATRIX = {
        {1.0, 0.0}, {0.0, 1.0}, {0.5, 0.5}, {1.0, -1.0}, {G24, 0.0}, {-G24, G24},
        {0.0, 0.0}, {0.3162, -0.0001},
    };

    static Stream<Arguments> ratesAndSignals() {
        return SampleRates.crossedWith("noise", "sweep");
    }

    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("ratesAndSignals")
    void tracksTwinOnNoiseAndSweep(int rate, String kind) {
        int frames = rate / 2;
        double[] left = kind.equals("noise") ? Signals.whiteNoise(11, frames, -12.0)
                : Signals.logSweep(rate, frames, 20, 20_000, 0.5);
        double[] right = Signals.whiteNoise(12, frames, -12.0);
        int[][] in = {Signals.quantize(left), Signals.quantize(right)};
        MixerParams params = MixerParams.of(MATRIX);
        int[][] out = new int[MATRIX.length][frames];
        double[][] reference = new double[MATRIX.length][frames];
        new Mixer(params).process(in, out, frames);
        new MixerReference(params).process(
                new double[][] {Signals.toDouble(in[0]), Signals.toDouble(in[1])}, reference, frames);
        ErrorStats e = ErrorStats.between(out, reference, frames);
        assertTrue(e.rmsDbfs() <= -130 && e.peakDbfs() <= -110, e.toString());
    }

    @Test
    void silenceGivesExactZeros() {
        int[][] out = new int[MATRIX.length][256];
        for (int[] row : out) {
            Arrays.fill(row, 12345);
        }
        new Mixer(MixerParams.of(MATRIX)).process(new int[2][256], out, 256);
        assertArrayEquals(new int[MATRIX.length][256], out);
    }

    @Test
    void unityAndHalfSumsAreExact() {
        int[] l = Signals.quantize(Signals.whiteNoise(1, 1000, -6));
        int[] r = Signals.quantize(Signals.whiteNoise(2, 1000, -6));
        int[][] out = new int[3][1000];
        new Mixer(MixerParams.of(new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}}))
                .process(new int[][] {l, r}, out, 1000);
        assertArrayEquals(l, out[0]);
        assertArrayEquals(r, out[1]);
        for (int i = 0; i < 1000; i++) {
            // (l + r) / 2 rounded half up, the Q-format's rounding
            assertEquals(Math.floorDiv((long) l[i] + r[i] + 1, 2), out[2][i], "sample " + i);
        }
    }

    @Test
    void outputsMayAliasInputsForInPlaceRouting() {
        int[] l = Signals.quantize(Signals.whiteNoise(1, 300, -6));
        int[] r = Signals.quantize(Signals.whiteNoise(2, 300, -6));
        int[][] buffers = {l.clone(), r.clone()};
        new Mixer(MixerParams.of(new double[][] {{0, 1}, {1, 0}})).process(buffers, buffers, 300);
        assertArrayEquals(r, buffers[0]);
        assertArrayEquals(l, buffers[1]);
    }

    @Test
    void inPlaceAndSeparateBuffersGiveTheSameSamples() {
        // One, two and three taps per output exercise every loop of the out-of-place path.
        MixerParams params = MixerParams.of(new double[][] {{0.7, 0, 0}, {0.5, -0.25, 0}, {1.0, 0.3, -2.0}});
        int frames = 1000;
        int[][] in = {Signals.quantize(Signals.whiteNoise(1, frames, -6)),
                Signals.quantize(Signals.whiteNoise(2, frames, -6)),
                Signals.quantize(Signals.whiteNoise(3, frames, -6))};
        int[][] separate = new int[3][frames];
        new Mixer(params).process(in, separate, frames);
        int[][] inPlace = Signals.copy(in);
        new Mixer(params).process(inPlace, inPlace, frames);
        assertArrayEquals(separate, inPlace);
    }

    @Test
    void fullScaleSumsSaturateAndNeverWrapSign() {
        int[] big = {Q824.MAX, Q824.MIN, Q824.MAX, Q824.fromDouble(100), 0};
        int[] other = {Q824.MAX, Q824.MIN, Q824.MIN, Q824.fromDouble(99), Q824.MIN};
        int[][] out = new int[3][5];
        new Mixer(MixerParams.of(new double[][] {{G24, G24}, {-G24, -G24}, {G24, -G24}}))
                .process(new int[][] {big, other}, out, 5);
        // MAX + MIN is -1 LSB, times 15.85 rounds to -16 LSB
        assertArrayEquals(new int[] {Q824.MAX, Q824.MIN, -16, Q824.MAX, Q824.MIN}, out[0]);
        assertArrayEquals(new int[] {Q824.MIN, Q824.MAX, 16, Q824.MIN, Q824.MAX}, out[1]);
        assertEquals(0, out[2][0]);
        assertEquals(0, out[2][1]);
        assertEquals(Q824.MAX, out[2][2]);
        assertEquals(G24, Q824.toDouble(out[2][3]), 1e-6, "(100 - 99) * 15.85, no clipping");
        assertEquals(Q824.MAX, out[2][4]);
    }

    @Test
    void processAllocatesNothing() {
        Mixer mixer = new Mixer(MixerParams.of(MATRIX));
        int[][] in = {Signals.quantize(Signals.whiteNoise(1, 128, -12)), new int[128]};
        int[][] out = new int[MATRIX.length][128];
        assertEquals(0, Allocation.bytesAllocatedBy(() -> mixer.process(in, out, 128), 20_000));
    }

    @Test
    void rejectsBadMatricesNamingTheEntry() {
        var loud = assertThrows(IllegalArgumentException.class,
                () -> MixerParams.of(new double[][] {{1, 0}, {0, 20}}));
        assertTrue(loud.getMessage().startsWith("gains[1][1] = 20.0 is outside the allowed range "
                + "-15.84"), loud.getMessage());
        var ragged = assertThrows(IllegalArgumentException.class,
                () -> MixerParams.of(new double[][] {{1, 0}, {1}}));
        assertEquals("gains[1] has 1 entries but gains[0] has 2; every output needs one gain "
                + "per input", ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MixerParams(List.of()));
        var nan = assertThrows(IllegalArgumentException.class,
                () -> MixerParams.of(new double[][] {{Double.NaN}}));
        assertTrue(nan.getMessage().startsWith("gains[0][0] = NaN"), nan.getMessage());
    }
}
