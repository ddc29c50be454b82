package org.cabintune.dsp.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.cabintune.dsp.Q824;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reader follows a WAV file while a {@link WavWriter} is still writing it: nothing until the
 * first 64 KiB piece is flushed, then the header's format, the data offset and the whole frames
 * present, growing with the file, each frame what the finished file holds; after close, exactly
 * the frames written.
 */
class WavProgressTest {

    private static final int BLOCK = 128;

    @TempDir
    Path dir;

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(WavFormat.pcm(48000, 2, 16), 44),
                Arguments.of(WavFormat.pcm(48000, 8, 32), 68),
                Arguments.of(WavFormat.pcm(44100, 2, 24), 68),
                Arguments.of(WavFormat.ieeeFloat(48000, 2, 32), 80));
    }

    @ParameterizedTest(name = "{0}: data at byte {1}")
    @MethodSource("formats")
    void followsAFileWhileItsWriterWritesIt(WavFormat format, int dataOffset) throws IOException {
        Path file = dir.resolve("growing.wav");
        int channels = format.channels();
        // About 1 MiB of audio: sixteen of the writer's 64 KiB pieces.
        int total = (1 << 20) / format.blockAlign() / BLOCK * BLOCK;
        int every = total / 8 / BLOCK * BLOCK;
        int[][] signal = noise(channels, total);
        long[] seen = new long[16];
        int looks = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            WavWriter writer = WavWriter.create(out, format, null);
            assertEquals(Optional.empty(), WavProgress.of(in), "nothing flushed yet");
            int[][] block = new int[channels][BLOCK];
            for (int at = 0; at < total; at += BLOCK) {
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(signal[c], at, block[c], 0, BLOCK);
                }
                writer.write(block, BLOCK);
                if (at % every == 0 && at > 0) {
                    Optional<WavProgress> now = WavProgress.of(in);
                    assertTrue(now.isPresent(), "the first 64 KiB hold the header, after " + at + " frames");
                    WavProgress p = now.get();
                    assertEquals(format.withFrameCount(p.frames()), p.format());
                    assertEquals(dataOffset, p.dataOffset());
                    assertEquals((in.size() - dataOffset) / format.blockAlign(), p.frames(), "whole frames in the file");
                    assertTrue(p.frames() <= at + BLOCK, "no more than written");
                    seen[looks++] = p.frames();
                }
            }
            assertTrue(seen[0] > 0 && seen[looks - 1] > seen[0], "the frames present grow: " + Arrays.toString(seen));
            writer.close();
            WavProgress done = WavProgress.of(in).orElseThrow();
            assertEquals(total, done.frames(), "after close, the frames written");
            assertEquals(total, done.format().frameCount());

            // What the growing file showed is what the finished file holds, frame for frame.
            int[][] finished = new int[channels][total];
            try (WavReader reader = WavReader.open(FileChannel.open(file, StandardOpenOption.READ))) {
                assertEquals(total, reader.read(finished, total));
            }
            for (int c = 0; c < channels && format.bitsPerSample() == 32 && format.encoding() == WavEncoding.PCM; c++) {
                assertArrayEquals(signal[c], finished[c], "32-bit PCM holds Q8.24 exactly");
            }
            int[][] part = new int[channels][(int) seen[0]];
            assertEquals((int) seen[0], new WavProgress(done.format(), dataOffset, seen[0]).read(in, 0, part,
                    (int) seen[0]));
            int from = (int) seen[0] / 3;
            int[][] tail = new int[channels][total];
            assertEquals(total - from, done.read(in, from, tail, total), "read stops at the frames present");
            for (int c = 0; c < channels; c++) {
                assertArrayEquals(Arrays.copyOf(finished[c], (int) seen[0]), part[c]);
                assertArrayEquals(Arrays.copyOfRange(finished[c], from, total), Arrays.copyOf(tail[c], total - from));
            }
        }
    }

    @Test
    void aHeaderCutShortIsNotYetAndAnotherFileIsRefused() throws IOException {
        Path file = dir.resolve("short.wav");
        Files.write(file, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
        try (FileChannel in = FileChannel.open(file)) {
            assertEquals(Optional.empty(), WavProgress.of(in));
        }
        Files.writeString(file, "ID3 an mp3 file, not a WAV file");
        try (FileChannel in = FileChannel.open(file)) {
            WavFormatException e = assertThrows(WavFormatException.class, () -> WavProgress.of(in));
            assertTrue(e.getMessage().startsWith("not a RIFF/WAVE file"), e.getMessage());
        }
    }

    private static int[][] noise(int channels, int frames) {
        Random random = new Random(7);
        int[][] x = new int[channels][frames];
        for (int[] channel : x) {
            for (int n = 0; n < frames; n++) {
                channel[n] = Q824.fromDouble(0.5 * (2 * random.nextDouble() - 1));
            }
        }
        return x;
    }
}
