package org.cabintune.dsp.flac;

import java.util.HexFormat;

/**
 * The STREAMINFO block every FLAC stream opens with (RFC 9639, section 8.2).
 *
 * @param minBlockSize  the shortest block in samples (the last block may be shorter still)
 * @param maxBlockSize  the longest block in samples, 16..65535
 * @param minFrameSize  the smallest frame in bytes, 0 when unknown
 * @param maxFrameSize  the largest frame in bytes, 0 when unknown
 * @param sampleRate    Hz, 1..655350
 * @param channels      1..8
 * @param bitsPerSample 4..32
 * @param totalSamples  samples per channel in the stream, 0 when unknown
 * @param md5           the MD5 of the decoded audio (interleaved, little-endian, signed, whole
 *                      bytes per sample), as 32 hex digits; all zeros when the encoder left it out
 */
public record StreamInfo(int minBlockSize, int maxBlockSize, int minFrameSize, int maxFrameSize, int sampleRate,
                         int channels, int bitsPerSample, long totalSamples, String md5) {

    /** The MD5 field of an encoder that did not compute it. */
    public static final String NO_MD5 = "0".repeat(32);

    /** True when the stream carries the MD5 of its audio. */
    public boolean hasMd5() {
        return !NO_MD5.equals(md5);
    }

    /** Block lengths never change: every block but the last has {@link #maxBlockSize()} samples. */
    public boolean fixedBlockSize() {
        return minBlockSize == maxBlockSize;
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
