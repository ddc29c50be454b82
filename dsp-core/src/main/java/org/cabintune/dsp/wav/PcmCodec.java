package org.cabintune.dsp.wav;

/**
 * Converts Q8.24 blocks to and from interleaved little-endian PCM bytes, for anything that
 * speaks raw PCM: the WAV reader and writer, and the head unit's ALSA sink and source. One
 * instance per stream; {@link #encode} and {@link #decode} allocate nothing.
 */
public final class PcmCodec {

    private final int kind;
    private final int channels;
    private final Dither dither;

    /**
     * @param format the word format (rate and frame count are not used)
     * @param dither TPDF dither (plain or shaped, then for at least the format's channels) for
     *               integer words shorter than 25 bits, or null for plain rounding
     */
    public PcmCodec(WavFormat format, Dither dither) {
        if (dither != null) {
            dither.checkFits(format);
        }
        this.kind = SampleCodec.kindOf(format);
        this.channels = format.channels();
        this.dither = dither;
    }

    /** Bytes of one interleaved frame. */
    public int bytesPerFrame() {
        return channels * SampleCodec.bytesPerSample(kind);
    }

    /** Encodes {@code src[c][0..frames)} as interleaved frames at {@code out[0..)}. */
    public void encode(int[][] src, int frames, byte[] out) {
        SampleCodec.encode(kind, src, 0, frames, channels, out, 0, dither);
    }

    /** Decodes interleaved frames at {@code in[0..)} into {@code dest[c][0..frames)}. */
    public void decode(byte[] in, int frames, int[][] dest) {
        SampleCodec.decode(kind, in, frames, channels, dest, 0);
    }
}
