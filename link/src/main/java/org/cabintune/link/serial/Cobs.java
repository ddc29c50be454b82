package org.cabintune.link.serial;

import java.util.Arrays;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, IEEE/ACM Transactions on Networking,
 * 1999): removes every zero byte from a block at a cost of one byte per 254, so a zero can
 * mark the end of a frame and a receiver that lost its place finds the next frame at the next
 * zero.
 */
public final class Cobs {

    private Cobs() {
    }

    /** The largest encoding of {@code length} bytes: one code byte per started 254-byte run, plus one. */
    public static int maxEncodedLength(int length) {
        return length + length / 254 + 1;
    }

    /** Encodes {@code data}; the result holds no zero byte. */
    public static byte[] encode(byte[] data, int offset, int length) {
        byte[] out = new byte[maxEncodedLength(length)];
        int codeAt = 0;
        int write = 1;
        int code = 1;
        // A block closed because it was full (254 bytes) stands for no zero; if the data ends
        // right there, no further block follows.
        boolean endsFull = false;
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            endsFull = false;
            if (b == 0) {
                out[codeAt] = (byte) code;
                codeAt = write++;
                code = 1;
            } else {
                out[write++] = b;
                if (++code == 0xff) {
                    out[codeAt] = (byte) code;
                    codeAt = write++;
                    code = 1;
                    endsFull = true;
                }
            }
        }
        if (endsFull) {
            return Arrays.copyOf(out, write - 1);
        }
        out[codeAt] = (byte) code;
        return Arrays.copyOf(out, write);
    }

    /** {@link #decode}: the block's last code promises more bytes than came (cut short, or noise). */
    public static final int CUT_SHORT = -1;
    /** {@link #decode}: the decoded bytes would not fit the output. */
    public static final int TOO_LONG = -2;

    /**
     * Decodes one COBS block (without its zero delimiter) into {@code out}.
     *
     * @return the decoded length, {@link #CUT_SHORT} or {@link #TOO_LONG}
     */
    public static int decode(byte[] block, int length, byte[] out) {
        int read = 0;
        int write = 0;
        while (read < length) {
            int code = block[read++] & 0xff;
            int run = code - 1;
            if (code == 0 || read + run > length) {
                return CUT_SHORT;
            }
            if (write + run > out.length) {
                return TOO_LONG;
            }
            System.arraycopy(block, read, out, write, run);
            read += run;
            write += run;
            // A code below 0xff stands for a zero after its run, except at the very end.
            if (code != 0xff && read < length) {
                if (write == out.length) {
                    return TOO_LONG;
                }
                out[write++] = 0;
            }
        }
        return write;
    }
}
