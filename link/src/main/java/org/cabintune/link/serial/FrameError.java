package org.cabintune.link.serial;

/** Why bytes between two delimiters were not a frame. Each is counted in {@link FrameStats}. */
public enum FrameError {
    /** More bytes than the largest frame before a delimiter, or a length field above the maximum. */
    OVERSIZED,
    /**
     * Shorter than its COBS codes or its length field say: the sender was cut off, bytes were
     * lost, or the bytes were line noise to begin with.
     */
    TRUNCATED,
    /** Longer than its length field says, or too short to hold a length and a CRC. */
    BAD_LENGTH,
    /** The CRC-32 does not match: bytes were corrupted on the line. */
    BAD_CRC
}
