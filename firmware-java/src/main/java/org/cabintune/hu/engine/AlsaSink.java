package org.cabintune.hu.engine;

import org.cabintune.hu.audio.AlsaPcm;

import java.io.IOException;

/**
 * Plays through an ALSA PCM ({@link AlsaPcm}): the device paces the engine, and its recovered
 * underruns are the engine's xruns. The stream must be opened for playback with the engine's
 * rate and a period of at least the engine's.
 */
public final class AlsaSink implements Sink {

    private final AlsaPcm pcm;

    /** Takes ownership of an open playback stream. */
    public AlsaSink(AlsaPcm pcm) {
        Checks.playback(pcm);
        this.pcm = pcm;
    }

    @Override
    public int channels() {
        return pcm.spec().channels();
    }

    @Override
    public void write(int[][] block, int frames) throws IOException {
        pcm.write(block, frames);
    }

    @Override
    public long xruns() {
        return pcm.xruns();
    }

    /** Drains what is queued (the engine's last periods are silence) and closes the device. */
    @Override
    public void close() {
        pcm.close();
    }
}
