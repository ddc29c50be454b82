package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cabintune.dsp.testing.ConformanceFiles;
import org.cabintune.dsp.wav.WavReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Meters the public EBU loudness test set v05 in place ({@code ../shared/conformance/
 * ebu-loudness-test-setv05} beside the repository; skipped when absent) and holds every file
 * to what its EBU Tech 3341 definition says it must read, as the set's EXPECTED.md lists it.
 * The same cases are synthesized by {@link Ebu3341Test}, so they are covered either way.
 */
class LoudnessConformanceFilesTest {

    private static final Pattern CASE = Pattern.compile("seq-3341-(\\d+)(?:-(\\d+))?-(?:16|24)bit\\.wav(?:\\.wav)?");
    private static final Pattern CALIBRATION = Pattern.compile("1kHz Sine (-\\d+) LUFS-16bit\\.wav");

    @TestFactory
    Stream<DynamicTest> everyFileReadsWhatItsDefinitionSays() throws IOException {
        Path folder = ConformanceFiles.ebuLoudnessTestSet();
        Assumptions.assumeTrue(folder != null && Files.isDirectory(folder),
                "EBU loudness test set not present beside the repository");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".wav")).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Matcher c = CASE.matcher(name);
            Matcher calibration = CALIBRATION.matcher(name);
            if (c.matches() && expectation(Integer.parseInt(c.group(1))) != null) {
                tests.add(DynamicTest.dynamicTest(name, () -> check(file, Integer.parseInt(c.group(1)))));
            } else if (calibration.matches()) {
                double level = Double.parseDouble(calibration.group(1));
                tests.add(DynamicTest.dynamicTest(name, () -> Conformance.loudness("file " + name + " I",
                        measure(file, null).integratedLufs(), level)));
            }
        }
        assertFalse(tests.isEmpty(), "no known EBU files in " + folder);
        return tests.stream();
    }

    /** What a case's files are checked for, or null for cases this test does not know. */
    private static String expectation(int testCase) {
        return switch (testCase) {
            case 1, 2 -> "M, S, I";
            case 3, 4, 5, 6, 7, 8 -> "I";
            case 10 -> "max S";
            case 12 -> "M after 1 s";
            case 13 -> "max M";
            case 15, 16, 17, 18, 19, 20, 21, 22, 23 -> "TP";
            default -> null;
        };
    }

    private static void check(Path file, int testCase) throws IOException {
        String what = "file " + file.getFileName() + " ";
        List<Double> momentaryAfterOneSecond = new ArrayList<>();
        LoudnessReadings r = measure(file, testCase == 12 ? momentaryAfterOneSecond : null);
        switch (testCase) {
            case 1, 2 -> {
                double level = testCase == 1 ? -23 : -33;
                Conformance.loudness(what + "M", r.momentaryLufs(), level);
                Conformance.loudness(what + "S", r.shortTermLufs(), level);
                Conformance.loudness(what + "I", r.integratedLufs(), level);
            }
            case 10 -> Conformance.loudness(what + "max S", r.maxShortTermLufs(), -23);
            case 12 -> Conformance.loudness(what + "M (worst after 1 s)", momentaryAfterOneSecond.stream()
                    .max((a, b) -> Double.compare(Math.abs(a + 23), Math.abs(b + 23))).orElseThrow(), -23);
            case 13 -> Conformance.loudness(what + "max M", r.maxMomentaryLufs(), -23);
            case 15, 16, 17, 18 -> Conformance.truePeak(what + "TP", r.truePeakDbtp(), -6);
            case 19 -> Conformance.truePeak(what + "TP", r.truePeakDbtp(), 3);
            case 20, 21, 22, 23 -> Conformance.truePeak(what + "TP", r.truePeakDbtp(), 0);
            default -> Conformance.loudness(what + "I", r.integratedLufs(), -23);
        }
    }

    /**
     * Meters a file; when {@code momentary} is given, in 10 ms blocks, adding the momentary
     * loudness after every block from 1 s on.
     */
    private static LoudnessReadings measure(Path file, List<Double> momentary) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file); WavReader reader = WavReader.open(ch)) {
            int fs = reader.format().sampleRate();
            int channels = reader.format().channels();
            LoudnessMeter meter = new LoudnessMeter(new LoudnessParams(fs,
                    boxed(ChannelWeights.fromSpeakerMask(reader.channelMask(), channels))));
            int block = momentary != null ? fs / 100 : 4800;
            int[][] buffer = new int[channels][block];
            int n;
            while ((n = reader.read(buffer, block)) > 0) {
                meter.process(buffer, n);
                if (momentary != null && meter.readings().frames() >= fs) {
                    momentary.add(meter.readings().momentaryLufs());
                }
            }
            return meter.readings();
        }
    }

    private static List<Double> boxed(double[] weights) {
        List<Double> list = new ArrayList<>();
        for (double w : weights) {
            list.add(w);
        }
        return list;
    }
}
