package org.cabintune.dsp.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.cabintune.dsp.Q824;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files this project did not write: from the JDK's own WAV writer, and built by hand. */
class WavReaderCompatibilityTest {

    @ParameterizedTest(name = "{0}-bit x {1}")
    @CsvSource({"8, 1", "8, 2", "16, 1", "16, 2", "24, 1", "24, 2"})
    void readsWhatJavaSoundWrites(int bits, int channels) throws IOException {
        int frames = 4801;
        int bytes = bits / 8;
        byte[] pcm = new byte[frames * channels * bytes];
        new Random(bits * 10L + channels).nextBytes(pcm);
        AudioFormat format = new AudioFormat(bits == 8 ? AudioFormat.Encoding.PCM_UNSIGNED
                : AudioFormat.Encoding.PCM_SIGNED, 48000, bits, channels, channels * bytes, 48000, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, frames),
                AudioFileFormat.Type.WAVE, out);

        try (WavReader r = WavReader.open(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(new WavFormat(48000, channels, bits, WavEncoding.PCM, frames), r.format());
            int[][] back = WavBytes.readAll(r);
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++) {
                    int p = (i * channels + c) * bytes;
                    int expected = switch (bits) {
                        case 8 -> ((pcm[p] & 0xFF) - 128) << 17;
                        case 16 -> (pcm[p] & 0xFF | pcm[p + 1] << 8) << 9;
                        default -> (pcm[p] & 0xFF | (pcm[p + 1] & 0xFF) << 8 | pcm[p + 2] << 16) << 1;
                    };
                    assertEquals(expected, back[c][i], "frame " + i + " channel " + c);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"PCM, 16, 2", "PCM, 24, 2", "PCM, 24, 6", "IEEE_FLOAT, 32, 2"})
    void javaSoundReadsWhatWeWrite(WavEncoding encoding, int bits, int channels)
            throws IOException, UnsupportedAudioFileException {
        WavFormat format = new WavFormat(44100, channels, bits, encoding, -1);
        int frames = 1000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WavWriter w = WavWriter.create(out, format.withFrameCount(frames), null)) {
            w.write(WavRoundTripTest.gridSignal(format, frames, 1), frames);
        }
        AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(channels, in.getFormat().getChannels());
        assertEquals(bits, in.getFormat().getSampleSizeInBits());
        assertEquals(44100f, in.getFormat().getSampleRate());
        assertEquals(frames, in.getFrameLength());
    }

    @Test
    void readsFloatWithAnEighteenByteFmtAndAFactChunk() throws IOException {
        byte[] file = WavBytes.riff().fmt18(3, 1, 48000, 32)
                .chunk("fact", WavBytes.samples(4, 9))
                .data(WavBytes.floats(0.5f, -1f, 1f, 200f, -200f, Float.NaN, Float.POSITIVE_INFINITY,
                        Float.NEGATIVE_INFINITY, 0x1p-25f, 0x1.8p-24f, 127.99f))
                .build();
        int[] expected = {Q824.ONE / 2, -Q824.ONE, Q824.ONE, Q824.MAX, Q824.MIN, 0, Q824.MAX, Q824.MIN,
                0, 2, Math.round(127.99f * Q824.ONE)};
        assertArrayEquals(expected, WavBytes.decode(file)[0]);
    }

    @Test
    void readsSixtyFourBitFloat() throws IOException {
        byte[] file = WavBytes.riff().fmt(3, 2, 48000, 16, 64)
                .data(WavBytes.doubles(0.25, -0.25, 1e-9, 129.0, Math.ulp(1.0) - 1.0, Double.NaN))
                .build();
        int[][] back = WavBytes.decode(file);
        assertArrayEquals(new int[] {Q824.ONE / 4, 0, -Q824.ONE}, back[0]);
        assertArrayEquals(new int[] {-Q824.ONE / 4, Q824.MAX, 0}, back[1]);
    }

    @Test
    void roundsThirtyTwoBitPcmToNearestQ824() throws IOException {
        long[] words = {0x7FFF_FFFFL, 0x8000_0000L, 63, 64, -64, -65, 0x1234_5678L};
        byte[] file = WavBytes.riff().fmtPcm(1, 48000, 32).data(WavBytes.samples(4, words)).build();
        int[] expected = {Q824.ONE, -Q824.ONE, 0, 1, 0, -1, (0x1234_5678 + 64) >> 7};
        assertArrayEquals(expected, WavBytes.decode(file)[0]);
    }

    @Test
    void readsExtensiblePcmWithAContainerWiderThanItsValidBits() throws IOException {
        // 20 valid bits in a 24-bit container: read as the container, low bits are zero.
        byte[] file = WavBytes.riff().fmtExtensible(6, 48000, 24, 20, 0x3F, 1)
                .data(WavBytes.samples(3, 0x7FFFF0, 0x800000, 0x000010, 0, 0, 0x100))
                .build();
        try (WavReader r = WavReader.open(new ByteArrayInputStream(file))) {
            assertEquals(new WavFormat(48000, 6, 24, WavEncoding.PCM, 1), r.format());
            assertEquals(0x3F, r.channelMask());
            int[][] back = WavBytes.readAll(r);
            int[] firstFrame = new int[6];
            for (int c = 0; c < 6; c++) {
                firstFrame[c] = back[c][0];
            }
            assertArrayEquals(new int[] {0x7FFFF0 << 1, -Q824.ONE, 0x20, 0, 0, 0x200}, firstFrame);
        }
    }

    @Test
    void readsExtensibleFloat() throws IOException {
        byte[] file = WavBytes.riff().fmtExtensible(2, 96000, 32, 32, 0x3, 3)
                .chunk("fact", WavBytes.samples(4, 1))
                .data(WavBytes.floats(0.125f, -0.125f)).build();
        try (WavReader r = WavReader.open(new ByteArrayInputStream(file))) {
            assertEquals(new WavFormat(96000, 2, 32, WavEncoding.IEEE_FLOAT, 1), r.format());
            int[][] back = WavBytes.readAll(r);
            assertEquals(Q824.ONE / 8, back[0][0]);
            assertEquals(-Q824.ONE / 8, back[1][0]);
        }
    }

    @Test
    void skipsUnknownChunksWithTheirPadByteAndIgnoresChunksAfterData() throws IOException {
        byte[] file = WavBytes.riff()
                .chunk("JUNK", new byte[28])
                .chunk("bext", new byte[602])
                .fmtPcm(1, 48000, 16)
                .chunk("LIST", "INFOISFT\u0005\u0000\u0000\u0000abcd".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .chunk("odd!", new byte[] {1, 2, 3})
                .data(WavBytes.samples(2, 1, -1, 0x7FFF))
                .chunk("LIST", new byte[] {9, 9, 9, 9})
                .build();
        assertArrayEquals(new int[] {1 << 9, -(1 << 9), 0x7FFF << 9}, WavBytes.decode(file)[0]);
    }

    @ParameterizedTest(name = "data size 0x{0}")
    @CsvSource({"0", "FFFFFFFF"})
    void streamedDataSizeReadsToTheEndAndDropsAPartialFrame(String hexSize) throws IOException {
        byte[] samples = WavBytes.samples(2, 1, 2, 3, 4, 5);
        byte[] partial = java.util.Arrays.copyOf(samples, samples.length - 1);
        byte[] file = WavBytes.riff().fmtPcm(2, 48000, 16)
                .chunk("data", Long.parseLong(hexSize, 16), partial).build();
        try (WavReader r = WavReader.open(new ByteArrayInputStream(file))) {
            assertEquals(-1, r.format().frameCount());
            int[][] back = WavBytes.readAll(r);
            assertArrayEquals(new int[] {1 << 9, 3 << 9}, back[0]);
            assertArrayEquals(new int[] {2 << 9, 4 << 9}, back[1]);
        }
    }

    @Test
    void dataSizeThatIsNotAWholeNumberOfFramesDropsTheRemainder() throws IOException {
        byte[] file = WavBytes.riff().fmtPcm(2, 48000, 16)
                .chunk("data", WavBytes.samples(2, 1, 2, 3)).build();
        try (WavReader r = WavReader.open(new ByteArrayInputStream(file))) {
            assertEquals(1, r.format().frameCount());
            assertArrayEquals(new int[] {1 << 9}, WavBytes.readAll(r)[0]);
        }
    }

    @ParameterizedTest
    @CsvSource({"RF64", "BW64"})
    void readsRf64AndBw64WithTheDataSizeFromDs64(String magic) throws IOException {
        byte[] samples = WavBytes.samples(3, 0x400000, 0xC00000, 1);
        byte[] file = WavBytes.rf64(magic, 6, 2).fmtPcm(1, 48000, 24)
                .chunk("data", 0xFFFF_FFFFL, samples).build();
        try (WavReader r = WavReader.open(new ByteArrayInputStream(file))) {
            assertEquals(2, r.format().frameCount());
            assertArrayEquals(new int[] {Q824.ONE / 2, -Q824.ONE / 2}, WavBytes.readAll(r)[0]);
        }
    }

    @Test
    void readsFromAChannelAndReturnsMinusOneOnceTheAudioEnds() throws IOException {
        byte[] file = WavBytes.riff().fmtPcm(1, 8000, 16).data(WavBytes.samples(2, 1, 2, 3)).build();
        try (WavReader r = WavReader.open(Channels.newChannel(new ByteArrayInputStream(file)))) {
            int[][] block = new int[1][2];
            assertEquals(0, r.read(block, 0));
            assertEquals(2, r.read(block, 2));
            assertEquals(1, r.read(block, 2));
            assertEquals(3, r.framePosition());
            assertEquals(-1, r.read(block, 2));
            assertEquals(-1, r.read(block, 2));
            assertThrows(IllegalArgumentException.class, () -> r.read(block, 3));
            assertThrows(IllegalArgumentException.class, () -> r.read(new int[0][], 1));
        }
    }

    @Test
    void readAllDoubleScalesFullScaleToOne() throws IOException {
        byte[] file = WavBytes.riff().fmtPcm(2, 8000, 16)
                .data(WavBytes.samples(2, 0x4000, 0x8000, 0xC000, 0x7FFF)).build();
        try (WavReader r = WavReader.open(new ByteArrayInputStream(file))) {
            double[][] all = r.readAllDouble();
            assertArrayEquals(new double[] {0.5, -0.5}, all[0]);
            assertArrayEquals(new double[] {-1.0, 32767 / 32768.0}, all[1]);
        }
    }
}
