package org.cabintune.tuner.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recording path a sound card's line goes through (capture, frame reader, decoder, the
 * recording thread), driven by Java Sound's own {@code AudioInputStream} over files its writers
 * made: every sample of the microphone's channel comes back exactly.
 */
class RecordingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}-bit, {2} channels, microphone on {3}")
    @CsvSource({"WAVE,24,2,1", "WAVE,16,1,0", "AIFF,16,2,0", "AIFF,24,1,0", "AIFF,32,2,1", "WAVE,32,3,2"})
    void everySampleOfTheMicrophonesChannelComesBack(String type, int bits, int channels, int mic) throws IOException {
        AudioFileFormat.Type t = type.equals("WAVE") ? AudioFileFormat.Type.WAVE : AudioFileFormat.Type.AIFF;
        Path file = SweepFiles.write(dir.resolve("rec." + t.getExtension()), t, bits, channels, mic);
        double[] expected = SweepFiles.microphone();
        double[] got;
        try (StreamCapture capture = StreamCapture.open(file)) {
            assertEquals(t == AudioFileFormat.Type.AIFF, capture.format().isBigEndian());
            got = Recording.start(capture, mic).stop();
        }
        assertEquals(expected.length, got.length);
        double full = Math.pow(2, bits - 1);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(SweepFiles.word(expected[i], bits) / full, got[i], "sample " + i);
        }
    }
}
