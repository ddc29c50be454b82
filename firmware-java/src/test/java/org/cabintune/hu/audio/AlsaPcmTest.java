package org.cabintune.hu.audio;

import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.wav.PcmCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real libasound, through its {@code null} PCM and a {@code file} PCM defined in a local configuration. */
class AlsaPcmTest {

    private static final int RATE = 48000;
    private static final int PERIOD = 128;

    @TempDir
    Path dir;

    private static String fileDevice(Path file) {
        return """
                pcm.capture_to_file {
                    type file
                    slave.pcm { type null }
                    file "%s"
                    format "raw"
                }
                """.formatted(file.toAbsolutePath());
    }

    private static int[][] noise(int channels, int frames, long seed) {
        int[][] block = new int[channels][];
        for (int c = 0; c < channels; c++) {
            block[c] = Signals.quantize(Signals.whiteNoise(seed + c, frames, -12));
        }
        return block;
    }

    @ParameterizedTest
    @EnumSource(PcmFormat.class)
    void playsIntoTheNullDevice(PcmFormat format) throws Exception {
        try (AlsaPcm pcm = AlsaPcm.open(new AlsaPcm.Spec("cabintune_null", false, format, 8, RATE, PERIOD, 4,
                "pcm.cabintune_null { type null }"))) {
            int[][] block = noise(8, PERIOD, 1);
            for (int i = 0; i < 200; i++) {
                pcm.write(block, PERIOD);
            }
            assertEquals(0, pcm.xruns());
            assertTrue(pcm.periodFrames() > 0 && pcm.bufferFrames() >= pcm.periodFrames());
        }
    }

    @Test
    void theFilePcmReceivesExactlyTheEncodedWords() throws Exception {
        Path raw = dir.resolve("out.raw");
        int blocks = 50;
        int[][] block = noise(2, PERIOD, 7);
        try (AlsaPcm pcm = AlsaPcm.open(new AlsaPcm.Spec("capture_to_file", false, PcmFormat.S32_LE, 2, RATE, PERIOD, 4,
                fileDevice(raw)))) {
            for (int i = 0; i < blocks; i++) {
                pcm.write(block, PERIOD);
            }
        }
        byte[] written = Files.readAllBytes(raw);
        PcmCodec codec = new PcmCodec(PcmFormat.S32_LE.wavFormat(RATE, 2), null);
        byte[] one = new byte[PERIOD * codec.bytesPerFrame()];
        codec.encode(block, PERIOD, one);
        assertEquals(blocks * one.length, written.length);
        for (int i = 0; i < blocks; i++) {
            byte[] part = java.util.Arrays.copyOfRange(written, i * one.length, (i + 1) * one.length);
            assertArrayEquals(one, part, "block " + i);
        }
    }

    @Test
    void writingAllocatesNothing() throws Exception {
        try (AlsaPcm pcm = AlsaPcm.open(new AlsaPcm.Spec("cabintune_null", false, PcmFormat.S24_3LE, 2, RATE, PERIOD, 4,
                "pcm.cabintune_null { type null }"))) {
            int[][] block = noise(2, PERIOD, 3);
            assertEquals(0, Allocation.bytesAllocatedBy(() -> {
                try {
                    pcm.write(block, PERIOD);
                } catch (AlsaException e) {
                    throw new IllegalStateException(e);
                }
            }, 2000));
        }
    }

    @Test
    void aMissingDeviceIsNamedInTheError() {
        AlsaException e = assertThrows(AlsaException.class, () -> AlsaPcm.open(
                AlsaPcm.Spec.playback("hw:CabinTuneNoSuchCard", PcmFormat.S32_LE, 2, RATE, PERIOD, 4)));
        assertTrue(e.getMessage().startsWith("ALSA device 'hw:CabinTuneNoSuchCard': snd_pcm_open failed: "), e.getMessage());
        assertTrue(e.code() < 0);
    }

    @Test
    void configurationTextThatDoesNotParseIsRefused() {
        AlsaException e = assertThrows(AlsaException.class, () -> AlsaPcm.open(
                new AlsaPcm.Spec("x", false, PcmFormat.S16_LE, 2, RATE, PERIOD, 4, "pcm.x { type null ")));
        assertTrue(e.getMessage().contains("does not parse"), e.getMessage());
    }

    @Test
    void blocksLargerThanThePeriodAreRefusedBeforeAnyWrite() throws Exception {
        try (AlsaPcm pcm = AlsaPcm.open(new AlsaPcm.Spec("cabintune_null", false, PcmFormat.S16_LE, 2, RATE, PERIOD, 4,
                "pcm.cabintune_null { type null }"))) {
            assertThrows(IllegalArgumentException.class, () -> pcm.write(new int[2][4096], 4096));
        }
    }
}
