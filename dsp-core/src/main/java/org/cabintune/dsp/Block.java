package org.cabintune.dsp;

/**
 * A fixed-point processing block: the one interface every stage of the chain implements.
 *
 * <p>Samples are {@code int} Q8.24 (see {@link Q824}). {@code process} works in place on
 * {@code channels[c][0..frames)}; it must not allocate, lock, log or throw. Blocks are
 * compiled from immutable parameter records and allocate everything in their constructor.
 */
public interface Block {

    /** Processes {@code frames} samples of every channel in place. */
    void process(int[][] channels, int frames);

    /** Clears all state (delay lines, filter memories, ramps) as if freshly built. */
    void reset();
}
