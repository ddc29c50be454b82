package org.cabintune.tuner.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bytes to samples: known words of every size and order, and the channel kept. */
class PcmDecoderTest {

    private static AudioFormat signed(int bits, int channels, boolean big) {
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 48000, bits, channels, channels * bits / 8, 48000, big);
    }

    private static double[] decode(AudioFormat f, int channel, int... bytes) {
        byte[] in = new byte[bytes.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) bytes[i];
        }
        PcmDecoder d = new PcmDecoder(f, channel);
        double[] out = new double[bytes.length / d.frameBytes()];
        assertEquals(out.length, d.decode(in, in.length, out, 0));
        return out;
    }

    @Test
    void sixteenBitWords() {
        assertArrayEquals(new double[] {0.5, -1.0 / 32768, -1.0, 32767.0 / 32768},
                decode(signed(16, 1, false), 0, 0x00, 0x40, 0xFF, 0xFF, 0x00, 0x80, 0xFF, 0x7F));
        assertArrayEquals(new double[] {0.5, -1.0 / 32768, -1.0, 32767.0 / 32768},
                decode(signed(16, 1, true), 0, 0x40, 0x00, 0xFF, 0xFF, 0x80, 0x00, 0x7F, 0xFF));
    }

    @Test
    void twentyFourBitWords() {
        double lsb = 1.0 / (1 << 23);
        assertArrayEquals(new double[] {-0.5, 1 - lsb, -1.0, lsb},
                decode(signed(24, 1, false), 0, 0x00, 0x00, 0xC0, 0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00));
        assertArrayEquals(new double[] {-0.5, 1 - lsb, -1.0, lsb},
                decode(signed(24, 1, true), 0, 0xC0, 0x00, 0x00, 0x7F, 0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00, 0x00, 0x01));
    }

    @Test
    void thirtyTwoBitWords() {
        assertArrayEquals(new double[] {0.5, Integer.MAX_VALUE / 0x1p31, -1.0},
                decode(signed(32, 1, false), 0, 0, 0, 0, 0x40, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0x80));
        assertArrayEquals(new double[] {0.5, Integer.MAX_VALUE / 0x1p31, -1.0},
                decode(signed(32, 1, true), 0, 0x40, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF, 0x80, 0, 0, 0));
    }

    @Test
    void floatWords() {
        AudioFormat le = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 48000, 32, 1, 4, 48000, false);
        AudioFormat be = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 48000, 32, 1, 4, 48000, true);
        // 0.25f = 0x3E800000, -1.5f = 0xBFC00000
        assertArrayEquals(new double[] {0.25, -1.5}, decode(le, 0, 0, 0, 0x80, 0x3E, 0, 0, 0xC0, 0xBF));
        assertArrayEquals(new double[] {0.25, -1.5}, decode(be, 0, 0x3E, 0x80, 0, 0, 0xBF, 0xC0, 0, 0));
    }

    @Test
    void theChosenChannelOfAStereoLineIsKept() {
        // Frames (L, R): (0.5, -0.25), (-0.5, 0.25) in 16-bit little-endian.
        int[] bytes = {0x00, 0x40, 0x00, 0xE0, 0x00, 0xC0, 0x00, 0x20};
        assertArrayEquals(new double[] {0.5, -0.5}, decode(signed(16, 2, false), 0, bytes));
        assertArrayEquals(new double[] {-0.25, 0.25}, decode(signed(16, 2, false), 1, bytes));
    }

    /** Random words of every kind written with ByteBuffer read back exactly, for every channel. */
    @ParameterizedTest
    @CsvSource({"16,1,false", "16,2,true", "24,2,false", "24,3,true", "32,2,false", "32,1,true"})
    void randomWordsReadBackExactly(int bits, int channels, boolean big) {
        int frames = 1000;
        Random random = new Random(bits * 31L + channels);
        int[][] words = new int[channels][frames];
        ByteBuffer b = ByteBuffer.allocate(frames * channels * bits / 8).order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                int w = random.nextInt() >> (32 - bits);
                words[c][f] = w;
                switch (bits) {
                    case 16 -> b.putShort((short) w);
                    case 32 -> b.putInt(w);
                    default -> {
                        byte[] three = {(byte) (w >> 16), (byte) (w >> 8), (byte) w};
                        for (int i = 0; i < 3; i++) {
                            b.put(three[big ? i : 2 - i]);
                        }
                    }
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            PcmDecoder d = new PcmDecoder(signed(bits, channels, big), c);
            double[] out = new double[frames];
            // One byte short: the last frame is partial and left.
            assertEquals(frames - 1, d.decode(b.array(), b.capacity() - 1, out, 0));
            for (int f = 0; f < frames - 1; f++) {
                assertEquals(words[c][f] / Math.pow(2, bits - 1), out[f], "channel " + c + " frame " + f);
            }
        }
    }

    @Test
    void refusesWhatItCannotRead() {
        AudioFormat unsigned = new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, 48000, 8, 1, 1, 48000, false);
        assertThrows(IllegalArgumentException.class, () -> new PcmDecoder(unsigned, 0));
        assertEquals("channel = 2 is outside 0 .. 1 of " + signed(24, 2, false), assertThrows(IllegalArgumentException.class,
                () -> new PcmDecoder(signed(24, 2, false), 2)).getMessage());
    }
}
