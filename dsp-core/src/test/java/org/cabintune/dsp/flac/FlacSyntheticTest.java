package org.cabintune.dsp.flac;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames built bit by bit from RFC 9639 for what the reference encoder never writes: escaped
 * residual partitions (Rice and Rice2, zero and non-zero widths) and a predictor of order 32.
 */
class FlacSyntheticTest {

    private static final int BLOCK = 64;

    /** A mono 16-bit stream of one frame whose subframe {@code body} writes; {@code samples} is what it codes. */
    static byte[] stream(int[] samples, Consumer<BitWriter> body) throws Exception {
        BitWriter frame = new BitWriter();
        frame.bits(0xFFF8, 16).bits(6, 4).bits(0, 4).bits(0, 4).bits(4, 3).bits(0, 1).bits(0, 8).bits(BLOCK - 1, 8);
        byte[] header = frame.bytes();
        frame.bits(Crc.crc8(header, 0, header.length), 8);
        body.accept(frame);
        frame.align();
        byte[] f = frame.bytes();
        frame.bits(Crc.crc16(f, 0, f.length), 16);
        byte[] md5Input = new byte[2 * BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            md5Input[2 * i] = (byte) samples[i];
            md5Input[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        BitWriter info = new BitWriter();
        info.bits(0x664C6143L, 32).bits(1, 1).bits(0, 7).bits(34, 24).bits(BLOCK, 16).bits(BLOCK, 16).bits(0, 24).bits(0, 24)
                .bits(48000, 20).bits(0, 3).bits(15, 5).bits(BLOCK, 36);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(info.bytes());
        out.write(MessageDigest.getInstance("MD5").digest(md5Input));
        out.write(frame.bytes());
        return out.toByteArray();
    }

    static int[] decode(byte[] stream) throws IOException {
        try (FlacReader reader = FlacReader.open(new ByteArrayInputStream(stream))) {
            int[][] out = new int[1][BLOCK];
            assertEquals(BLOCK, reader.read(out, BLOCK));
            assertEquals(-1, reader.read(out, BLOCK));
            int[] pcm = new int[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                pcm[i] = out[0][i] >> 9;
            }
            return pcm;
        }
    }

    @Test
    void escapedPartitionsInAFixedSubframe() throws Exception {
        // FIXED order 2, Rice coding, 2 partitions: the first escaped at 7 bits, the second at 0 bits.
        Random random = new Random(7);
        int[] residual = new int[BLOCK];
        for (int i = 2; i < BLOCK / 2; i++) {
            residual[i] = random.nextInt(128) - 64;
        }
        int[] s = new int[BLOCK];
        s[0] = 1000;
        s[1] = 990;
        for (int i = 2; i < BLOCK; i++) {
            s[i] = residual[i] + 2 * s[i - 1] - s[i - 2];
        }
        byte[] bytes = stream(s, w -> {
            w.bits(0, 1).bits(8 + 2, 6).bits(0, 1).bits(s[0], 16).bits(s[1], 16);
            w.bits(0, 2).bits(1, 4);
            w.bits(15, 4).bits(7, 5);
            for (int i = 2; i < BLOCK / 2; i++) {
                w.bits(residual[i], 7);
            }
            w.bits(15, 4).bits(0, 5);
        });
        assertArrayEquals(s, decode(bytes));
    }

    @Test
    void anOrder32PredictorWithARice2EscapedResidual() throws Exception {
        int order = 32;
        int shift = 10;
        Random random = new Random(32);
        int[] s = new int[BLOCK];
        int[] residual = new int[BLOCK];
        for (int i = 0; i < order; i++) {
            s[i] = random.nextInt(2000) - 1000;
        }
        // Coefficients: 0.5 on the newest sample, -0.25 on the oldest, the rest zero.
        long[] q = new long[order];
        q[0] = 512;
        q[order - 1] = -256;
        for (int i = order; i < BLOCK; i++) {
            residual[i] = random.nextInt(512) - 256;
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += q[j] * s[i - 1 - j];
            }
            s[i] = (int) (residual[i] + (sum >> shift));
        }
        byte[] bytes = stream(s, w -> {
            w.bits(0, 1).bits(31 + order, 6).bits(0, 1);
            for (int i = 0; i < order; i++) {
                w.bits(s[i], 16);
            }
            w.bits(12 - 1, 4).bits(shift, 5);
            for (long c : q) {
                w.bits(c, 12);
            }
            w.bits(1, 2).bits(0, 4).bits(31, 5).bits(9, 5);
            for (int i = order; i < BLOCK; i++) {
                w.bits(residual[i], 9);
            }
        });
        FlacFeatures seen;
        try (FlacReader reader = FlacReader.open(new ByteArrayInputStream(bytes))) {
            reader.read(new int[1][BLOCK], BLOCK);
            seen = reader.features;
        }
        assertEquals(32, seen.maxLpcOrder);
        assertEquals(1, seen.escapes);
        assertEquals(1, seen.rice2);
        assertArrayEquals(s, decode(bytes));
    }

    @Test
    void aNegativeLpcShiftIsRefusedNamingTheFrame() throws Exception {
        int[] s = new int[BLOCK];
        byte[] bytes = stream(s, w -> {
            w.bits(0, 1).bits(32, 6).bits(0, 1).bits(0, 16).bits(11, 4).bits(-3, 5).bits(0, 12);
            w.bits(0, 2).bits(0, 4).bits(0, 4);
            for (int i = 1; i < BLOCK; i++) {
                w.bits(1, 1);
            }
        });
        FlacFormatException e = assertThrows(FlacFormatException.class, () -> decode(bytes));
        assertTrue(e.getMessage().startsWith("frame 0 at byte 42: subframe 0: LPC shift -3 is negative"), e.getMessage());
        assertEquals(0, e.frame());
        assertEquals(42, e.offset());
    }
}
