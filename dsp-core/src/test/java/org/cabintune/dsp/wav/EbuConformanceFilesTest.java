package org.cabintune.dsp.wav;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cabintune.dsp.testing.ConformanceFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reads the EBU loudness test set v05 (EBU Tech 3341/3342 material) when a copy sits in
 * {@code ../shared/conformance/ebu-loudness-test-setv05} beside the repository; skipped when
 * it does not. The files are only read in place, never copied into the project.
 */
class EbuConformanceFilesTest {

    private static final Pattern BITS = Pattern.compile("-(16|24)bit");
    private static final Pattern CHANNELS = Pattern.compile("-(\\d+)channels");

    /**
     * Per-channel sine amplitude in dBFS from the set's definitions (Tech 3341 cases 1 and 2),
     * measured as RMS x sqrt(2): the 16-bit files carry dither, which moves sample peaks.
     */
    private static final Map<String, Double> SINE_DBFS = Map.of(
            "seq-3341-1-16bit.wav", -23.0,
            "seq-3341-2-16bit.wav", -33.0);
    /** Sample peaks in dBFS: case 15 is fs/4 at 0.5 FFS, phase 0, so samples hit the peak. */
    private static final Map<String, Double> PEAK_DBFS = Map.of("seq-3341-15-24bit.wav.wav", -6.0);

    @Test
    void everyFileReadsWithTheFormatItsNameStates() throws IOException {
        Path folder = ConformanceFiles.ebuLoudnessTestSet();
        Assumptions.assumeTrue(folder != null && Files.isDirectory(folder),
                "EBU loudness test set not present beside the repository");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".wav")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no WAV files in " + folder);
        // assertAll checks every file and reports each failure under its file name.
        assertAll(files.stream().map(p -> () -> {
            try {
                check(p);
            } catch (AssertionError | IOException e) {
                throw new AssertionError(p.getFileName() + ": " + e.getMessage(), e);
            }
        }));
    }

    private static void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (SeekableByteChannel ch = Files.newByteChannel(file); WavReader r = WavReader.open(ch)) {
            WavFormat f = r.format();
            Matcher bits = BITS.matcher(name);
            assertTrue(bits.find(), "bit depth in the name");
            Matcher channels = CHANNELS.matcher(name);
            assertEquals(48000, f.sampleRate());
            assertEquals(channels.find() ? Integer.parseInt(channels.group(1)) : 2, f.channels());
            assertEquals(Integer.parseInt(bits.group(1)), f.bitsPerSample());
            assertEquals(WavEncoding.PCM, f.encoding());
            assertTrue(f.frameCount() > 48000, "at least a second of audio");

            int[][] block = new int[f.channels()][4096];
            long frames = 0;
            double sumSquares = 0;
            int peak = 0;
            int n;
            while ((n = r.read(block, 4096)) > 0) {
                for (int[] channel : block) {
                    for (int i = 0; i < n; i++) {
                        double x = channel[i] * 0x1p-24;
                        sumSquares += x * x;
                        peak = Math.max(peak, Math.abs(channel[i]));
                    }
                }
                frames += n;
            }
            assertEquals(f.frameCount(), frames, "frames read");
            Double expected = SINE_DBFS.get(name);
            if (expected != null) {
                double rms = Math.sqrt(sumSquares / (frames * f.channels()));
                assertEquals(expected, 20 * Math.log10(rms * Math.sqrt(2)), 0.05, "sine amplitude dBFS");
            }
            Double expectedPeak = PEAK_DBFS.get(name);
            if (expectedPeak != null) {
                assertEquals(expectedPeak, 20 * Math.log10(peak * 0x1p-24), 0.05, "sample peak dBFS");
            }
        }
    }
}
