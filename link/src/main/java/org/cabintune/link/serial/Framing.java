package org.cabintune.link.serial;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The serial frame: {@code 0x00, COBS(length, message, crc), 0x00}, where {@code length} is
 * the message's byte count as a big-endian u32 and {@code crc} is the CRC-32 (ISO-HDLC, as in
 * zlib and Ethernet; {@link CRC32}) of the length and message bytes, big-endian. The leading
 * zero ends any garbage the receiver was still collecting, so the frame is never glued to it.
 */
public final class Framing {

    /** The frame delimiter. */
    public static final byte DELIMITER = 0;
    /** Length field and CRC around the message. */
    public static final int OVERHEAD = 8;

    private Framing() {
    }

    /** The largest frame body (between delimiters) for messages of up to {@code maxMessage} bytes. */
    public static int maxEncodedBody(int maxMessage) {
        return Cobs.maxEncodedLength(maxMessage + OVERHEAD);
    }

    /** The bytes to write for one message. */
    public static byte[] encode(byte[] message, int maxMessage) {
        if (message.length > maxMessage) {
            throw new IllegalArgumentException("message of " + message.length + " bytes is above the frame limit of "
                    + maxMessage);
        }
        ByteBuffer raw = ByteBuffer.allocate(message.length + OVERHEAD);
        raw.putInt(message.length).put(message);
        raw.putInt((int) crc(raw.array(), message.length + 4));
        byte[] body = Cobs.encode(raw.array(), 0, raw.capacity());
        byte[] frame = new byte[body.length + 2];
        System.arraycopy(body, 0, frame, 1, body.length);
        return frame;
    }

    static long crc(byte[] data, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        return crc.getValue();
    }
}
