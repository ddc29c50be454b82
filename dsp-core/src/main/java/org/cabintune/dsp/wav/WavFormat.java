package org.cabintune.dsp.wav;

/**
 * The shape of a WAV stream's audio: what {@link WavReader} found in a file's {@code fmt} and
 * {@code data} chunks, and what {@link WavWriter} is asked to write.
 *
 * <p>Supported: {@link WavEncoding#PCM} at 8 (unsigned), 16, 24 or 32 bits and
 * {@link WavEncoding#IEEE_FLOAT} at 32 or 64 bits, 1 to {@value #MAX_CHANNELS} channels.
 *
 * @param sampleRate frames per second, 1 to {@value #MAX_SAMPLE_RATE}
 * @param channels interleaved channels per frame, 1 to {@value #MAX_CHANNELS}
 * @param bitsPerSample the container size of one sample in bits
 * @param encoding integer PCM or IEEE float
 * @param frameCount frames in the data chunk, or -1 when unknown (a streamed file); for a
 *     writer on a non-seekable stream, the number of frames that will be written, or -1
 */
public record WavFormat(int sampleRate, int channels, int bitsPerSample, WavEncoding encoding,
                        long frameCount) {

    /** The most channels accepted; enough for any car (and any 22.2 layout plus spares). */
    public static final int MAX_CHANNELS = 32;
    /**
     * The highest sample rate accepted. Generous: real audio stops at 768 kHz, and a larger
     * value is far more likely a corrupt header than a recording.
     */
    public static final int MAX_SAMPLE_RATE = 4_000_000;

    /** Validates every field; throws {@link IllegalArgumentException} naming the field. */
    public WavFormat {
        if (encoding == null) {
            throw new IllegalArgumentException("encoding must not be null");
        }
        String problem = problem(sampleRate, channels, bitsPerSample, encoding);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (frameCount < -1) {
            throw new IllegalArgumentException("frameCount " + frameCount + " is below -1 (unknown)");
        }
    }

    /** Integer PCM of unknown length. */
    public static WavFormat pcm(int sampleRate, int channels, int bitsPerSample) {
        return new WavFormat(sampleRate, channels, bitsPerSample, WavEncoding.PCM, -1);
    }

    /** IEEE float of unknown length. */
    public static WavFormat ieeeFloat(int sampleRate, int channels, int bitsPerSample) {
        return new WavFormat(sampleRate, channels, bitsPerSample, WavEncoding.IEEE_FLOAT, -1);
    }

    /** This format with another frame count (-1 for unknown). */
    public WavFormat withFrameCount(long frames) {
        return new WavFormat(sampleRate, channels, bitsPerSample, encoding, frames);
    }

    /** Bytes of one sample. */
    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** Bytes of one frame (every channel's sample): the WAV {@code blockAlign}. */
    public int blockAlign() {
        return channels * (bitsPerSample / 8);
    }

    /**
     * Describes what is wrong with these field values, or returns null when they are valid.
     * One check shared by the record (which throws {@link IllegalArgumentException}) and the
     * reader (which throws {@link WavFormatException} with the chunk's offset).
     */
    static String problem(long sampleRate, long channels, int bitsPerSample, WavEncoding encoding) {
        if (channels < 1 || channels > MAX_CHANNELS) {
            return "channels " + channels + " is outside 1.." + MAX_CHANNELS;
        }
        boolean bitsOk = encoding == WavEncoding.PCM
                ? bitsPerSample == 8 || bitsPerSample == 16 || bitsPerSample == 24 || bitsPerSample == 32
                : bitsPerSample == 32 || bitsPerSample == 64;
        if (!bitsOk) {
            return "bitsPerSample " + bitsPerSample + (encoding == WavEncoding.PCM ? "" : " float")
                    + " is not supported (8, 16, 24, 32 integer; 32, 64 float)";
        }
        if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
            return "sampleRate " + sampleRate + " is outside 1.." + MAX_SAMPLE_RATE;
        }
        return null;
    }
}
