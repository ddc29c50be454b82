package org.cabintune.dsp.route;

/**
 * The double-precision twin of a {@link Router}: same design, doubles with 1.0 = 0 dBFS and no
 * saturation.
 */
public interface ReferenceRouter {

    /** As {@link Router#process}, in double. */
    void process(double[][] in, double[][] out, int frames);

    /** Clears any state as if freshly built. */
    void reset();
}
