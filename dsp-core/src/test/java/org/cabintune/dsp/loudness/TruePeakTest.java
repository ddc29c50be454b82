package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cabintune.dsp.Q824;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruePeakTest {

    /**
     * The example interpolator of ITU-R BS.1770-5 Annex 2: order 48, 4 phases of 12 taps, one
     * row per phase as the Recommendation prints them.
     */
    private static final double[][] ANNEX_2 = {
        {0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000, -0.0594482421875, 0.1373291015625,
            0.9721679687500, -0.1022949218750, 0.0476074218750, -0.0266113281250, 0.0148925781250, -0.0083007812500},
        {-0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250, -0.1665039062500, 0.4650878906250,
            0.7797851562500, -0.2003173828125, 0.1015625000000, -0.0582275390625, 0.0330810546875, -0.0189208984375},
        {-0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000, -0.2003173828125, 0.7797851562500,
            0.4650878906250, -0.1665039062500, 0.0891113281250, -0.0517578125000, 0.0292968750000, -0.0291748046875},
        {-0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750, -0.1022949218750, 0.9721679687500,
            0.1373291015625, -0.0594482421875, 0.0332031250000, -0.0196533203125, 0.0109863281250, 0.0017089843750}};

    private static final int OFFSETS = 64;

    /**
     * How a meter reads one crest of a unit cosine at {@code f} (cycles per sample) lying
     * {@code delta} samples after sample 100: the largest of the samples and interpolated points
     * within half a sample of it, in dB (0 is exact). Crests further off are not looked at, so
     * a lucky neighbour cannot hide a miss: this is how a transient's single crest is read.
     */
    private static double crestReadingDb(boolean annex, double f, double delta) {
        double crest = 100 + delta;
        double[] x = new double[200];
        for (int n = 0; n < x.length; n++) {
            x[n] = Math.cos(2 * Math.PI * f * (n - crest));
        }
        double best = 0;
        for (int n = 99; n <= 101; n++) {
            if (Math.abs(n - crest) <= 0.5) {
                best = Math.max(best, Math.abs(x[n]));
            }
            if (annex) {
                // Row r at input time m sits at m + (r - 23.5) / 4: the 48-tap prototype delays by
                // 23.5 output samples, so the points near sample n come out 6 samples later.
                int m = n + 6;
                for (int r = 0; r < 4; r++) {
                    double y = 0;
                    for (int k = 0; k < 12; k++) {
                        y += ANNEX_2[r][k] * x[m - k];
                    }
                    if (Math.abs(m + (r - 23.5) / 4 - crest) <= 0.5) {
                        best = Math.max(best, Math.abs(y));
                    }
                }
            }
        }
        if (!annex) {
            double[] grid = oversample(x, 8);
            for (int j = 0; j < grid.length; j++) {
                if (Math.abs(j / 8.0 - crest) <= 0.5) {
                    best = Math.max(best, Math.abs(grid[j]));
                }
            }
        }
        return Q824.gainToDb(best);
    }

    /**
     * The whole signal on the meter's {@code factor} grid, the two stages applied plainly:
     * {@code result[j]} is the point at {@code j / factor}; missing neighbours count as zero.
     */
    static double[] oversample(double[] x, int factor) {
        double[] half = TruePeakFilter.halfBand();
        double[][] fine = TruePeakFilter.fine(factor);
        double[] u = new double[2 * x.length];
        for (int n = 0; n < x.length; n++) {
            u[2 * n] = x[n];
            for (int k = 0; k < half.length; k++) {
                u[2 * n + 1] += half[k] * at(x, n + k - half.length / 2 + 1);
            }
        }
        int step = factor / 2;
        double[] grid = new double[factor * x.length];
        for (int m = 0; m < u.length; m++) {
            grid[m * step] = u[m];
            for (int q = 1; q < step; q++) {
                for (int k = 0; k < fine[q - 1].length; k++) {
                    grid[m * step + q] += fine[q - 1][k] * at(u, m + k - fine[q - 1].length / 2 + 1);
                }
            }
        }
        return grid;
    }

    private static double at(double[] x, int i) {
        return i >= 0 && i < x.length ? x[i] : 0;
    }

    /** The worst reading over crest positions, or with {@code over} the highest. */
    private static double worstDb(boolean annex, double f, boolean over) {
        double worst = over ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int i = 0; i < OFFSETS; i++) {
            double db = crestReadingDb(annex, f, (double) i / OFFSETS);
            worst = over ? Math.max(worst, db) : Math.min(worst, db);
        }
        return worst;
    }

    @ParameterizedTest(name = "{0} fs")
    @ValueSource(doubles = {0.40, 0.42, 0.44, 0.45, 0.46, 0.47, 0.48})
    void underReadsLessThanTheAnnexTwoFilterNearNyquist(double f) {
        double ours = worstDb(false, f, false);
        double annex = worstDb(true, f, false);
        System.out.println(String.format(Locale.ROOT, "true peak, one crest at %.2f fs: worst reading %.3f dB (Annex 2 example %.3f dB)",
                f, ours, annex));
        assertTrue(ours > annex, "ours " + ours + " dB, Annex 2 " + annex + " dB");
    }

    @Test
    void readsEveryCrestWithinATenthOfADecibelUpTo045Fs() {
        for (double f = 0.01; f <= 0.4501; f += 0.02) {
            double under = worstDb(false, f, false);
            double over = worstDb(false, f, true);
            assertTrue(under > -0.15 && over < 0.06, String.format(Locale.ROOT, "at %.2f fs: %.3f .. %.3f dB", f, under, over));
        }
    }

    @Test
    void everyPhaseHasUnitGainAtDc() {
        List<double[]> phases = new ArrayList<>(List.of(TruePeakFilter.halfBand()));
        phases.addAll(List.of(TruePeakFilter.fine(8)));
        phases.addAll(List.of(TruePeakFilter.fine(4)));
        for (double[] phase : phases) {
            assertEquals(1.0, Arrays.stream(phase).sum(), 1e-12);
        }
    }

    /** The block-wise float detector against its one-point-at-a-time double twin. */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {44100, 48000, 96000})
    void streamingDetectorMatchesItsTwin(int fs) {
        Random random = new Random(fs);
        int frames = 20000;
        int[][] x = new int[2][frames];
        for (int n = 0; n < frames; n++) {
            // Noise with a full-scale fs/4-ish burst, so the peak lies between samples.
            double burst = n > 12000 && n < 12050 ? Math.sin(2 * Math.PI * 0.2371 * n + 0.4) : 0;
            x[0][n] = Q824.fromDouble(0.2 * random.nextGaussian() + burst);
            x[1][n] = Q824.fromDouble(0.1 * random.nextGaussian());
        }
        TruePeakDetector detector = new TruePeakDetector(fs, 2, 1024);
        TruePeakReference twin = new TruePeakReference(fs, 2);
        int[] blocks = {1, 1024, 37, 500, 1024, 3};
        for (int at = 0, b = 0; at < frames; b++) {
            int n = Math.min(blocks[b % blocks.length], frames - at);
            detector.process(0, x[0], at, n);
            detector.process(1, x[1], at, n);
            at += n;
        }
        for (int n = 0; n < frames; n++) {
            twin.add(0, Q824.toDouble(x[0][n]));
            twin.add(1, Q824.toDouble(x[1][n]));
        }
        assertTrue(twin.peak() > 1.0, "the burst's crest lies above full scale between samples");
        assertEquals(twin.peak(), detector.peak(), twin.peak() * 1e-6);
    }
}
