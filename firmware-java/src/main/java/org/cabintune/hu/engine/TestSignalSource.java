package org.cabintune.hu.engine;

import java.util.Arrays;

/**
 * The head unit's own programme for tests, demos and measurement: a sine, pink noise or a
 * repeated log sweep ({@link TestSignals} makes them), the same on every channel, or a
 * two-channel stimulus (timing markers and sweep) on the first two channels with the others
 * silent. Deterministic: the same arguments give the same samples. Holds no string constants
 * (see {@link Checks}).
 */
public final class TestSignalSource implements Source {

    private final int channels;
    /** What channel c plays: {@code generators[c]}; past them, a copy of channel 0 or silence. */
    private final SignalGenerator[] generators;
    /** The same signals, run by {@link #rehearse} so the real ones stay at their start. */
    private final SignalGenerator[] understudies;
    /** True when one generator's signal is copied to every channel. */
    private final boolean shared;
    private final String description;

    /** One signal on every channel. */
    TestSignalSource(int channels, SignalGenerator generator, SignalGenerator understudy, String description) {
        this(channels, new SignalGenerator[] {generator}, new SignalGenerator[] {understudy}, true, description);
    }

    /** Channel c plays {@code perChannel[c]} (at most {@code channels}, one understudy each); the channels after them are silent. */
    TestSignalSource(int channels, SignalGenerator[] perChannel, SignalGenerator[] understudies, String description) {
        this(channels, perChannel, understudies, false, description);
    }

    private TestSignalSource(int channels, SignalGenerator[] generators, SignalGenerator[] understudies,
                             boolean shared, String description) {
        Checks.channels(channels);
        this.channels = channels;
        this.generators = generators.clone();
        this.understudies = understudies.clone();
        this.shared = shared;
        this.description = description;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int read(int[][] block, int frames) {
        play(generators, block, frames);
        return frames;
    }

    @Override
    public void rehearse(int[][] block, int frames) {
        play(understudies, block, frames);
    }

    private void play(SignalGenerator[] playing, int[][] block, int frames) {
        for (int c = 0; c < channels; c++) {
            if (c < playing.length) {
                playing[c].generate(block[c], frames);
            } else if (shared) {
                System.arraycopy(block[0], 0, block[c], 0, frames);
            } else {
                Arrays.fill(block[c], 0, frames, 0);
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
