package org.cabintune.hu.engine;

import org.cabintune.hu.audio.AlsaPcm;
import org.cabintune.hu.audio.PcmFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine through the real libasound: a {@code file} PCM records exactly what the DAC would get. */
class AlsaSinkTest {

    private static final int FS = 48000;
    private static final int PERIOD = 128;

    @TempDir
    Path dir;

    @Test
    void theDeviceStartsAndEndsOnSilence() throws Exception {
        Path raw = dir.resolve("dac.raw");
        String config = """
                pcm.dac {
                    type file
                    slave.pcm { type null }
                    file "%s"
                    format "raw"
                }
                """.formatted(raw.toAbsolutePath());
        AlsaPcm pcm = AlsaPcm.open(new AlsaPcm.Spec("dac", false, PcmFormat.S32_LE, 2, FS, PERIOD, 3, config));
        AudioEngine engine = AudioEngine.create(new AudioEngine.Context()
                .source(TestSignals.sine(2, FS, 1000, -6)).sink(new AlsaSink(pcm)).graph(Graphs.identity(PERIOD))
                .periodFrames(PERIOD).warmupPeriods(100));
        engine.start();
        Thread.sleep(50);
        assertTrue(engine.stop());
        assertEquals(0, engine.stats().xruns());
        ByteBuffer words = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        int frames = words.remaining() / 8;
        assertEquals(engine.stats().framesProcessed(), frames);
        int[] left = new int[frames];
        for (int i = 0; i < frames; i++) {
            left[i] = words.getInt(i * 8);
        }
        for (int i = 0; i < 2 * PERIOD; i++) {
            assertEquals(0, left[i], "first words are exact zeros, frame " + i);
        }
        for (int i = frames - 2 * PERIOD; i < frames; i++) {
            assertEquals(0, left[i], "last words are exact zeros, frame " + i);
        }
        long loud = java.util.Arrays.stream(left).filter(w -> Math.abs(w) > (1 << 29)).count();
        assertTrue(loud > 0, "the sine reaches the device between the ramps");
    }

    @Test
    void aCaptureStreamIsNotASink() throws Exception {
        try (AlsaPcm capture = AlsaPcm.open(new AlsaPcm.Spec("nul", true, PcmFormat.S16_LE, 2, FS, PERIOD, 3,
                "pcm.nul { type null }"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AlsaSink(capture));
            assertTrue(e.getMessage().contains("open for capture"), e.getMessage());
            assertEquals(2, new AlsaSource(capture).channels());
        }
    }
}
