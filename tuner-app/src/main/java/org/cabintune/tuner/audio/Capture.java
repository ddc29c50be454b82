package org.cabintune.tuner.audio;

import java.io.IOException;
import javax.sound.sampled.AudioFormat;

/**
 * Where recorded bytes come from: a sound card's capture line ({@link LineCapture}) or an audio
 * stream such as a file ({@link StreamCapture}). The reading code ({@link FrameReader},
 * {@link Recording}) is the same for both, which is how it is tested without a sound card.
 */
public interface Capture extends AutoCloseable {

    /** What the bytes are. */
    AudioFormat format();

    /** What it is, for messages. */
    String name();

    /** Starts delivering: a line drops what it held and starts. */
    void begin();

    /**
     * Reads up to {@code length} bytes of whole frames into {@code b[off..)}, waiting for some;
     * -1 when nothing more will come (a stream's end, or a line after {@link #end}).
     */
    int read(byte[] b, int off, int length) throws IOException;

    /** Stops delivering: a line stops, a waiting {@link #read} returns, what was held can still be read. */
    void end();

    @Override
    void close() throws IOException;
}
