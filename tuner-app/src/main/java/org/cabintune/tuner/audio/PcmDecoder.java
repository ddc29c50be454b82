package org.cabintune.tuner.audio;

import javax.sound.sampled.AudioFormat;

/**
 * Turns a capture line's interleaved bytes into one channel's samples, full scale 1.0: signed
 * PCM of 16, 24 or 32 bits (a word of b bits divided by 2^(b-1)) or 32-bit float, either byte
 * order. The channel not kept is skipped, so a stereo line serves a mono microphone.
 */
public final class PcmDecoder {

    private final int bytes;
    private final int frameBytes;
    private final int offset;
    private final boolean bigEndian;
    private final boolean isFloat;
    private final double scale;

    /**
     * @param format  a fully specified format ({@link CaptureFormats#choose} makes one)
     * @param channel the channel to keep, 0 = the first
     */
    public PcmDecoder(AudioFormat format, int channel) {
        int bits = format.getSampleSizeInBits();
        boolean signed = format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) && (bits == 16 || bits == 24 || bits == 32);
        this.isFloat = format.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT) && bits == 32;
        if (!signed && !isFloat) {
            throw new IllegalArgumentException("format " + format + " is not signed 16-, 24- or 32-bit PCM or 32-bit float");
        }
        if (channel < 0 || channel >= format.getChannels()) {
            throw new IllegalArgumentException("channel = " + channel + " is outside 0 .. " + (format.getChannels() - 1)
                    + " of " + format);
        }
        this.bytes = bits / 8;
        this.frameBytes = format.getFrameSize();
        if (frameBytes != bytes * format.getChannels()) {
            throw new IllegalArgumentException("frame size = " + frameBytes + " bytes is not " + format.getChannels()
                    + " words of " + bytes + " bytes");
        }
        this.offset = channel * bytes;
        this.bigEndian = format.isBigEndian();
        this.scale = isFloat ? 1 : 1.0 / (1L << (bits - 1));
    }

    /** Bytes of one frame (all channels). */
    public int frameBytes() {
        return frameBytes;
    }

    /**
     * Decodes the kept channel of the whole frames in {@code in[0, length)} into
     * {@code out[off..)}; returns the frames decoded (a partial frame at the end is left).
     */
    public int decode(byte[] in, int length, double[] out, int off) {
        int frames = length / frameBytes;
        for (int f = 0, p = offset; f < frames; f++, p += frameBytes) {
            int word = 0;
            for (int b = 0; b < bytes; b++) {
                int shift = 8 * (bigEndian ? bytes - 1 - b : b);
                word |= (in[p + b] & 0xFF) << shift;
            }
            if (isFloat) {
                out[off + f] = Float.intBitsToFloat(word);
            } else {
                // Move the word's sign bit to bit 31, then shift back arithmetically.
                int unused = 32 - 8 * bytes;
                out[off + f] = ((word << unused) >> unused) * scale;
            }
        }
        return frames;
    }
}
