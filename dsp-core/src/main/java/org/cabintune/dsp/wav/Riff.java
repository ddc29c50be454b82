package org.cabintune.dsp.wav;

/**
 * RIFF/WAVE constants and little-endian field access shared by the reader and the writer.
 * Chunk ids are handled as the little-endian {@code int} of their four ASCII bytes, so a
 * chunk header is compared without building strings.
 */
final class Riff {

    static final int RIFF = id("RIFF");
    static final int RIFX = id("RIFX");
    /** EBU Tech 3306 RF64 and ITU-R BS.2088 BW64: RIFF with 64-bit sizes in a ds64 chunk. */
    static final int RF64 = id("RF64");
    static final int BW64 = id("BW64");
    static final int WAVE = id("WAVE");
    static final int FMT = id("fmt ");
    static final int DATA = id("data");
    static final int DS64 = id("ds64");
    static final int FACT = id("fact");

    static final int TAG_PCM = 0x0001;
    static final int TAG_IEEE_FLOAT = 0x0003;
    static final int TAG_EXTENSIBLE = 0xFFFE;

    /**
     * Bytes 2..15 of the KSDATAFORMAT_SUBTYPE GUIDs {@code 0000xxxx-0000-0010-8000-00aa00389b71}
     * in file order; bytes 0..1 carry the classic format tag (1 = PCM, 3 = IEEE float).
     */
    static final byte[] SUBTYPE_SUFFIX = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
        0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };

    /** A 32-bit size field of all ones: "unknown", written by streaming writers. */
    static final long SIZE_UNKNOWN = 0xFFFF_FFFFL;

    private Riff() {
    }

    static int id(String fourCc) {
        return fourCc.charAt(0) | fourCc.charAt(1) << 8 | fourCc.charAt(2) << 16 | fourCc.charAt(3) << 24;
    }

    /** True when all four bytes of an id are printable ASCII, as RIFF FOURCCs must be. */
    static boolean isText(int id) {
        for (int i = 0; i < 4; i++) {
            int b = (id >>> (8 * i)) & 0xFF;
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** A chunk id for a message: printable ASCII as is, other bytes as {@code \xNN}. */
    static String idText(int id) {
        StringBuilder s = new StringBuilder("'");
        for (int i = 0; i < 4; i++) {
            appendChar(s, (id >>> (8 * i)) & 0xFF);
        }
        return s.append('\'').toString();
    }

    private static void appendChar(StringBuilder s, int b) {
        if (b >= 0x20 && b < 0x7F) {
            s.append((char) b);
        } else {
            s.append(String.format("\\x%02X", b));
        }
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int off) {
        return s32(b, off) & 0xFFFF_FFFFL;
    }

    static int s32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | b[off + 3] << 24;
    }

    /** A 64-bit field; sizes past 2^63 come back negative and are rejected by the caller. */
    static long s64(byte[] b, int off) {
        return u32(b, off) | (long) s32(b, off + 4) << 32;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
    }

    static void put32(byte[] b, int off, long v) {
        put16(b, off, (int) v);
        put16(b, off + 2, (int) (v >> 16));
    }

    /** The name of a classic WAVE format tag, for the "unsupported encoding" message. */
    static String tagName(int tag) {
        return switch (tag) {
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MPEG Layer 3";
            case 0x0092 -> "Dolby AC-3 S/PDIF";
            case 0x00FF, 0x1610 -> "AAC";
            case 0x0161, 0x0162, 0x0163 -> "Windows Media Audio";
            case 0x2000 -> "Dolby AC-3";
            case 0x2001 -> "DTS";
            case 0xF1AC -> "FLAC";
            default -> "unknown";
        };
    }
}
