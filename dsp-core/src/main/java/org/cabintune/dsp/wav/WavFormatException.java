package org.cabintune.dsp.wav;

import java.io.IOException;

/**
 * A WAV stream that cannot be decoded: wrong magic, an unsupported encoding, inconsistent
 * {@code fmt} fields, a chunk that runs past the end of the stream and so on. The message
 * names what was wrong and where; {@link #offset()} gives the byte offset for tools.
 */
public final class WavFormatException extends IOException {

    private final long offset;

    /**
     * Creates an exception; {@code message} already says where (the chunk and byte offset),
     * {@code offset} repeats it for tools, -1 when the problem is not tied to one place.
     */
    public WavFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** The byte offset in the stream where the problem was found, or -1. */
    public long offset() {
        return offset;
    }
}
