package org.cabintune.hu.engine;

import org.cabintune.dsp.wav.WavWriter;

import java.io.IOException;

/**
 * Records what the DAC would get into a WAV file: integer PCM of 16, 24 or 32 bits (dithered
 * below 25 bits as the board asks, as on a DAC). Paced at real time like {@link NullSink} or, unpaced, as
 * fast as the engine runs. The writer flushes in 64 KiB pieces from its own buffer, so a write
 * allocates nothing; the file's sizes are patched on {@link #close()}. {@link WavFiles#recorder}
 * makes one.
 */
public final class WavFileSink implements Sink {

    private final WavWriter writer;
    private final int channels;
    private final Pacer pacer;

    WavFileSink(WavWriter writer, int channels, Pacer pacer) {
        this.writer = writer;
        this.channels = channels;
        this.pacer = pacer;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public void write(int[][] block, int frames) throws IOException {
        if (pacer != null) {
            pacer.await(frames);
        }
        writer.write(block, frames);
    }

    @Override
    public long nextDeadlineNanos() {
        return pacer == null ? 0 : pacer.nextDue();
    }

    @Override
    public long xruns() {
        return pacer == null ? 0 : pacer.underruns();
    }

    /** Frames written so far. */
    public long framesWritten() {
        return writer.framesWritten();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
