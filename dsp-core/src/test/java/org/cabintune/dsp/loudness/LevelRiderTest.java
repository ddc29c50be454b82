package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.Music;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.testing.Twins;
import org.junit.jupiter.api.Test;

/** The level rider of {@code bus.normalize} mode {@code auto}, on music-like programme. */
class LevelRiderTest {

    private static final int FS = 48000;
    private static final int BLOCK = 128;
    /** The profile defaults: target -16 here, 12 dB each way, 10 s window, 1 dB/s, gate -50 LUFS. */
    private static final RiderParams DEFAULTS = new RiderParams(FS, 2, -16, 12, 12, 10, 1, -50);

    /** Four seconds of music (two bars of its two-second pattern), made once. */
    private static final double[][] LOOP = Music.stereo(FS, 4 * FS, 7);
    private static final double LOOP_LUFS = integrated(LOOP);

    /** The music, looped to {@code seconds}, at an integrated loudness of {@code lufs}. */
    private static double[][] music(double seconds, double lufs) {
        double[][] loop = LOOP;
        double gain = Q824.dbToGain(lufs - LOOP_LUFS);
        int frames = (int) Math.round(seconds * FS);
        double[][] x = new double[2][frames];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < frames; i++) {
                x[c][i] = gain * loop[c][i % loop[c].length];
            }
        }
        return x;
    }

    private static double integrated(double[][] x) {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(FS, 2));
        meter.process(quantize(x), x[0].length);
        return meter.readings().integratedLufs();
    }

    private static int[][] quantize(double[][] x) {
        return new int[][] {Signals.quantize(x[0]), Signals.quantize(x[1])};
    }

    /** Runs the rider over {@code x} in place, returning its gain after every 100 ms. */
    private static double[] ride(LevelRider rider, int[][] x) {
        int frames = x[0].length;
        double[] gains = new double[frames / (FS / 10)];
        int[][] view = new int[2][BLOCK];
        for (int at = 0; at < frames; at += BLOCK) {
            int n = Math.min(BLOCK, frames - at);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(x[c], at, view[c], 0, n);
            }
            rider.process(view, n);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(view[c], 0, x[c], at, n);
            }
            int block = (at + n) / (FS / 10);
            if ((at + n) % (FS / 10) < n && block > 0 && block <= gains.length) {
                gains[block - 1] = rider.gainDb();
            }
        }
        return gains;
    }

    private static double max(double[] x, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    private static double min(double[] x, int from, int to) {
        return -max(java.util.Arrays.stream(x).map(v -> -v).toArray(), from, to);
    }

    @Test
    void programmeFarBelowTheTargetIsRaisedByTheMostAllowedAndNoMore() {
        // -36 LUFS wants +20 dB; the rider may give 12, at 1 dB/s.
        LevelRider rider = new LevelRider(DEFAULTS);
        int[][] x = quantize(music(30, -36));
        double[] gains = ride(rider, x);
        assertTrue(max(gains, 0, gains.length) <= 12.0, "never beyond maxBoostDb: " + max(gains, 0, gains.length));
        assertTrue(gains[129] >= 11.5, "within 0.5 dB of the bound after 13 s: " + gains[129]);
        assertEquals(12.0, gains[gains.length - 1], 1e-9);
        double[][] out = {Signals.toDouble(x[0]), Signals.toDouble(x[1])};
        double[][] last10 = {java.util.Arrays.copyOfRange(out[0], 20 * FS, 30 * FS),
                java.util.Arrays.copyOfRange(out[1], 20 * FS, 30 * FS)};
        assertEquals(-24.0, integrated(last10), 0.05, "the programme 12 dB louder");
    }

    @Test
    void reachableTargetIsReachedWithinAStatedTime() {
        LevelRider rider = new LevelRider(DEFAULTS);
        int[][] x = quantize(music(30, -23));
        double[] gains = ride(rider, x);
        // +7 dB at 1 dB/s: about 7 s; within 0.3 dB of it from 10 s on.
        for (int b = 100; b < gains.length; b++) {
            assertEquals(7.0, gains[b], 0.3, "gain at " + (b + 1) / 10.0 + " s");
        }
        double[][] last10 = {java.util.Arrays.copyOfRange(Signals.toDouble(x[0]), 20 * FS, 30 * FS),
                java.util.Arrays.copyOfRange(Signals.toDouble(x[1]), 20 * FS, 30 * FS)};
        assertEquals(-16.0, integrated(last10), 0.3);
    }

    @Test
    void loudAndQuietPhrasesDoNotPump() {
        // One-second phrases alternately 6 dB above and below -16 LUFS: 12 dB of swing.
        double[][] x = music(60, -16);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < x[c].length; i++) {
                x[c][i] *= (i / FS) % 2 == 0 ? Q824.dbToGain(6) : Q824.dbToGain(-6);
            }
        }
        double[] gains = ride(new LevelRider(DEFAULTS), quantize(x));
        double swing = max(gains, 200, gains.length) - min(gains, 200, gains.length);
        assertTrue(swing <= 1.0, "gain swings by " + swing + " dB over 20..60 s");
        // The alternation is 3.3 dB louder than -16 LUFS in power: the gain settles near -3.3 dB.
        assertEquals(-3.3, gains[gains.length - 1], 0.6);
    }

    @Test
    void longSilenceLeavesTheGainWhereItWas() {
        double[][] music = music(8, -30);
        int frames = 60 * FS;
        double[][] x = new double[2][frames];
        double[] hiss = Signals.whiteNoise(9, frames, -75);
        for (int c = 0; c < 2; c++) {
            System.arraycopy(music[c], 0, x[c], 0, music[c].length);
            // 32 s of digital silence, then 20 s of hiss at -75 dBFS (about -72 LUFS): both under the gate.
            for (int i = 40 * FS; i < frames; i++) {
                x[c][i] = hiss[i];
            }
        }
        int[][] q = quantize(x);
        double[] gains = ride(new LevelRider(DEFAULTS), q);
        assertTrue(gains[79] > 5 && gains[79] < 12, "still rising when the music stops: " + gains[79]);
        for (int b = 80; b < gains.length; b++) {
            assertEquals(gains[79], gains[b], 0.0, "gain at " + (b + 1) / 10.0 + " s");
        }
        for (int i = 9 * FS; i < 40 * FS; i++) {
            assertEquals(0, q[0][i], "silence stays exactly silent");
        }
    }

    @Test
    void loudProgrammeIsLoweredByTheMostAllowed() {
        LevelRider rider = new LevelRider(new RiderParams(FS, 2, -23, 12, 6, 5, 2, -50));
        double[] gains = ride(rider, quantize(music(20, -9)));
        assertEquals(-6.0, gains[gains.length - 1], 1e-9);
        assertTrue(min(gains, 0, gains.length) >= -6.0);
    }

    @Test
    void tracksItsDoubleTwin() {
        RiderParams fast = new RiderParams(FS, 2, -14, 12, 12, 2, 5, -50);
        double[][] x = music(12, -30);
        for (int c = 0; c < 2; c++) {
            for (int i = 6 * FS; i < x[c].length; i++) {
                x[c][i] *= Q824.dbToGain(20);
            }
        }
        Twins.Outputs out = Twins.run(new LevelRider(fast), new LevelRiderReference(fast), quantize(x));
        var e = out.errors();
        assertTrue(e.rmsDbfs() <= -130 && e.peakDbfs() <= -115, e.toString());
    }

    @Test
    void processAllocatesNothing() {
        LevelRider rider = new LevelRider(DEFAULTS);
        int[][] x = quantize(music(0.1, -20));
        int[][] block = {java.util.Arrays.copyOf(x[0], BLOCK), java.util.Arrays.copyOf(x[1], BLOCK)};
        assertEquals(0, Allocation.bytesAllocatedBy(() -> rider.process(block, BLOCK), 10_000));
    }

    @Test
    void refusesAGateAtOrAboveTheTarget() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RiderParams(FS, 2, -30, 12, 12, 10, 1, -25));
        assertEquals("gateLufs = -25.0 LUFS is outside the allowed range -70.0 .. -30.0 LUFS", e.getMessage());
    }
}
