package org.cabintune.hu.engine;

/**
 * An audio file decoded into memory, Q8.24, for {@link WavFiles#player players} and anything
 * that reads the whole file (a loudness measurement). Its samples are shared, never changed.
 *
 * @param samples    [channel][frame], at least {@code frames} long
 * @param frames     frames of audio
 * @param sampleRate the file's rate
 * @param name       the file's name, for messages
 */
public record DecodedAudio(int[][] samples, int frames, int sampleRate, String name) {

    /** Channels. */
    public int channels() {
        return samples.length;
    }

    /** Length, seconds. */
    public double seconds() {
        return frames / (double) sampleRate;
    }
}
