package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.cabintune.dsp.dynamics.MultibandParams.Detection;
import org.cabintune.dsp.testing.Phasor;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Attack and release time constants, and the stereo link. */
class CompressorBallisticsTest {

    static Stream<Arguments> times() {
        return SampleRates.crossedWith(
                new Object[] {Detection.RMS, 1.0, 50.0},
                new Object[] {Detection.RMS, 10.0, 150.0},
                new Object[] {Detection.RMS, 100.0, 1000.0},
                new Object[] {Detection.PEAK, 5.0, 50.0},
                new Object[] {Detection.PEAK, 30.0, 500.0});
    }

    /**
     * A step from silence to a level 20 dB over a hard-knee threshold, then back to silence.
     * The reduction must rise as {@code G (1 - exp(-t / attack))} and fall as
     * {@code G exp(-t / release)}: the time constant is read off the 20 % and 80 % points,
     * {@code tau = (t80 - t20) / ln 4}, which ignores the short delay of the detector (the
     * 1 ms RMS window, or the crossover's settling for a DC step) before the step arrives.
     *
     * <p>RMS: a 1 kHz tone in the upper band of a 200 Hz split, with a 1 ms window (whole
     * cycles, so the level is a clean step). Peak: a DC step in the lower band of a 2 kHz split.
     */
    @ParameterizedTest(name = "{0} Hz, {1}, attack {2} ms, release {3} ms")
    @MethodSource("times")
    void reductionRisesAndFallsWithTheSetTimeConstants(int rate, Detection detection, double attackMs,
                                                       double releaseMs) {
        boolean rms = detection == Detection.RMS;
        CompressorParams hard = new CompressorParams(-30, 10, 0, attackMs, releaseMs, 0);
        CompressorParams unity = CompressorParams.unity();
        MultibandParams params = MultibandParams.of(rate, 1, List.of(rms ? 200.0 : 2000.0),
                rms ? List.of(unity, hard) : List.of(hard, unity)).withDetection(detection).withRmsWindowMs(1);
        int band = rms ? 1 : 0;
        int on = (int) (rate * 10 * attackMs / 1000);
        int off = (int) (rate * 3 * releaseMs / 1000);
        double level = Math.pow(10, -10 / 20.0);
        double[] x = rms ? Signals.sine(rate, on, 1000, level * Math.sqrt(2), 0) : constant(on, level);
        double[] attack = reductionTrace(new MultibandCompressor(params), band, x, off);
        double full = attack[on - 1];
        assertEquals(0.9 * 20, full, 0.05, "settled reduction, dB");
        double measuredAttack = tau(attack, 0, on, full, true) / rate * 1000;
        double measuredRelease = tau(attack, on, on + off, full, false) / rate * 1000;
        assertEquals(attackMs, measuredAttack, 0.1 * attackMs, "attack, ms");
        assertEquals(releaseMs, measuredRelease, 0.1 * releaseMs, "release, ms");
    }

    /** Gain reduction after each sample of {@code x} followed by {@code silence} zeros. */
    private static double[] reductionTrace(MultibandCompressor compressor, int band, double[] x, int silence) {
        double[] trace = new double[x.length + silence];
        int[][] one = new int[1][1];
        for (int n = 0; n < trace.length; n++) {
            one[0][0] = n < x.length ? Signals.quantize(new double[] {x[n]})[0] : 0;
            compressor.process(one, 1);
            trace[n] = compressor.gainReductionDb(band, 0);
        }
        return trace;
    }

    /** Time constant in samples from the 20 % and 80 % crossings of a rise or a fall. */
    private static double tau(double[] trace, int from, int to, double full, boolean rising) {
        double t20 = crossing(trace, from, to, (rising ? 0.2 : 0.8) * full, rising);
        double t80 = crossing(trace, from, to, (rising ? 0.8 : 0.2) * full, rising);
        return (t80 - t20) / Math.log(4);
    }

    /** First fractional index where the trace passes {@code value} in the given direction. */
    private static double crossing(double[] trace, int from, int to, double value, boolean rising) {
        for (int n = from + 1; n < to; n++) {
            double a = trace[n - 1];
            double b = trace[n];
            if (rising ? a < value && b >= value : a > value && b <= value) {
                return n - 1 + (value - a) / (b - a);
            }
        }
        throw new AssertionError("the trace never passes " + value + " dB");
    }

    private static double[] constant(int frames, double value) {
        double[] x = new double[frames];
        java.util.Arrays.fill(x, value);
        return x;
    }

    /**
     * Left loud, right quiet (below the knee), centre silent: linked, every channel gets the
     * left's reduction; unlinked, only the left is reduced and the others pass at unity.
     */
    @Test
    void stereoLinkAppliesTheLoudestChannelsReductionToAll() {
        int rate = 48_000;
        CompressorParams band = new CompressorParams(-30, 4, 6, 5, 100, 0);
        // RMS over whole cycles of the tone, so the reduction is steady rather than riding crests;
        // the split sits well below the tone, so the unreduced low band leaks 64 dB under it.
        MultibandParams linked = MultibandParams.of(rate, 3, List.of(100.0), List.of(CompressorParams.unity(), band))
                .withDetection(Detection.RMS).withRmsWindowMs(10);
        double[] loud = Signals.sine(rate, rate, 1000, 0.5, 0);
        double[] quiet = Signals.sine(rate, rate, 1000, 0.01, 1);
        double expectedReduction = 0.75 * (20 * Math.log10(0.5 / Math.sqrt(2)) + 30);

        for (boolean link : new boolean[] {true, false}) {
            MultibandCompressor compressor = new MultibandCompressor(linked.withStereoLink(link));
            int[][] io = {Signals.quantize(loud), Signals.quantize(quiet), new int[rate]};
            compressor.process(io, rate);
            double left = compressor.gainReductionDb(1, 0);
            assertEquals(expectedReduction, left, 0.1, "left reduction, link " + link);
            assertEquals(link ? left : 0.0, compressor.gainReductionDb(1, 1), 1e-12, "right, link " + link);
            assertEquals(link ? left : 0.0, compressor.gainReductionDb(1, 2), 1e-12, "centre, link " + link);
            double rightChange = Phasor.of(Signals.toDouble(io[1]), rate, 1000, rate / 2, rate / 2)
                    .gainDbRelativeTo(Phasor.of(quiet, rate, 1000, rate / 2, rate / 2));
            assertEquals(link ? -left : 0.0, rightChange, 0.02, "right level change, link " + link);
            for (int s : io[2]) {
                assertEquals(0, s, "a silent channel stays silent");
            }
        }
    }
}
