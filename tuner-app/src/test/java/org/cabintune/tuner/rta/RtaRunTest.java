package org.cabintune.tuner.rta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import org.cabintune.tuner.audio.StreamCapture;
import org.cabintune.tuner.audio.SweepFiles;
import org.cabintune.tuner.measure.RewText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyser's loop on a capture (an {@code AudioInputStream} over a 24-bit stereo file, the
 * microphone on its second channel, as a sound card's line would deliver it), and the reading
 * written as REW text.
 */
class RtaRunTest {

    private static final int RATE = 48000;

    @TempDir
    Path dir;

    private Path pinkFile(double[] heard) throws IOException {
        return SweepFiles.write(dir.resolve("pink.wav"), AudioFileFormat.Type.WAVE, 24, 2, 1, heard);
    }

    private static RtaAnalyzer analyzer() {
        Bands bands = Bands.of(3, 20, 20_000);
        return new RtaAnalyzer(RATE, bands, RtaAnalyzer.fftSizeFor(bands, RATE), Averaging.parse("exp:2"), null);
    }

    @Test
    void readsTheCaptureAsTheAnalyserReadsTheSamples() throws IOException {
        double[] pink = RtaAnalyzerTest.pink(-20, 6 * RATE, 3);
        Path file = pinkFile(pink);
        List<Spectrum> shown = new ArrayList<>();
        Spectrum live;
        try (RtaInput in = RtaInput.of(StreamCapture.open(file), 1, 2400)) {
            live = RtaRun.run(in, analyzer(), shown::add, 0.25, Double.POSITIVE_INFINITY, () -> false);
        }
        RtaAnalyzer direct = analyzer();
        double[] quantised = new double[pink.length];
        for (int i = 0; i < pink.length; i++) {
            quantised[i] = SweepFiles.word(pink[i], 24) / 0x1p23;
        }
        direct.accept(quantised, 0, quantised.length);
        assertArrayEquals(direct.spectrum().db(), live.db());
        assertEquals(6.0, live.seconds(), 1e-9);
        assertEquals(6 * 4 + 1, shown.size(), "a frame every 0.25 s of signal, and the last");
        assertTrue(live.frames() > 10, "frames: " + live.frames());
    }

    @Test
    void stopsAfterTheSecondsAskedOrWhenTold() throws IOException {
        Path file = pinkFile(RtaAnalyzerTest.pink(-20, 4 * RATE, 3));
        try (RtaInput in = RtaInput.of(StreamCapture.open(file), 1, 2400)) {
            assertEquals(2.0, RtaRun.run(in, analyzer(), s -> { }, 0.25, 2.0, () -> false).seconds(), 1e-9);
        }
        try (RtaInput in = RtaInput.of(StreamCapture.open(file), 1, 2400)) {
            Spectrum none = RtaRun.run(in, analyzer(), s -> { }, 0.25, 2.0, () -> true);
            assertEquals(0, none.frames());
            assertTrue(Double.isNaN(none.db()[0]));
        }
    }

    @Test
    void theReadingIsWrittenAsRewText() throws IOException {
        RtaAnalyzer rta = analyzer();
        double[] pink = RtaAnalyzerTest.pink(-20, 3 * RATE, 3);
        rta.accept(pink, 0, pink.length);
        Spectrum s = rta.spectrum().offset(94 + 18, "dB SPL");
        Path out = dir.resolve("rta.txt");
        RtaCommand.write(out, s, List.of("CabinTune RTA", "Level: dB SPL per band"));
        RewText.Imported back = RewText.read(out);
        assertEquals(List.of("CabinTune RTA", "Level: dB SPL per band", RewText.COLUMNS.substring(2)), back.header());
        assertEquals(31, back.response().size());
        for (int i = 0; i < 31; i++) {
            assertEquals(s.bands().centres()[i], back.response().hz()[i], 1e-6);
            assertEquals(s.db()[i], back.response().db()[i], 0.0005);
        }
    }
}
