package org.cabintune.hu.engine;

/** One test signal, generated block by block into Q8.24 without allocating. */
interface SignalGenerator {

    /** Writes the next {@code frames} samples to {@code out[0..frames)}. */
    void generate(int[] out, int frames);
}
