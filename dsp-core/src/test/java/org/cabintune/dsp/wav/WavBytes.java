package org.cabintune.dsp.wav;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds WAV byte arrays by hand, chunk by chunk, so tests can make files no writer in the
 * project would produce: other tags, odd chunks, wrong sizes, chunks in the wrong order; and
 * reads files back into Q8.24 arrays through {@link WavReader#read}.
 */
final class WavBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean patchRiffSize = true;

    private WavBytes() {
    }

    /** Starts "RIFF <size> WAVE"; the RIFF size is filled in by {@link #build()}. */
    static WavBytes riff() {
        return magic("RIFF", "WAVE");
    }

    /** Starts with any magic and form type. */
    static WavBytes magic(String magic, String form) {
        WavBytes w = new WavBytes();
        w.ascii(magic).u32(0).ascii(form);
        return w;
    }

    /** Starts an RF64 file (RIFF size all ones) with a ds64 chunk holding {@code dataBytes}. */
    static WavBytes rf64(String magic, long dataBytes, long frames) {
        WavBytes w = new WavBytes();
        w.patchRiffSize = false;
        w.ascii(magic).u32(0xFFFF_FFFFL).ascii("WAVE");
        w.ascii("ds64").u32(28).u64(0).u64(dataBytes).u64(frames).u32(0);
        return w;
    }

    /** A chunk with its true size and the pad byte an odd size needs. */
    WavBytes chunk(String id, byte[] body) {
        chunk(id, body.length, body);
        if ((body.length & 1) != 0) {
            out.write(0);
        }
        return this;
    }

    /** A chunk header declaring {@code size}, followed by {@code body} as is (no pad). */
    WavBytes chunk(String id, long size, byte[] body) {
        ascii(id).u32(size);
        out.writeBytes(body);
        return this;
    }

    /** A plain 16-byte fmt chunk. */
    WavBytes fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        return chunk("fmt ", fmtBody(tag, channels, rate, blockAlign, bits));
    }

    /** A plain PCM fmt chunk with consistent fields. */
    WavBytes fmtPcm(int channels, int rate, int bits) {
        return fmt(1, channels, rate, channels * bits / 8, bits);
    }

    /** An 18-byte fmt chunk (cbSize 0), as many float writers produce. */
    WavBytes fmt18(int tag, int channels, int rate, int bits) {
        byte[] body = new byte[18];
        System.arraycopy(fmtBody(tag, channels, rate, channels * bits / 8, bits), 0, body, 0, 16);
        return chunk("fmt ", body);
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk with the standard GUID for {@code subTag}. */
    WavBytes fmtExtensible(int channels, int rate, int bits, int validBits, int mask, int subTag) {
        return chunk("fmt ", extensibleBody(channels, rate, bits, validBits, mask, subTag));
    }

    static byte[] extensibleBody(int channels, int rate, int bits, int validBits, int mask, int subTag) {
        byte[] b = new byte[40];
        System.arraycopy(fmtBody(0xFFFE, channels, rate, channels * bits / 8, bits), 0, b, 0, 16);
        put(b, 16, 22, 2);
        put(b, 18, validBits, 2);
        put(b, 20, mask, 4);
        put(b, 24, subTag, 2);
        byte[] suffix = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71};
        System.arraycopy(suffix, 0, b, 26, suffix.length);
        return b;
    }

    static byte[] fmtBody(int tag, int channels, int rate, int blockAlign, int bits) {
        byte[] b = new byte[16];
        put(b, 0, tag, 2);
        put(b, 2, channels, 2);
        put(b, 4, rate, 4);
        put(b, 8, (long) rate * blockAlign, 4);
        put(b, 12, blockAlign, 2);
        put(b, 14, bits, 2);
        return b;
    }

    WavBytes data(byte[] samples) {
        return chunk("data", samples);
    }

    WavBytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    WavBytes u32(long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    WavBytes u64(long v) {
        return u32(v).u32(v >>> 32);
    }

    WavBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** The bytes, with the RIFF size set to the real length minus 8. */
    byte[] build() {
        byte[] b = out.toByteArray();
        if (patchRiffSize) {
            put(b, 4, b.length - 8, 4);
        }
        return b;
    }

    /** Little-endian samples of {@code bytesEach} bytes. */
    static byte[] samples(int bytesEach, long... values) {
        byte[] b = new byte[values.length * bytesEach];
        for (int i = 0; i < values.length; i++) {
            put(b, i * bytesEach, values[i], bytesEach);
        }
        return b;
    }

    static byte[] floats(float... values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return samples(4, bits);
    }

    static byte[] doubles(double... values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return samples(8, bits);
    }

    static void put(byte[] b, int off, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Decodes a whole file with {@link WavReader#read} in odd-sized blocks. */
    static int[][] decode(byte[] file) throws IOException {
        try (WavReader r = WavReader.open(new ByteArrayInputStream(file))) {
            return readAll(r);
        }
    }

    /** Reads the rest of a reader in blocks of 333 frames, returning {@code [channel][frame]}. */
    static int[][] readAll(WavReader r) throws IOException {
        int channels = r.format().channels();
        int[][] block = new int[channels][333];
        int[][] all = new int[channels][1024];
        int length = 0;
        int n;
        while ((n = r.read(block, block[0].length)) >= 0) {
            for (int c = 0; c < channels; c++) {
                if (length + n > all[c].length) {
                    all[c] = Arrays.copyOf(all[c], 2 * (length + n));
                }
                System.arraycopy(block[c], 0, all[c], length, n);
            }
            length += n;
        }
        for (int c = 0; c < channels; c++) {
            all[c] = Arrays.copyOf(all[c], length);
        }
        return all;
    }

    /** An unsigned little-endian 32-bit field of a built or written file. */
    static long decodeU32(byte[] b, int off) {
        long v = 0;
        for (int i = 3; i >= 0; i--) {
            v = v << 8 | (b[off + i] & 0xFF);
        }
        return v;
    }
}
