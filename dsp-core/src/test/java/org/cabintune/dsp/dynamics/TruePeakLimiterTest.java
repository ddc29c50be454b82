package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.AcrossSampleRates;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.testing.Twins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Everything but the true-peak promise (see {@link TruePeakLimiterGuaranteeTest}). */
class TruePeakLimiterTest {

    static Stream<Arguments> ratesAndLinking() {
        return SampleRates.crossedWith(true, false);
    }

    static LimiterParams params(int rate, int channels, boolean linked) {
        return LimiterParams.of(rate, channels, -1.0, 1.5, 50.0).withLinked(linked);
    }

    @Test
    void reportsTheLookaheadAsItsLatency() {
        assertEquals(72, new TruePeakLimiter(LimiterParams.of(48_000, 2, -1, 1.5, 50)).latencySamples());
        assertEquals(22, new TruePeakLimiter(LimiterParams.of(44_100, 1, -1, 0.5, 50)).latencySamples());
        assertEquals(480, new TruePeakLimiterReference(LimiterParams.of(96_000, 8, -1, 5, 50)).latencySamples());
    }

    /** A bright, busy signal whose true peak stays well under -1 dBTP (and guard): -10 dBFS. */
    static double[] quietMusic(int rate, int frames, long seed) {
        double[] sweep = Signals.logSweep(rate, frames, 20, 20_000, 0.12);
        double[] noise = Signals.whiteNoise(seed, frames, -30.0);
        double[] bass = Signals.sine(rate, frames, 55, 0.15, 0.3);
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = sweep[n] + noise[n] + bass[n];
        }
        return x;
    }

    @ParameterizedTest(name = "{0} Hz, linked {1}")
    @MethodSource("ratesAndLinking")
    void isBitTransparentWellBelowTheCeiling(int rate, boolean linked) {
        TruePeakLimiter limiter = new TruePeakLimiter(params(rate, 2, linked));
        int frames = rate / 2;
        int[][] input = {Signals.quantize(quietMusic(rate, frames, 1)),
                Signals.quantize(quietMusic(rate, frames, 2))};
        int[][] output = Twins.run(limiter, new TruePeakLimiterReference(params(rate, 2, linked)),
                input).fixed();
        int delay = limiter.latencySamples();
        for (int c = 0; c < 2; c++) {
            int[] expected = new int[frames];
            System.arraycopy(input[c], 0, expected, delay, frames - delay);
            assertArrayEquals(expected, output[c], "channel " + c);
        }
        assertEquals(1.0, limiter.currentGain(0));
    }

    @AcrossSampleRates
    void digitalSilenceStaysExactlyZeroEvenAfterLimiting(int rate) {
        TruePeakLimiter limiter = new TruePeakLimiter(params(rate, 2, false));
        int[][] loud = {Signals.quantize(Signals.whiteNoise(3, rate / 10, 6.0)), new int[rate / 10]};
        limiter.process(loud, rate / 10);
        assertTrue(limiter.currentGain(0) < 0.5, "the burst engaged the limiter");
        int[][] silence = new int[2][rate / 5];
        limiter.process(silence, rate / 5);
        int delay = limiter.latencySamples();
        for (int c = 0; c < 2; c++) {
            for (int n = delay; n < silence[c].length; n++) {
                assertEquals(0, silence[c][n], "channel " + c + " sample " + n);
            }
        }
        assertArrayEquals(new int[rate / 10], loud[1], "the silent channel stays silent");
    }

    @ParameterizedTest(name = "{0} Hz, release {1} ms")
    @MethodSource("releases")
    void gainReductionRecoversWithTheReleaseTimeConstant(int rate, double releaseMs) {
        // DC at +6 dBFS, then at -12 dBFS: the gain recovers from -7.1 dB toward unity as
        // 1 - g(t) = (1 - g0) exp(-t / tau).
        LimiterParams p = LimiterParams.of(rate, 1, -1.0, 1.5, releaseMs);
        TruePeakLimiter limiter = new TruePeakLimiter(p);
        int loud = rate / 20;
        int tau = (int) Math.round(p.releaseSamples());
        int quiet = 3 * tau + rate / 10;
        int[] x = new int[loud + quiet];
        Arrays.fill(x, 0, loud, Q824.fromDouble(2.0));
        Arrays.fill(x, loud, x.length, Q824.fromDouble(0.25));
        int[][] audio = {x.clone()};
        limiter.process(audio, x.length);
        int delay = limiter.latencySamples();
        // Output index t carries input sample t - delay. Start measuring once the step's
        // high-band guard has decayed and the attack average has passed.
        int t0 = loud + delay + rate / 50;
        double r0 = 1 - gainAt(audio[0], x, t0, delay);
        double r1 = 1 - gainAt(audio[0], x, t0 + tau, delay);
        double r2 = 1 - gainAt(audio[0], x, t0 + 2 * tau, delay);
        assertTrue(r0 > 0.005, "still reducing at t0: " + r0);
        assertEquals(Math.exp(-1), r1 / r0, 0.01, "one time constant later");
        assertEquals(Math.exp(-2), r2 / r0, 0.01, "two time constants later");

        // The release reaches exact unity (within 22 time constants for a -7 dB start), after
        // which the output is the input again, bit for bit.
        int[][] more = new int[1][25 * tau];
        Arrays.fill(more[0], Q824.fromDouble(0.25));
        limiter.process(more, more[0].length);
        assertEquals(1.0, limiter.currentGain(0));
        assertEquals(Q824.fromDouble(0.25), more[0][more[0].length - 1]);
    }

    static Stream<Arguments> releases() {
        return Stream.of(Arguments.of(48_000, 20.0), Arguments.of(48_000, 200.0),
                Arguments.of(96_000, 50.0), Arguments.of(44_100, 5.0));
    }

    /** The gain output sample {@code t} got: output over the input it carries. */
    private static double gainAt(int[] out, int[] in, int t, int delay) {
        return (double) out[t] / in[t - delay];
    }

    @ParameterizedTest(name = "{0} Hz, linked {1}")
    @MethodSource("ratesAndLinking")
    void tracksTheDoubleTwinWhileLimiting(int rate, boolean linked) {
        LimiterParams p = params(rate, 2, linked).withOversampling(linked ? 4 : 8);
        int frames = rate / 2;
        double[] sweep = Signals.logSweep(rate, frames, 20, 20_000, 2.0);
        double[] noise = Signals.whiteNoise(4, frames, 0.0);
        Twins.Outputs out = Twins.run(new TruePeakLimiter(p), new TruePeakLimiterReference(p),
                new int[][] {Signals.quantize(sweep), Signals.quantize(noise)});
        ErrorStats e = out.errors();
        System.out.printf("twin error at %d Hz, %s: %s%n", rate, linked ? "linked" : "unlinked", e);
        assertTrue(e.rmsDbfs() <= -120 && e.peakDbfs() <= -100, e.toString());
    }

    @Test
    void neverRaisesASampleAndLinkedChannelsShareOneGain() {
        int rate = 48_000;
        int frames = rate / 4;
        double[] loud = Signals.whiteNoise(5, frames, 0.0);
        double[] quiet = Signals.sine(rate, frames, 440, 0.1, 0);
        int[][] in = {Signals.quantize(loud), Signals.quantize(quiet)};
        int[][] linked = Signals.copy(in);
        int[][] unlinked = Signals.copy(in);
        TruePeakLimiter a = new TruePeakLimiter(params(rate, 2, true));
        TruePeakLimiter b = new TruePeakLimiter(params(rate, 2, false));
        a.process(linked, frames);
        b.process(unlinked, frames);
        int d = a.latencySamples();
        double reduced = 0;
        for (int n = d; n < frames; n++) {
            for (int c = 0; c < 2; c++) {
                assertTrue(Math.abs((long) linked[c][n]) <= Math.abs((long) in[c][n - d]));
            }
            // The quiet channel is turned down with the loud one when linked, and not otherwise.
            assertEquals(in[1][n - d], unlinked[1][n]);
            if (in[1][n - d] != 0) {
                reduced = Math.max(reduced, 1 - (double) linked[1][n] / in[1][n - d]);
            }
        }
        assertTrue(reduced > 0.5, "linked quiet channel reduced by " + reduced);
    }

    @Test
    void periodLengthDoesNotChangeTheOutputAndResetStartsAfresh() {
        LimiterParams p = params(44_100, 2, false);
        int frames = 44_100 / 4;
        int[][] in = {Signals.quantize(Signals.whiteNoise(6, frames, 3.0)),
                Signals.quantize(Signals.logSweep(44_100, frames, 50, 15_000, 3.0))};
        int[][] whole = Signals.copy(in);
        TruePeakLimiter limiter = new TruePeakLimiter(p);
        limiter.process(whole, frames);

        limiter.reset();
        int[][] pieces = Signals.copy(in);
        int[] sizes = {1, 37, 300, 128, 5, 1000, 64};
        int[][] view = new int[2][];
        for (int at = 0, i = 0; at < frames; i++) {
            int n = Math.min(sizes[i % sizes.length], frames - at);
            for (int c = 0; c < 2; c++) {
                view[c] = Arrays.copyOfRange(pieces[c], at, at + n);
            }
            limiter.process(view, n);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(view[c], 0, pieces[c], at, n);
            }
            at += n;
        }
        assertArrayEquals(whole[0], pieces[0]);
        assertArrayEquals(whole[1], pieces[1]);
    }

    @Test
    void processAllocatesNothing() {
        TruePeakLimiter bus = new TruePeakLimiter(params(48_000, 2, true));
        TruePeakLimiter outputs = new TruePeakLimiter(params(96_000, 8, false).withOversampling(8));
        int[][] stereo = {Signals.quantize(Signals.whiteNoise(7, 128, 6.0)),
                Signals.quantize(Signals.whiteNoise(8, 128, 6.0))};
        int[][] eight = new int[8][];
        for (int c = 0; c < 8; c++) {
            eight[c] = Signals.quantize(Signals.whiteNoise(10 + c, 128, 6.0));
        }
        assertEquals(0, Allocation.bytesAllocatedBy(() -> bus.process(stereo, 128), 2000));
        assertEquals(0, Allocation.bytesAllocatedBy(() -> outputs.process(eight, 128), 500));
    }
}
