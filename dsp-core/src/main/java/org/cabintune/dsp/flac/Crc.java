package org.cabintune.dsp.flac;

/**
 * The two checksums of a FLAC frame (RFC 9639, section 9.1 and 9.3): CRC-8 with polynomial
 * x^8 + x^2 + x + 1 (0x07) over the frame header, and CRC-16 with polynomial
 * x^16 + x^15 + x^2 + 1 (0x8005) over the whole frame; both start at 0, unreflected.
 */
final class Crc {

    private static final int[] CRC8 = new int[256];
    private static final int[] CRC16 = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c8 = i;
            int c16 = i << 8;
            for (int b = 0; b < 8; b++) {
                c8 = (c8 & 0x80) != 0 ? (c8 << 1) ^ 0x07 : c8 << 1;
                c16 = (c16 & 0x8000) != 0 ? (c16 << 1) ^ 0x8005 : c16 << 1;
            }
            CRC8[i] = c8 & 0xFF;
            CRC16[i] = c16 & 0xFFFF;
        }
    }

    private Crc() {
    }

    /** CRC-8 of {@code b[from..to)}. */
    static int crc8(byte[] b, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = CRC8[(crc ^ b[i]) & 0xFF];
        }
        return crc;
    }

    /** CRC-16 of {@code b[from..to)}. */
    static int crc16(byte[] b, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ CRC16[((crc >>> 8) ^ b[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }
}
