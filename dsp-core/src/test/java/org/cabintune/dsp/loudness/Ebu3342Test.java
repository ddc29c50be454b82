package org.cabintune.dsp.loudness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EBU Tech 3342 (v4, 2016) loudness-range test signals 1 to 4: stereo 1 kHz tones, 20 s per
 * level, synthesized from their definitions; tolerance +-1 LU. Cases 5 and 6 are programme
 * material (EBU files only).
 */
class Ebu3342Test {

    @ParameterizedTest(name = "case {0} at {1} Hz")
    @CsvSource(delimiter = ';', value = {
        "1; 48000; -20 -30; 10",
        "2; 48000; -20 -15; 5",
        "3; 48000; -40 -20; 20",
        "4; 48000; -50 -35 -20 -35 -50; 15",
        "1; 44100; -20 -30; 10",
        "2; 96000; -20 -15; 5"})
    void loudnessRangeSpansTheLevels(int testCase, int fs, String levels, double expected) {
        Programme p = new Programme(fs, 2);
        for (String level : levels.split(" ")) {
            p.tone(20, Double.parseDouble(level));
        }
        LoudnessReadings r = p.measure(LoudnessParams.of(fs, 2));
        Conformance.range("3342 case " + testCase + " @" + fs + " LRA", r.loudnessRangeLu(), expected);
    }
}
