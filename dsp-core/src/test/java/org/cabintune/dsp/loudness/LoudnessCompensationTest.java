package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.filter.BiquadCascadeReference;
import org.cabintune.dsp.filter.FilterDesign;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoudnessCompensationTest {

    private static final int FS = 48000;
    private static final int BLOCK = 128;
    private static final CompensationDesign DESIGN = new CompensationDesign(FS, 80, 0, 12);

    /** Runs {@code x} through the block in engine-sized blocks, the volume set at the given frames. */
    private static int[][] run(LoudnessCompensation block, int[][] x, int[] at, double[] volumes) {
        int[][] y = Signals.copy(x);
        int[][] view = new int[y.length][BLOCK];
        int next = 0;
        for (int start = 0; start < y[0].length; start += BLOCK) {
            while (next < at.length && at[next] <= start) {
                block.setVolumeDb(volumes[next++]);
            }
            int n = Math.min(BLOCK, y[0].length - start);
            for (int c = 0; c < y.length; c++) {
                System.arraycopy(y[c], start, view[c], 0, n);
            }
            block.process(view, n);
            for (int c = 0; c < y.length; c++) {
                System.arraycopy(view[c], 0, y[c], start, n);
            }
        }
        return y;
    }

    @Test
    void atTheReferenceVolumeTheOutputIsTheInputBitForBit() {
        LoudnessCompensation block = new LoudnessCompensation(DESIGN, 2);
        int[][] x = {Signals.quantize(Signals.whiteNoise(1, FS, -6)), Signals.quantize(Signals.whiteNoise(2, FS, -6))};
        assertArrayEquals(x, run(block, x, new int[] {0}, new double[] {3.0}));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-10, -30, -50})
    void steadyToneGetsTheSetsResponse(double volume) {
        LoudnessCompensation block = new LoudnessCompensation(DESIGN, 1);
        int set = DESIGN.indexForVolume(volume);
        for (double f : new double[] {50, 1000, 12000}) {
            double[] x = Signals.sine(FS, FS, f, 0.1, 0);
            int[][] y = run(block, new int[][] {Signals.quantize(x)}, new int[] {0}, new double[] {volume});
            double gainDb = Q824.gainToDb(rms(Signals.toDouble(y[0]), FS / 2) / rms(x, FS / 2));
            assertEquals(DESIGN.responseDb(set, f), gainDb, 0.01, f + " Hz at " + volume + " dB");
            block.reset();
        }
    }

    /** RMS of {@code x[from..)}. */
    private static double rms(double[] x, int from) {
        double sum = 0;
        for (int i = from; i < x.length; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / (x.length - from));
    }

    @Test
    void tracksItsDoubleTwinThroughVolumeChanges() {
        LoudnessCompensation block = new LoudnessCompensation(DESIGN, 2);
        LoudnessCompensationReference twin = new LoudnessCompensationReference(DESIGN, 2);
        int frames = 3 * FS;
        int[][] x = {Signals.quantize(Signals.whiteNoise(3, frames, -12)), Signals.quantize(Signals.whiteNoise(4, frames, -12))};
        // Changes on frames both period patterns (128 and 37) reach: multiples of 4736.
        int[] at = {0, 5 * 4736, 10 * 4736, 20 * 4736};
        double[] volumes = {-20, -50, -5, -35};
        int[][] y = run(block, x, at, volumes);
        double[][] yd = {Signals.toDouble(x[0]), Signals.toDouble(x[1])};
        int next = 0;
        for (int start = 0; start < frames; start += 37) {
            while (next < at.length && at[next] <= start) {
                twin.setVolumeDb(volumes[next++]);
            }
            int n = Math.min(37, frames - start);
            double[][] view = {java.util.Arrays.copyOfRange(yd[0], start, start + n),
                    java.util.Arrays.copyOfRange(yd[1], start, start + n)};
            twin.process(view, n);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(view[c], 0, yd[c], start, n);
            }
        }
        ErrorStats e = ErrorStats.between(y, yd, frames);
        assertTrue(e.rmsDbfs() <= -135 && e.peakDbfs() <= -120, e.toString());
    }

    /**
     * A volume step from 0 to -40 dB and back to -10 dB on a 60 Hz + 400 Hz programme: whatever
     * the change of filters leaves above 10 kHz (where the programme has nothing) is the click.
     */
    @Test
    void volumeStepsDoNotClick() {
        int frames = FS * 3 / 2;
        double[] lf = Signals.sine(FS, frames, 60, 0.35, 0);
        double[] mid = Signals.sine(FS, frames, 400, 0.35, 1);
        int[] x = new int[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = Q824.fromDouble(lf[i] + mid[i]);
        }
        int[] at = {0, FS / 2, FS};
        double[] volumes = {0, -40, -10};
        int[] walked = run(new LoudnessCompensation(DESIGN, 1), new int[][] {x}, at, volumes)[0];
        int[] jumped = jump(x, at, volumes);
        double walkedClick = highBandPeakDbfs(walked);
        double jumpedClick = highBandPeakDbfs(jumped);
        // The programme peaks at -3 dBFS and has nothing above 10 kHz (-126 dBFS there, its rounding).
        assertTrue(highBandPeakDbfs(x) < -120);
        // Walking the sets leaves at most -75 dBFS there (measured -81), 72 dB under the programme;
        // loading the final set at once leaves a click about 35 dB louder (measured -47).
        assertTrue(walkedClick <= -75, "walked: " + walkedClick + " dBFS above 10 kHz");
        assertTrue(jumpedClick >= walkedClick + 25, "jumped: " + jumpedClick + " dBFS above 10 kHz");
    }

    /** The same sets loaded at once at each change: what walking avoids. */
    private static int[] jump(int[] x, int[] at, double[] volumes) {
        BiquadCascade filters = BiquadCascade.mono(DESIGN.shelves(0).sections());
        int[] y = x.clone();
        for (int k = 0; k < at.length; k++) {
            List<QuantizedBiquad> set = DESIGN.shelves(DESIGN.indexForVolume(volumes[k])).sections();
            for (int s = 0; s < set.size(); s++) {
                filters.setSection(0, s, set.get(s));
            }
            int end = k + 1 < at.length ? at[k + 1] : x.length;
            filters.process(0, y, at[k], end - at[k]);
        }
        return y;
    }

    /** Peak of a fourth-order Butterworth high-pass at 10 kHz of the signal, after its first 10 ms, dBFS. */
    private static double highBandPeakDbfs(int[] y) {
        QuantizedBiquad hp = QuantizedBiquad.of(FilterDesign.highpass(FS, 10000, 0.5412));
        QuantizedBiquad hp2 = QuantizedBiquad.of(FilterDesign.highpass(FS, 10000, 1.3066));
        BiquadCascadeReference highpass = new BiquadCascadeReference(List.of(List.of(hp, hp2)));
        double[][] d = {Signals.toDouble(y)};
        highpass.process(d, d[0].length);
        double peak = 0;
        for (int i = FS / 100; i < d[0].length; i++) {
            peak = Math.max(peak, Math.abs(d[0][i]));
        }
        return ErrorStats.dbfs(peak);
    }

    @Test
    void processAndVolumeChangesAllocateNothing() {
        LoudnessCompensation block = new LoudnessCompensation(DESIGN, 8);
        int[][] x = new int[8][BLOCK];
        for (int[] c : x) {
            System.arraycopy(Signals.quantize(Signals.whiteNoise(5, BLOCK, -12)), 0, c, 0, BLOCK);
        }
        double[] volume = {0};
        assertEquals(0, Allocation.bytesAllocatedBy(() -> {
            volume[0] = volume[0] <= -60 ? 0 : volume[0] - 7;
            block.setVolumeDb(volume[0]);
            block.process(x, BLOCK);
        }, 5_000));
    }
}
