package org.cabintune.link.serial;

/**
 * Counters of one link's receiving side since it started.
 *
 * @param frames          good frames delivered
 * @param oversized       {@link FrameError#OVERSIZED}
 * @param truncated       {@link FrameError#TRUNCATED}
 * @param badLength       {@link FrameError#BAD_LENGTH}
 * @param badCrc          {@link FrameError#BAD_CRC}
 * @param discardedBytes  bytes that did not end up in a good frame
 */
public record FrameStats(long frames, long oversized, long truncated, long badLength, long badCrc,
                         long discardedBytes) {

    /** All refused frames. */
    public long errors() {
        return oversized + truncated + badLength + badCrc;
    }
}
