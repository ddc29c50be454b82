package org.cabintune.dsp.filter;

import org.cabintune.dsp.Q824;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiquadCascadeTest {

    /** The acceptance chain: 20 Hz Q 10 peak, 25 Hz LR4 high-pass, shelves, a 1 kHz cut. */
    static List<BiquadCoefficients> acceptanceChain(double fs) {
        List<BiquadCoefficients> chain = new ArrayList<>();
        chain.add(FilterDesign.peaking(fs, 20, 10, 6));
        chain.addAll(CrossoverDesign.linkwitzRiley(CrossoverDesign.Pass.HIGHPASS, 4, fs, 25));
        chain.add(FilterDesign.lowShelf(fs, 100, 0.7, 6));
        chain.add(FilterDesign.highShelf(fs, 8000, 0.7, -4));
        chain.add(FilterDesign.peaking(fs, 1000, 2, -6));
        return chain;
    }

    static Stream<Arguments> chains() {
        List<Arguments> cases = new ArrayList<>();
        for (double fs : new double[] {44100, 48000, 96000}) {
            cases.add(Arguments.of("acceptance chain", fs, acceptanceChain(fs)));
            cases.add(Arguments.of("20 Hz Q10 peak", fs, List.of(FilterDesign.peaking(fs, 20, 10, 6))));
            cases.add(Arguments.of("LR8 low-pass 30 Hz", fs,
                    CrossoverDesign.linkwitzRiley(CrossoverDesign.Pass.LOWPASS, 8, fs, 30)));
            cases.add(Arguments.of("BW7 high-pass 3.5 kHz", fs,
                    CrossoverDesign.butterworth(CrossoverDesign.Pass.HIGHPASS, 7, fs, 3500)));
            cases.add(Arguments.of("notch, band-pass, all-passes", fs, List.of(
                    FilterDesign.notch(fs, 50, 5), FilterDesign.bandpass(fs, 700, 0.8),
                    FilterDesign.allpass(fs, 120, 2), FilterDesign.allpass1(fs, 40))));
            cases.add(Arguments.of("first-order shelves and passes", fs, List.of(
                    FilterDesign.lowShelf1(fs, 60, 9), FilterDesign.highShelf1(fs, 6000, -6),
                    FilterDesign.lowpass1(fs, 15000), FilterDesign.highpass1(fs, 15))));
            cases.add(Arguments.of("+18 dB shelf", fs, List.of(FilterDesign.highShelf(fs, 3000, 0.7, 18))));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1} Hz")
    @MethodSource("chains")
    void tracksTheDoubleTwinOnNoiseAndSweep(String label, double fs, List<BiquadCoefficients> design) {
        List<QuantizedBiquad> sections = design.stream().map(QuantizedBiquad::of).toList();
        for (double[] input : List.of(whiteNoise(fs, 2.0, -12, 7), logSweep(fs, 4.0, -12))) {
            int[] fixed = new int[input.length];
            double[] twin = new double[input.length];
            for (int i = 0; i < input.length; i++) {
                fixed[i] = Q824.fromDouble(input[i]);
                twin[i] = Q824.toDouble(fixed[i]);
            }
            BiquadCascade.mono(sections).process(new int[][] {fixed}, fixed.length);
            new BiquadCascadeReference(List.of(sections)).process(new double[][] {twin}, twin.length);
            double sum = 0, peak = 0;
            for (int i = 0; i < input.length; i++) {
                double e = Q824.toDouble(fixed[i]) - twin[i];
                sum += e * e;
                peak = Math.max(peak, Math.abs(e));
            }
            double rmsDb = 10 * Math.log10(sum / input.length);
            double peakDb = 20 * Math.log10(peak);
            assertTrue(rmsDb <= -130, label + ": error RMS " + rmsDb + " dBFS");
            assertTrue(peakDb <= -110, label + ": error peak " + peakDb + " dBFS");
        }
    }

    @ParameterizedTest(name = "{0} at {1} Hz")
    @MethodSource("chains")
    void silenceStaysExactlySilentAndSignalDecaysToExactZero(String label, double fs, List<BiquadCoefficients> design) {
        BiquadCascade cascade = BiquadCascade.mono(design.stream().map(QuantizedBiquad::of).toList());
        int[] block = new int[(int) fs];
        cascade.process(new int[][] {block}, block.length);
        for (int s : block) {
            assertEquals(0, s, label + ": silence in gave non-zero out");
        }
        double[] burst = whiteNoise(fs, 0.5, -6, 3);
        for (int i = 0; i < burst.length; i++) {
            block[i] = Q824.fromDouble(burst[i]);
        }
        cascade.process(new int[][] {block}, burst.length);
        int[] silence = new int[block.length];
        for (int second = 0; second < 8; second++) {
            java.util.Arrays.fill(silence, 0);
            cascade.process(new int[][] {silence}, silence.length);
        }
        for (int s : silence) {
            assertEquals(0, s, label + ": no exact zero eight seconds after the signal stopped");
        }
    }

    @Test
    void saturatesInsteadOfWrapping() {
        double fs = 48000;
        int limit = BiquadCascade.HEADROOM << 24;
        // +18 dB at DC on a full-scale DC input, and +18 dB at Nyquist on a full-scale Nyquist
        // tone: both far past the +24 dBFS headroom, so the output must pin there with the
        // input's sign, sample after sample.
        BiquadCascade lowBoost = BiquadCascade.mono(List.of(
                QuantizedBiquad.of(FilterDesign.lowShelf(fs, 1000, 0.7, 18)),
                QuantizedBiquad.of(FilterDesign.lowShelf(fs, 300, 0.7, 18))));
        BiquadCascade highBoost = BiquadCascade.mono(List.of(
                QuantizedBiquad.of(FilterDesign.highShelf(fs, 3000, 0.7, 18)),
                QuantizedBiquad.of(FilterDesign.highShelf(fs, 6000, 0.7, 18))));
        for (int polarity : new int[] {1, -1}) {
            int[] dc = new int[48000];
            int[] nyquist = new int[48000];
            for (int i = 0; i < dc.length; i++) {
                dc[i] = polarity > 0 ? Q824.MAX : Q824.MIN;
                nyquist[i] = (i % 2 == 0) == (polarity > 0) ? Q824.MAX : Q824.MIN;
            }
            lowBoost.reset();
            highBoost.reset();
            lowBoost.process(new int[][] {dc}, dc.length);
            highBoost.process(new int[][] {nyquist}, nyquist.length);
            for (int i = 24000; i < dc.length; i++) {
                assertEquals(polarity * limit, dc[i], "DC sample " + i);
                int want = (i % 2 == 0) == (polarity > 0) ? limit : -limit;
                assertEquals(want, nyquist[i], "Nyquist sample " + i);
            }
        }
    }

    @Test
    void processAllocatesNothing() {
        double fs = 48000;
        List<QuantizedBiquad> sections = acceptanceChain(fs).stream().map(QuantizedBiquad::of).toList();
        BiquadCascade cascade = new BiquadCascade(List.of(sections, sections));
        int[][] block = new int[2][128];
        Runnable run = () -> cascade.process(block, 128);
        for (int i = 0; i < 20_000; i++) {
            run.run();
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            run.run();
        }
        assertEquals(0, mx.getThreadAllocatedBytes(tid) - before);
    }

    static double[] whiteNoise(double fs, double seconds, double rmsDb, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[(int) (fs * seconds)];
        double rms = Math.pow(10, rmsDb / 20);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.clamp(nextGaussian(random) * rms, -1, 1);
        }
        return x;
    }

    private static double nextGaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static double[] logSweep(double fs, double seconds, double peakDb) {
        double[] x = new double[(int) (fs * seconds)];
        double f1 = 20, f2 = 20000, k = Math.log(f2 / f1), amp = Math.pow(10, peakDb / 20);
        for (int i = 0; i < x.length; i++) {
            double t = i / fs;
            x[i] = amp * Math.sin(2 * Math.PI * f1 * seconds / k * (Math.exp(t / seconds * k) - 1));
        }
        return x;
    }
}
