package org.cabintune.dsp.wav;

import java.io.Closeable;
import java.io.IOException;

/**
 * A decoded audio stream read in Q8.24 blocks: {@link WavReader} for WAV, and
 * {@code org.cabintune.dsp.flac.FlacReader} for FLAC. {@code org.cabintune.dsp.audiofile.AudioFiles}
 * opens the right one for a file's first bytes.
 */
public interface AudioReader extends Closeable {

    /** Frames per second. */
    int sampleRate();

    /** Channels per frame. */
    int channels();

    /** The stream's word length in bits (its container for WAV, its sample depth for FLAC). */
    int bitsPerSample();

    /** Frames in the stream, or -1 when the stream does not say. */
    long frameCount();

    /** Frames returned by {@link #read} so far. */
    long framePosition();

    /** The encoding in a few words, for messages: {@code WAV PCM 24-bit}, {@code FLAC 16-bit}. */
    String describe();

    /**
     * Reads up to {@code maxFrames} frames into {@code dest[c][0..n)} for every channel c and
     * returns n, or -1 at the end of the audio. Fewer than {@code maxFrames} frames come back
     * only at the end, or just before an error that the next call throws. Allocates nothing.
     *
     * @param dest at least {@link #channels()} arrays of at least {@code maxFrames} ints each
     * @throws IOException if the stream is malformed or cut short (a format exception naming
     *     the place), or reading fails
     */
    int read(int[][] dest, int maxFrames) throws IOException;

    /** Refuses a destination that cannot take {@code maxFrames} frames of {@code channels} channels. */
    static void checkDestination(int[][] dest, int maxFrames, int channels) {
        if (maxFrames < 0 || dest.length < channels) {
            throw new IllegalArgumentException("need " + channels + " channel arrays and maxFrames >= 0, got "
                    + dest.length + " arrays and maxFrames " + maxFrames);
        }
        for (int c = 0; c < channels; c++) {
            if (dest[c].length < maxFrames) {
                throw new IllegalArgumentException("dest[" + c + "] holds " + dest[c].length
                        + " frames, fewer than maxFrames " + maxFrames);
            }
        }
    }
}
