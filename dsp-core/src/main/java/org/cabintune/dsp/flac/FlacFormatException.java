package org.cabintune.dsp.flac;

import java.io.IOException;

/**
 * A FLAC stream that cannot be decoded: no {@code fLaC} marker, a bad metadata block, a frame
 * that fails its CRC, a reserved code, a stream cut short, decoded audio whose MD5 differs from
 * STREAMINFO's. The message says what is wrong and where (byte offset, and the frame number
 * once frames are being read); {@link #offset()} and {@link #frame()} repeat them for tools.
 */
public final class FlacFormatException extends IOException {

    private final long offset;
    private final long frame;

    /**
     * @param message what is wrong, already naming the place
     * @param offset  the byte offset in the stream, -1 when not tied to one place
     * @param frame   the 0-based frame number, -1 when the problem is not in a frame
     */
    public FlacFormatException(String message, long offset, long frame) {
        super(message);
        this.offset = offset;
        this.frame = frame;
    }

    /** The byte offset in the stream where the problem was found, or -1. */
    public long offset() {
        return offset;
    }

    /** The 0-based number of the frame being decoded, or -1 (metadata, or the whole stream). */
    public long frame() {
        return frame;
    }
}
