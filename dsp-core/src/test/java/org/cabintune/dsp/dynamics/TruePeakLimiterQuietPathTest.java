package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quiet chunks skip the detector's full work and, at rest, the envelope
 * ({@link TruePeakLimiter}'s "Quiet chunks"); nothing a listener or a meter sees may change.
 * Every case runs the limiter against one that computes every estimate and gain, on
 * programmes that move between silence, quiet and loud passages, tones near the ceiling and
 * near Nyquist, in periods of random length, and requires the same ints and gains.
 */
class TruePeakLimiterQuietPathTest {

    static Stream<Arguments> limiters() {
        return Stream.of(
                Arguments.of(48_000, 2, true, 4, 1.5, 50.0),
                Arguments.of(48_000, 8, false, 4, 1.5, 50.0),
                Arguments.of(44_100, 1, false, 8, 0.5, 1.0),
                Arguments.of(96_000, 2, true, 8, 5.0, 2000.0),
                Arguments.of(96_000, 3, false, 4, 2.0, 10.0));
    }

    @ParameterizedTest(name = "{0} Hz, {1} ch, linked {2}, {3}x, look-ahead {4} ms, release {5} ms")
    @MethodSource("limiters")
    void quietChunksChangeNotABit(int rate, int channels, boolean linked, int factor,
                                  double lookaheadMs, double releaseMs) {
        LimiterParams params = new LimiterParams(rate, channels, -1.0, lookaheadMs, releaseMs,
                linked, factor);
        LimiterDesign design = new LimiterDesign(params);
        TruePeakLimiter quick = new TruePeakLimiter(params, design, true);
        TruePeakLimiter full = new TruePeakLimiter(params, design, false);
        Random random = new Random(rate + 31L * channels + factor);
        int frames = 3 * rate;
        int[][] programme = new int[channels][];
        for (int c = 0; c < channels; c++) {
            programme[c] = programme(random, rate, frames);
        }
        int at = 0;
        while (at < frames) {
            int n = Math.min(frames - at, 1 + random.nextInt(700));
            bothAgree(quick, full, programme, at, n, "period at " + at);
            at += n;
        }
    }

    /**
     * After limiting, the envelope comes back to rest and quiet periods are the delayed input
     * again, however often it has limited before: loud, quiet for much longer than the
     * release, loud again, quiet again, with the same ints and gains as computing everything.
     */
    @ParameterizedTest(name = "{0} Hz, {1} ch, linked {2}, release {3} ms")
    @MethodSource("releases")
    void theEnvelopeComesBackToRestAfterEveryLoudPassage(int rate, int channels, boolean linked, double releaseMs) {
        LimiterParams params = new LimiterParams(rate, channels, -1.0, 1.5, releaseMs, linked, 4);
        LimiterDesign design = new LimiterDesign(params);
        TruePeakLimiter quick = new TruePeakLimiter(params, design, true);
        TruePeakLimiter full = new TruePeakLimiter(params, design, false);
        // Back to rest takes about ln(2^31) = 21.5 release time constants; give it 30.
        int quietFrames = (int) Math.max(rate / 4, 30 * releaseMs * rate / 1000);
        long seed = 1;
        for (int passage = 0; passage < 2; passage++) {
            for (boolean loud : new boolean[] {true, false}) {
                int frames = loud ? rate / 4 : quietFrames;
                int[][] programme = new int[channels][];
                for (int c = 0; c < channels; c++) {
                    programme[c] = Signals.quantize(Signals.whiteNoise(seed++, frames, loud ? 6.0 : -24.0));
                }
                for (int at = 0; at < frames; at += 128) {
                    bothAgree(quick, full, programme, at, Math.min(128, frames - at),
                            "passage " + passage + (loud ? ", loud" : ", quiet") + " at " + at);
                }
                for (int c = 0; c < channels; c++) {
                    if (loud) {
                        assertFalse(quick.atRest(c), "limiting, channel " + c);
                    } else {
                        assertTrue(quick.atRest(c), "at rest after the quiet stretch, channel " + c);
                    }
                }
            }
        }
    }

    /** One period of {@code programme} through both limiters: the same ints and gains out. */
    private static void bothAgree(TruePeakLimiter quick, TruePeakLimiter full, int[][] programme, int at, int n,
                                  String where) {
        int channels = programme.length;
        int[][] a = new int[channels][n];
        int[][] b = new int[channels][n];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(programme[c], at, a[c], 0, n);
            System.arraycopy(programme[c], at, b[c], 0, n);
        }
        quick.process(a, n);
        full.process(b, n);
        for (int c = 0; c < channels; c++) {
            assertArrayEquals(b[c], a[c], where + ", channel " + c);
            assertEquals(full.currentGain(c), quick.currentGain(c), where + ", channel " + c);
        }
    }

    static Stream<Arguments> releases() {
        return Stream.of(
                Arguments.of(48_000, 2, true, 50.0),
                Arguments.of(44_100, 1, false, 1.0),
                Arguments.of(96_000, 3, false, 100.0));
    }

    /**
     * Segments of 50 to 6000 samples: silence, noise from -60 to +6 dBFS, a tone from 0.2 dB
     * under to 0.3 dB over the threshold at 0.002 to 0.49 fs, and single full-scale clicks.
     */
    private static int[] programme(Random random, int rate, int frames) {
        int[] x = new int[frames];
        double threshold = new LimiterDesign(LimiterParams.of(rate, 1, -1.0, 1.5, 50.0)).threshold;
        int at = 0;
        while (at < frames) {
            int n = Math.min(frames - at, 50 + random.nextInt(5950));
            double[] segment = switch (random.nextInt(5)) {
                case 0 -> new double[n];
                case 1, 2 -> Signals.whiteNoise(random.nextLong(), n, -60 + 66 * random.nextDouble());
                case 3 -> Signals.sine(rate, n, rate * (0.002 + 0.488 * random.nextDouble()),
                        threshold * Math.pow(10, (-0.2 + 0.5 * random.nextDouble()) / 20), 0);
                default -> {
                    double[] clicks = new double[n];
                    clicks[random.nextInt(n)] = random.nextBoolean() ? 1.0 : -1.0;
                    yield clicks;
                }
            };
            System.arraycopy(Signals.quantize(segment), 0, x, at, n);
            at += n;
        }
        return x;
    }

    /**
     * The bound behind the quiet path is an upper bound: whenever the detector calls a chunk
     * quiet, the estimates it skipped are at or below the limit. The input is the worst case
     * for the interpolator (a phase's coefficient signs times a level) and uniform noise, at
     * peaks from 13 to 5 dB under the limit, where the bound crosses it.
     */
    @ParameterizedTest(name = "{0}x")
    @ValueSource(ints = {4, 8})
    void aQuietChunkHasNoEstimateOverTheLimit(int factor) {
        LimiterDesign design = new LimiterDesign(new LimiterParams(48_000, 1, -1.0, 1.5, 50.0, false, factor));
        long limit = (long) Math.floor(Math.scalb(design.threshold, 30));
        int chunk = 256;
        int before = OversamplingInterpolator.TAPS - 1;
        Random random = new Random(factor);
        int quiet = 0;
        int loud = 0;
        for (int trial = 0; trial < 400; trial++) {
            // The bound passes the limit near 9 dB under it: straddle that.
            double peak = design.threshold * Math.pow(10, (-13 + 8 * random.nextDouble()) / 20);
            double[] c = design.interpolator[random.nextInt(factor - 1)];
            int[] h = new int[before + chunk];
            for (int i = 0; i < h.length; i++) {
                double v = trial % 2 == 0
                        ? Math.signum(c[Math.floorMod(i, c.length)]) * peak
                        : peak * (2 * random.nextDouble() - 1);
                h[i] = (int) Math.round(Math.scalb(v, 24));
            }
            LimiterDetector quick = new LimiterDetector(design, 1, chunk);
            LimiterDetector full = new LimiterDetector(design, 1, chunk);
            long[] skipped = new long[chunk];
            long[] estimates = new long[chunk];
            boolean computed = quick.detect(0, h, before, skipped, chunk, limit);
            assertTrue(full.detect(0, h, before, estimates, chunk, LimiterDetector.COMPUTE_ALL));
            if (computed) {
                assertArrayEquals(estimates, skipped);
                loud++;
            } else {
                for (int i = 0; i < chunk; i++) {
                    assertTrue(estimates[i] <= limit, "estimate " + estimates[i] + " over " + limit + " at " + i);
                }
                quiet++;
            }
        }
        assertTrue(quiet > 50 && loud > 50, "both paths taken: " + quiet + " quiet, " + loud + " loud");
    }

    /**
     * A quiet chunk leaves the detector as computing it would have: the estimates of every
     * later computed chunk are the same as a detector's that computes every chunk (the guard's
     * hold and the previous interval's last point carry over), and the skipped ones are at or
     * below the limit.
     */
    @ParameterizedTest(name = "{0}x")
    @ValueSource(ints = {4, 8})
    void aQuietChunkLeavesTheDetectorAsAComputedOneWould(int factor) {
        int rate = 48_000;
        LimiterDesign design = new LimiterDesign(new LimiterParams(rate, 1, -1.0, 1.5, 50.0, false, factor));
        long limit = (long) Math.floor(Math.scalb(design.threshold, 30));
        int chunk = 256;
        int keep = OversamplingInterpolator.TAPS - 1;
        Random random = new Random(100 + factor);
        int[] programme = programme(random, rate, 4 * rate);
        LimiterDetector quick = new LimiterDetector(design, 1, chunk);
        LimiterDetector full = new LimiterDetector(design, 1, chunk);
        int[] h = new int[keep + chunk];
        long[] skipped = new long[chunk];
        long[] estimates = new long[chunk];
        int quiet = 0;
        int computed = 0;
        for (int at = 0; at < programme.length; ) {
            int n = Math.min(programme.length - at, 1 + random.nextInt(chunk));
            System.arraycopy(programme, at, h, keep, n);
            boolean loud = quick.detect(0, h, keep, skipped, n, limit);
            full.detect(0, h, keep, estimates, n, LimiterDetector.COMPUTE_ALL);
            for (int i = 0; i < n; i++) {
                if (loud) {
                    assertEquals(estimates[i], skipped[i], "sample " + (at + i));
                } else {
                    assertTrue(estimates[i] <= limit, "sample " + (at + i) + " over the limit in a quiet chunk");
                }
            }
            if (loud) {
                computed++;
            } else {
                quiet++;
            }
            System.arraycopy(h, n, h, 0, keep);
            at += n;
        }
        assertTrue(quiet > 100 && computed > 100, quiet + " quiet chunks, " + computed + " computed");
    }

    @Test
    void aQuietPeriodTakesTheQuietPathAndAllocatesNothing() {
        LimiterParams params = new LimiterParams(48_000, 8, -1.0, 1.5, 50.0, false, 4);
        LimiterDesign design = new LimiterDesign(params);
        int[] h = new int[OversamplingInterpolator.TAPS - 1 + 128];
        System.arraycopy(Signals.quantize(Signals.whiteNoise(3, h.length, -24.0)), 0, h, 0, h.length);
        assertFalse(new LimiterDetector(design, 1, 128).detect(0, h, 15, new long[128], 128,
                (long) Math.floor(Math.scalb(design.threshold, 30))), "noise of -24 dBFS RMS is quiet for -1 dBTP");
        TruePeakLimiter limiter = new TruePeakLimiter(params);
        int[][] eight = new int[8][];
        for (int c = 0; c < 8; c++) {
            eight[c] = Signals.quantize(Signals.whiteNoise(20 + c, 128, -24.0));
        }
        assertEquals(0, Allocation.bytesAllocatedBy(() -> limiter.process(eight, 128), 2000));
    }
}
