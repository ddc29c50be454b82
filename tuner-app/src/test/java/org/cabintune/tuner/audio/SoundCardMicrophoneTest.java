package org.cabintune.tuner.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.MicCalibration;
import org.cabintune.tuner.measure.Smoothing;
import org.cabintune.tuner.measure.SweepAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sound-card microphone through its real recording path, fed by an {@code AudioInputStream}
 * over a 24-bit stereo WAV file with the stimulus on the second channel: the person is asked to
 * move it once per position, and what it records measures as the file's known response.
 */
class SoundCardMicrophoneTest {

    @TempDir
    Path dir;

    private SoundCardMicrophone mic(Path file, int rate, String keys, StringWriter shown, MicCalibration cal) {
        return new SoundCardMicrophone(() -> StreamCapture.open(file), rate, 1, 2, "driver", cal,
                new TerminalPrompt(new StringReader(keys), new PrintWriter(shown, true)));
    }

    @Test
    void asksOncePerPositionAndRecordsTheKnownResponse() throws IOException {
        Path file = SweepFiles.write(dir.resolve("mic.wav"), AudioFileFormat.Type.WAVE, 24, 2, 1);
        StringWriter shown = new StringWriter();
        try (SoundCardMicrophone mic = mic(file, SweepFiles.RATE, "\n\n", shown, null)) {
            assertEquals(2, mic.takes());
            assertEquals(List.of("1"), mic.positions(0));
            mic.start(0);
            double[] first = mic.stop().get(0);
            assertEquals("Move the microphone to position 1 of 2 around the driver's head, then press Enter. ",
                    shown.toString());
            mic.start(0);
            mic.stop();
            assertEquals(1, shown.toString().split("Move").length - 1, "the same position is not asked for again");
            mic.start(1);
            mic.stop();
            assertTrue(shown.toString().endsWith("position 2 of 2 around the driver's head, then press Enter. "));

            Measurement m = new SweepAnalyzer(SweepFiles.SPEC).analyze(first);
            assertEquals((double) SweepFiles.DELAY / SweepFiles.RATE, m.arrivalSeconds(), 0.05 / SweepFiles.RATE);
            double[] hz = LogGrid.of(40, 16_000, 6);
            double[] db = m.response(hz, Smoothing.NONE).db();
            for (int i = 0; i < hz.length; i++) {
                assertEquals(20 * Math.log10(SweepFiles.GAIN), db[i] - m.driveDbfs(), 0.02, "at " + hz[i] + " Hz");
            }
        }
    }

    @Test
    void itsCalibrationIsTakenOutOfTheMeasurement() throws IOException {
        Path file = SweepFiles.write(dir.resolve("mic.wav"), AudioFileFormat.Type.WAVE, 24, 2, 1);
        Path calFile = Files.writeString(dir.resolve("umik.txt"),
                "\"Sens Factor =-1.0dB, SERNO: 7000001\"\n20 0\n1000 0\n2000 3\n20000 3\n");
        MicCalibration cal = MicCalibration.read(calFile);
        try (SoundCardMicrophone mic = mic(file, SweepFiles.RATE, "\n", new StringWriter(), cal)) {
            assertEquals(cal, mic.calibration().orElseThrow());
            mic.start(0);
            Measurement raw = new SweepAnalyzer(SweepFiles.SPEC).analyze(mic.stop().get(0));
            Measurement corrected = cal.apply(raw);
            double[] hz = {100, 1000, Math.sqrt(2) * 1000, 5000};
            double[] expected = {0, 0, -1.5, -3};
            double[] before = raw.response(hz, Smoothing.NONE).db();
            double[] after = corrected.response(hz, Smoothing.NONE).db();
            for (int i = 0; i < hz.length; i++) {
                assertEquals(expected[i], after[i] - before[i], 0.01, "at " + hz[i] + " Hz");
            }
        }
    }

    @Test
    void noTerminalMeansNobodyCanSayTheMicrophoneMoved() throws IOException {
        Path file = SweepFiles.write(dir.resolve("mic.wav"), AudioFileFormat.Type.WAVE, 24, 2, 1);
        try (SoundCardMicrophone mic = mic(file, SweepFiles.RATE, "", new StringWriter(), null)) {
            AudioException e = assertThrows(AudioException.class, () -> mic.start(0));
            assertEquals("standard input ended while waiting for Enter after \"Move the microphone to position 1 of 2"
                    + " around the driver's head, then press Enter.\"; run this from a terminal, where Enter says the"
                    + " microphone is in place", e.getMessage());
        }
    }

    @Test
    void aCaptureAtAnotherRateThanTheUnitsIsRefused() throws IOException {
        Path file = SweepFiles.write(dir.resolve("mic.wav"), AudioFileFormat.Type.WAVE, 24, 2, 1);
        try (SoundCardMicrophone mic = mic(file, 44100, "\n", new StringWriter(), null)) {
            AudioException e = assertThrows(AudioException.class, () -> mic.start(0));
            assertEquals(file + " records at 48000 Hz, not the unit's 44100 Hz", e.getMessage());
        }
    }
}
