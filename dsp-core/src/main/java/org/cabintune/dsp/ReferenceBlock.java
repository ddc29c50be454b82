package org.cabintune.dsp;

/**
 * The double-precision twin of a {@link Block}: built from the same design math and the same
 * parameters, it is the oracle the fixed-point path is tested against. Samples are plain
 * doubles with 1.0 = 0 dBFS and no saturation.
 */
public interface ReferenceBlock {

    /** Processes {@code frames} samples of every channel in place. */
    void process(double[][] channels, int frames);

    /** Clears all state as if freshly built. */
    void reset();
}
