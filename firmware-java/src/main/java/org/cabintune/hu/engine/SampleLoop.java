package org.cabintune.hu.engine;

/**
 * Plays samples rendered before the stream started, then {@code gapFrames} of silence, and
 * again: the tuner's measurement stimulus streamed exactly as its generator made it.
 */
final class SampleLoop implements SignalGenerator {

    private final int[] samples;
    private final long cycle;
    private long position;

    SampleLoop(int[] samples, int gapFrames) {
        this.samples = samples;
        this.cycle = (long) samples.length + gapFrames;
    }

    @Override
    public void generate(int[] out, int frames) {
        for (int i = 0; i < frames; i++) {
            out[i] = position < samples.length ? samples[(int) position] : 0;
            position = position + 1 == cycle ? 0 : position + 1;
        }
    }
}
