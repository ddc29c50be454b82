package org.cabintune.hu.engine;

import org.cabintune.hu.audio.AlsaPcm;

import java.io.IOException;

/**
 * Captures from an ALSA PCM ({@link AlsaPcm}) opened for capture: a line input, an S/PDIF
 * receiver, a USB gadget. {@link #read} waits for the device, so the source is
 * {@link #paced()}; recovered overruns count as the engine's xruns.
 */
public final class AlsaSource implements Source {

    private final AlsaPcm pcm;

    /** Takes ownership of an open capture stream. */
    public AlsaSource(AlsaPcm pcm) {
        Checks.capture(pcm);
        this.pcm = pcm;
    }

    @Override
    public int channels() {
        return pcm.spec().channels();
    }

    @Override
    public int read(int[][] block, int frames) throws IOException {
        pcm.read(block, frames);
        return frames;
    }

    @Override
    public boolean paced() {
        return true;
    }

    @Override
    public long xruns() {
        return pcm.xruns();
    }

    @Override
    public void close() {
        pcm.close();
    }
}
