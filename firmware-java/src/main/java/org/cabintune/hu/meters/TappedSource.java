package org.cabintune.hu.meters;

import org.cabintune.hu.engine.ForwardingSource;
import org.cabintune.hu.engine.Source;

import java.io.IOException;
import java.util.Arrays;

/**
 * A source that hands every period it delivers to a {@link MeterTap}; otherwise the source it
 * wraps, unchanged. Runs on the audio thread under the engine's rules.
 */
public final class TappedSource extends ForwardingSource {

    private final MeterTap tap;

    public TappedSource(Source source, MeterTap tap) {
        super(source);
        this.tap = tap;
    }

    @Override
    public int channels() {
        return behind.channels();
    }

    @Override
    public int read(int[][] block, int frames) throws IOException {
        int n = behind.read(block, frames);
        // What the engine plays after a short read: silence.
        for (int[] channel : block) {
            Arrays.fill(channel, Math.max(n, 0), frames, 0);
        }
        tap.programme(block, frames);
        return n;
    }

    @Override
    public void rehearse(int[][] block, int frames) {
        behind.rehearse(block, frames);
    }
}
