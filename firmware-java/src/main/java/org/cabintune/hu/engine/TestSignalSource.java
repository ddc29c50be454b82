package org.cabintune.hu.engine;

/**
 * The head unit's own programme for tests, demos and measurement: a sine, pink noise or a
 * repeated log sweep ({@link TestSignals} makes them), the same on every channel.
 * Deterministic: the same arguments give the same samples. Holds no string constants (see
 * {@link Checks}).
 */
public final class TestSignalSource implements Source {

    private final int channels;
    private final SignalGenerator generator;
    /** The same signal, run by {@link #rehearse} so the real one stays at its start. */
    private final SignalGenerator understudy;
    private final String description;

    TestSignalSource(int channels, SignalGenerator generator, SignalGenerator understudy, String description) {
        Checks.channels(channels);
        this.understudy = understudy;
        this.channels = channels;
        this.generator = generator;
        this.description = description;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int read(int[][] block, int frames) {
        generator.generate(block[0], frames);
        for (int c = 1; c < channels; c++) {
            System.arraycopy(block[0], 0, block[c], 0, frames);
        }
        return frames;
    }

    @Override
    public void rehearse(int[][] block, int frames) {
        understudy.generate(block[0], frames);
        for (int c = 1; c < channels; c++) {
            System.arraycopy(block[0], 0, block[c], 0, frames);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
