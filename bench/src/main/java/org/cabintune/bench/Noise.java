package org.cabintune.bench;

import org.cabintune.dsp.Q824;

import java.util.SplittableRandom;

/** Test noise for the benchmarks: white, uniform, at a peak of -12 dBFS. */
final class Noise {

    /** Peak level: -12 dBFS; uniform noise is then about -16.8 dBFS RMS. */
    static final double PEAK = 0.25;

    private Noise() {
    }

    /** {@code [blocks][channels][frames]} of Q8.24 noise at {@link #PEAK}, reproducible from the seed. */
    static int[][][] blocks(int blocks, int channels, int frames, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][][] noise = new int[blocks][channels][frames];
        for (int[][] block : noise) {
            for (int[] channel : block) {
                for (int i = 0; i < frames; i++) {
                    channel[i] = Q824.fromDouble((2 * random.nextDouble() - 1) * PEAK);
                }
            }
        }
        return noise;
    }
}
