package org.cabintune.hu.engine;

import org.cabintune.dsp.wav.PcmCodec;

import javax.sound.sampled.SourceDataLine;

/**
 * Plays through a {@code javax.sound.sampled} {@link SourceDataLine}: the fallback for machines
 * where libasound cannot be loaded, or a board whose {@code dac.alsaDevice} is
 * {@code javasound:NAME}. {@link JavaSound#open} picks the mixer and opens the line with the
 * board's format; blocks are converted to the line's little-endian signed words (TPDF-dithered
 * to 16 or 24 bits) and written, and the line's blocking write paces the engine.
 *
 * <p>The conversion allocates nothing; what Java Sound's own line does on a write is its
 * implementation's, and has not been measured here (no sound card on the test machine). Holds
 * no string constants (see {@link Checks}): the messages are in {@link JavaSound}.
 */
public final class JavaSoundSink implements Sink {

    private final SourceDataLine line;
    private final PcmCodec codec;
    private final int channels;
    private final byte[] bytes;

    /** Takes ownership of an open, started line whose format {@code codec} writes. */
    JavaSoundSink(SourceDataLine line, PcmCodec codec, int channels, int maxFrames) {
        this.line = line;
        this.codec = codec;
        this.channels = channels;
        this.bytes = new byte[maxFrames * codec.bytesPerFrame()];
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public void write(int[][] block, int frames) {
        codec.encode(block, frames, bytes);
        int length = frames * codec.bytesPerFrame();
        int done = 0;
        while (done < length) {
            done += line.write(bytes, done, length - done);
        }
    }

    /** Plays out what is queued and closes the line. */
    @Override
    public void close() {
        line.drain();
        line.stop();
        line.close();
    }
}
