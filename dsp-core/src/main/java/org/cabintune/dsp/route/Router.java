package org.cabintune.dsp.route;

/**
 * A fixed-point stage that maps {@link #inputs()} channels to {@link #outputs()} channels.
 * It is not a {@link org.cabintune.dsp.Block} because a block works in place on one channel
 * set, and a router changes the channel count (the bus's 2 channels become N speaker
 * outputs). The real-time rules of {@code Block} hold: {@code process} never allocates,
 * locks, logs or throws.
 */
public interface Router {

    /** Number of input channels read. */
    int inputs();

    /** Number of output channels written. */
    int outputs();

    /**
     * Reads {@code in[0 .. inputs)[0 .. frames)} and writes {@code out[0 .. outputs)[0 ..
     * frames)}, Q8.24. Output rows may be the same arrays as input rows (in-place routing).
     */
    void process(int[][] in, int[][] out, int frames);

    /** Clears any state as if freshly built. */
    void reset();
}
