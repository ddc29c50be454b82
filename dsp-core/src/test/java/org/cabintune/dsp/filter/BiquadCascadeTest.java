package org.cabintune.dsp.filter;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.ErrorStats;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.testing.Twins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
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
        int rate = (int) fs;
        double[] noise = Signals.whiteNoise(7, 2 * rate, -12);
        double[] sweep = Signals.logSweep(rate, 4 * rate, 20, 20000, Math.pow(10, -12 / 20.0));
        for (double[] input : List.of(noise, sweep)) {
            ErrorStats error = Twins.run(BiquadCascade.mono(sections),
                    new BiquadCascadeReference(List.of(sections)), Twins.onChannels(input, 1)).errors();
            assertTrue(error.rmsDbfs() <= -130, label + ": error RMS " + error.rmsDbfs() + " dBFS");
            assertTrue(error.peakDbfs() <= -110, label + ": error peak " + error.peakDbfs() + " dBFS");
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
        int[] burst = Signals.quantize(Signals.whiteNoise(3, (int) fs / 2, -6));
        cascade.process(new int[][] {burst}, burst.length);
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
        List<QuantizedBiquad> sections = acceptanceChain(48000).stream().map(QuantizedBiquad::of).toList();
        BiquadCascade cascade = new BiquadCascade(List.of(sections, sections));
        int[][] block = new int[2][128];
        assertEquals(0, Allocation.bytesAllocatedBy(() -> cascade.process(block, 128), 10_000));
    }
}
