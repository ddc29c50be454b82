package org.cabintune.link.serial;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Finds frames ({@link Framing}) in a byte stream that may hold anything: line noise, frames
 * cut short, frames too large, corrupted bytes. Every delimiter is a fresh start, so after any
 * of those the next good frame is found. Each refused frame is counted and reported to the
 * listener; nothing is thrown. Not thread-safe: one reader feeds it.
 */
public final class FrameDecoder {

    /** Receives what the decoder finds. Called on the feeding thread. */
    public interface Listener {

        /** A good message. */
        void message(byte[] message);

        /** Bytes between two delimiters that were not a frame. */
        void refused(FrameError error, String detail);
    }

    private final int maxMessage;
    private final byte[] body;
    private final byte[] decoded;
    private final Listener listener;
    private int length;
    private boolean overflowed;
    private long frames;
    private final long[] errors = new long[FrameError.values().length];
    private long discardedBytes;

    /** @param maxMessage the largest message accepted, bytes */
    public FrameDecoder(int maxMessage, Listener listener) {
        if (maxMessage < 1) {
            throw new IllegalArgumentException("maxMessage = " + maxMessage + " must be at least 1");
        }
        this.maxMessage = maxMessage;
        this.body = new byte[Framing.maxEncodedBody(maxMessage)];
        this.decoded = new byte[maxMessage + Framing.OVERHEAD];
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Feeds bytes as they arrive. */
    public void accept(byte[] data, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            byte b = data[i];
            if (b == Framing.DELIMITER) {
                endOfFrame();
            } else if (length < body.length) {
                body[length++] = b;
            } else {
                overflowed = true;
                discardedBytes++;
            }
        }
    }

    /** The counters so far. */
    public FrameStats stats() {
        return new FrameStats(frames, errors[FrameError.OVERSIZED.ordinal()], errors[FrameError.TRUNCATED.ordinal()],
                errors[FrameError.BAD_LENGTH.ordinal()], errors[FrameError.BAD_CRC.ordinal()], discardedBytes);
    }

    /** Forgets a partly received frame, e.g. after the port was reopened. */
    public void reset() {
        discardedBytes += length;
        length = 0;
        overflowed = false;
    }

    private void endOfFrame() {
        int size = length;
        boolean tooBig = overflowed;
        length = 0;
        overflowed = false;
        if (size == 0 && !tooBig) {
            return; // two delimiters in a row: an empty gap, not a frame
        }
        if (tooBig) {
            refuse(FrameError.OVERSIZED, size, "more than " + body.length + " bytes before a delimiter");
            return;
        }
        int n = Cobs.decode(body, size, decoded);
        if (n == Cobs.CUT_SHORT) {
            refuse(FrameError.TRUNCATED, size, size + " bytes whose last COBS code runs past the delimiter");
            return;
        }
        if (n == Cobs.TOO_LONG) {
            refuse(FrameError.OVERSIZED, size, "decodes to more than " + decoded.length + " bytes");
            return;
        }
        if (n < Framing.OVERHEAD) {
            refuse(FrameError.BAD_LENGTH, size, n + " bytes, too short for a length and a CRC");
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(decoded, 0, n);
        long declared = Integer.toUnsignedLong(in.getInt(0));
        int actual = n - Framing.OVERHEAD;
        if (declared > maxMessage) {
            refuse(FrameError.OVERSIZED, size, "length field " + declared + " is above the limit " + maxMessage);
        } else if (declared > actual) {
            refuse(FrameError.TRUNCATED, size, "length field " + declared + " but only " + actual + " bytes came");
        } else if (declared < actual) {
            refuse(FrameError.BAD_LENGTH, size, "length field " + declared + " but " + actual + " bytes came");
        } else if ((int) Framing.crc(decoded, actual + 4) != in.getInt(actual + 4)) {
            refuse(FrameError.BAD_CRC, size, "CRC-32 mismatch over " + actual + " bytes");
        } else {
            frames++;
            listener.message(Arrays.copyOfRange(decoded, 4, 4 + actual));
        }
    }

    private void refuse(FrameError error, int size, String detail) {
        errors[error.ordinal()]++;
        discardedBytes += size;
        listener.refused(error, detail);
    }
}
