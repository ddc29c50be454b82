package org.cabintune.tuner.audio;

import java.io.IOException;

/**
 * Reads one channel of a {@link Capture} as samples, full scale 1.0, a block at a time. The same
 * code reads a sound card's line and an audio stream. A read that ends inside a frame keeps the
 * partial frame for the next.
 */
public final class FrameReader {

    private final Capture capture;
    private final PcmDecoder decoder;
    private final byte[] buffer;
    private int held;

    /**
     * @param capture     what to read
     * @param channel     the channel to keep, 0 = the first
     * @param blockFrames most frames one {@link #read} returns
     */
    public FrameReader(Capture capture, int channel, int blockFrames) {
        if (blockFrames < 1) {
            throw new IllegalArgumentException("blockFrames = " + blockFrames + " must be at least 1");
        }
        this.capture = capture;
        this.decoder = new PcmDecoder(capture.format(), channel);
        this.buffer = new byte[blockFrames * decoder.frameBytes()];
    }

    /** The rate of the samples, Hz. */
    public int sampleRate() {
        return Math.round(capture.format().getSampleRate());
    }

    /**
     * Reads up to a block into {@code out[off..)} (which must have room for it), waiting for the
     * capture; returns the frames read, or -1 at the capture's end.
     */
    public int read(double[] out, int off) throws IOException {
        while (true) {
            int n = capture.read(buffer, held, buffer.length - held);
            if (n < 0) {
                return -1;
            }
            held += n;
            int frames = decoder.decode(buffer, held, out, off);
            int used = frames * decoder.frameBytes();
            System.arraycopy(buffer, used, buffer, 0, held - used);
            held -= used;
            if (frames > 0) {
                return frames;
            }
        }
    }

    /** Most frames one read returns. */
    public int blockFrames() {
        return buffer.length / decoder.frameBytes();
    }
}
