package org.cabintune.hu.meters;

import org.cabintune.hu.engine.Control;
import org.cabintune.hu.engine.Source;

import java.io.IOException;
import java.util.Arrays;

/**
 * A source that hands every period it delivers to a {@link MeterTap}; otherwise the source it
 * wraps, unchanged. Runs on the audio thread under the engine's rules.
 */
public final class TappedSource implements Source {

    private final Source source;
    private final MeterTap tap;

    public TappedSource(Source source, MeterTap tap) {
        this.source = source;
        this.tap = tap;
    }

    @Override
    public int channels() {
        return source.channels();
    }

    @Override
    public int read(int[][] block, int frames) throws IOException {
        int n = source.read(block, frames);
        // What the engine plays after a short read: silence.
        for (int[] channel : block) {
            Arrays.fill(channel, Math.max(n, 0), frames, 0);
        }
        tap.programme(block, frames);
        return n;
    }

    @Override
    public void rehearse(int[][] block, int frames) {
        source.rehearse(block, frames);
    }

    @Override
    public boolean paced() {
        return source.paced();
    }

    @Override
    public void control(Control command, long a, long b) {
        source.control(command, a, b);
    }

    @Override
    public long xruns() {
        return source.xruns();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    @Override
    public String toString() {
        return source.toString();
    }
}
