package org.cabintune.hu.meters;

import org.cabintune.hu.engine.Sink;

import java.io.IOException;

/**
 * A sink that has a {@link MeterTap} measure every period before it is written; otherwise the
 * sink it wraps, unchanged. Runs on the audio thread under the engine's rules.
 */
public final class TappedSink implements Sink {

    private final Sink sink;
    private final MeterTap tap;

    public TappedSink(Sink sink, MeterTap tap) {
        this.sink = sink;
        this.tap = tap;
    }

    @Override
    public int channels() {
        return sink.channels();
    }

    @Override
    public void write(int[][] block, int frames) throws IOException {
        tap.output(block, frames);
        sink.write(block, frames);
    }

    @Override
    public long nextDeadlineNanos() {
        return sink.nextDeadlineNanos();
    }

    @Override
    public long xruns() {
        return sink.xruns();
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }

    @Override
    public String toString() {
        return sink.toString();
    }
}
