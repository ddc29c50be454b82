package org.cabintune.dsp.loudness;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EBU Tech 3341 (v4, 2016) minimum-requirements test signals 1 to 6 and 9 to 23, synthesized
 * from their definitions (1 kHz tones in phase on every channel, levels in dBFS peak per
 * channel) and held to the document's tolerances: +-0.1 LU for loudness, +0.2/-0.4 dB for
 * true peak. Cases 7 and 8 are programme material, run from the EBU files by
 * {@code LoudnessConformanceFilesTest} when those are present. Most cases run at 48 kHz,
 * the rate of the EBU files; some also at 44.1 and 96 kHz.
 */
class Ebu3341Test {

    private static String label(int testCase, int sampleRate) {
        return "3341 case " + testCase + " @" + sampleRate;
    }

    @ParameterizedTest(name = "case {1} at {0} Hz")
    @CsvSource({"48000, 1, -23", "48000, 2, -33", "44100, 1, -23", "96000, 2, -33"})
    void steadyToneReadsItsLevelOnEveryTimeScale(int fs, int testCase, double level) {
        LoudnessReadings r = new Programme(fs, 2).tone(20, level).measure(LoudnessParams.of(fs, 2));
        Conformance.loudness(label(testCase, fs) + " M", r.momentaryLufs(), level);
        Conformance.loudness(label(testCase, fs) + " S", r.shortTermLufs(), level);
        Conformance.loudness(label(testCase, fs) + " I", r.integratedLufs(), level);
    }

    static Stream<Arguments> gatedProgrammes() {
        return Stream.of(
                Arguments.of(3, 48000, new Programme(48000, 2).tone(10, -36).tone(60, -23).tone(10, -36)),
                Arguments.of(4, 48000, new Programme(48000, 2).tone(10, -72).tone(10, -36).tone(60, -23)
                        .tone(10, -36).tone(10, -72)),
                Arguments.of(5, 48000, new Programme(48000, 2).tone(20, -26).tone(20.1, -20).tone(20, -26)),
                Arguments.of(5, 44100, new Programme(44100, 2).tone(20, -26).tone(20.1, -20).tone(20, -26)));
    }

    /** Cases 3 to 5: the gates keep quiet passages out of the integrated loudness. */
    @ParameterizedTest(name = "case {0} at {1} Hz")
    @MethodSource("gatedProgrammes")
    void integratedLoudnessGatesOutQuietPassages(int testCase, int fs, Programme programme) {
        LoudnessReadings r = programme.measure(LoudnessParams.of(fs, 2));
        Conformance.loudness(label(testCase, fs) + " I", r.integratedLufs(), -23);
    }

    /** Case 6: 5.0 (L, R, C, Ls, Rs), the surrounds weighted 1.41. */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {48000, 44100})
    void surroundChannelsAreWeighted(int fs) {
        LoudnessReadings r = new Programme(fs, 5).tone(20, -28, -28, -24, -30, -30).measure(LoudnessParams.of(fs, 5));
        Conformance.loudness(label(6, fs) + " I", r.integratedLufs(), -23);
    }

    /** Case 9: alternating levels with a 3 s period, so every 3 s window holds the same energy. */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {48000})
    void shortTermIsConstantOverAThreeSecondPeriod(int fs) {
        Programme p = new Programme(fs, 2);
        for (int i = 0; i < 5; i++) {
            p.tone(1.34, -20).tone(1.66, -30);
        }
        checkAfter(p, 3.0, false, label(9, fs) + " S (worst after 3 s)");
    }

    /** Case 12: alternating levels with a 0.4 s period; momentary constant after 1 s. */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {48000})
    void momentaryIsConstantOverAFourHundredMillisecondPeriod(int fs) {
        Programme p = new Programme(fs, 2);
        for (int i = 0; i < 25; i++) {
            p.tone(0.18, -20).tone(0.22, -30);
        }
        checkAfter(p, 1.0, true, label(12, fs) + " M (worst after 1 s)");
    }

    /** Reads M or S every 10 ms from {@code fromSeconds} on and checks the farthest from -23. */
    private static void checkAfter(Programme p, double fromSeconds, boolean momentary, String what) {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(p.sampleRate(), 2));
        List<Double> readings = new ArrayList<>();
        long from = Math.round(fromSeconds * p.sampleRate());
        p.meter(meter, p.sampleRate() / 100, r -> {
            if (r.frames() >= from) {
                readings.add(momentary ? r.momentaryLufs() : r.shortTermLufs());
            }
        });
        double worst = readings.stream().max((a, b) -> Double.compare(Math.abs(a + 23), Math.abs(b + 23))).orElseThrow();
        Conformance.loudness(what, worst, -23);
    }

    static IntStream variants() {
        return IntStream.rangeClosed(1, 20);
    }

    /** Case 10: a 3 s burst starting 0.15 s later in each of 20 files; max S catches it whole. */
    @ParameterizedTest(name = "file {0}")
    @MethodSource("variants")
    void maxShortTermCatchesEveryBurst(int n) {
        int fs = 48000;
        LoudnessReadings r = new Programme(fs, 2).silence((n - 1) * 0.15).tone(3, -23).silence(1)
                .measure(LoudnessParams.of(fs, 2));
        Conformance.loudness(label(10, fs) + "-" + n + " max S", r.maxShortTermLufs(), -23);
    }

    /** Case 13: a 400 ms burst starting 20 ms later in each of 20 files; needs 10 ms updates. */
    @ParameterizedTest(name = "file {0}")
    @MethodSource("variants")
    void maxMomentaryCatchesEveryBurst(int n) {
        int fs = 48000;
        LoudnessReadings r = new Programme(fs, 2).silence((n - 1) * 0.02).tone(0.4, -23).silence(1)
                .measure(LoudnessParams.of(fs, 2));
        Conformance.loudness(label(13, fs) + "-" + n + " max M", r.maxMomentaryLufs(), -23);
    }

    /**
     * Cases 11 and 14: twenty bursts in one file, each louder by 1 dB and starting later within
     * its segment; the maximum after each segment is that burst's level (no later, louder
     * burst has started yet).
     */
    @ParameterizedTest(name = "case {0}")
    @CsvSource({"11, 3.0, 0.15", "14, 0.4, 0.02"})
    void successiveMaximaFollowRisingBursts(int testCase, double burst, double step) {
        int fs = 48000;
        Programme p = new Programme(fs, 2);
        for (int i = 0; i < 20; i++) {
            p.silence(i * step).tone(burst, -38 + i).silence(burst - i * step);
        }
        long segment = Math.round(2 * burst * fs);
        List<Double> maxima = new ArrayList<>();
        // Blocks of 100 ms end on every segment boundary; the maxima are tracked at 10 ms inside.
        p.meter(new LoudnessMeter(LoudnessParams.of(fs, 2)), fs / 10, r -> {
            if (r.frames() % segment == 0) {
                maxima.add(testCase == 11 ? r.maxShortTermLufs() : r.maxMomentaryLufs());
            }
        });
        for (int i = 0; i < 20; i++) {
            Conformance.loudness(label(testCase, fs) + " burst " + (i + 1) + (testCase == 11 ? " max S" : " max M"),
                    maxima.get(i), -38 + i);
        }
    }

    static Stream<Arguments> truePeakTones() {
        List<Arguments> cases = new ArrayList<>();
        for (int fs : new int[] {48000, 44100, 88200, 96000}) {
            cases.add(Arguments.of(15, fs, 4, 0.50, 0.0, -6.0));
            cases.add(Arguments.of(16, fs, 4, 0.50, 45.0, -6.0));
            cases.add(Arguments.of(17, fs, 6, 0.50, 60.0, -6.0));
            cases.add(Arguments.of(18, fs, 8, 0.50, 67.5, -6.0));
            cases.add(Arguments.of(19, fs, 4, 1.41, 45.0, 3.0));
        }
        return cases.stream();
    }

    /** Cases 15 to 19: tones at fs/4, fs/6, fs/8 whose crests fall between samples. */
    @ParameterizedTest(name = "case {0} at {1} Hz")
    @MethodSource("truePeakTones")
    void truePeakFindsCrestsBetweenSamples(int testCase, int fs, int cycle, double amplitude, double phase,
            double expected) {
        double[] x = TruePeakSignals.tone(fs, 1.0, cycle, amplitude, phase);
        LoudnessReadings r = new Programme(fs, 2).samples(x).measure(LoudnessParams.of(fs, 2));
        Conformance.truePeak(label(testCase, fs) + " TP", r.truePeakDbtp(), expected);
    }

    /** Cases 20 to 23: one full-scale period at fs/4 in a fs/6 tone, at four sub-sample offsets. */
    @ParameterizedTest(name = "case {0}")
    @ValueSource(ints = {20, 21, 22, 23})
    void truePeakFindsAnIsolatedCrestAtAnyOffset(int testCase) {
        int fs = 48000;
        double[] x = TruePeakSignals.splice(fs, 0.6, testCase - 20);
        LoudnessReadings r = new Programme(fs, 2).samples(x).measure(LoudnessParams.of(fs, 2));
        Conformance.truePeak(label(testCase, fs) + " TP", r.truePeakDbtp(), 0.0);
    }
}
