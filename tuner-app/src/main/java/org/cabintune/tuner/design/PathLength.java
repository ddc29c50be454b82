package org.cabintune.tuner.design;

/**
 * A delay as the path length sound covers in it, and back: installers think of time alignment
 * as centimetres of distance to the listener, the head unit runs milliseconds.
 */
public final class PathLength {

    /** Air at 20 degrees C, m/s: what the design uses unless told otherwise. */
    public static final double SPEED_OF_SOUND = SystemDesign.Options.DEFAULT.speedOfSound();

    private PathLength() {
    }

    /** The path length in cm sound covers in {@code delayMs} at {@code speedOfSound} m/s. */
    public static double cm(double delayMs, double speedOfSound) {
        return delayMs / 1000 * speedOfSound * 100;
    }

    /** The delay in ms sound takes over {@code cm} at {@code speedOfSound} m/s. */
    public static double ms(double cm, double speedOfSound) {
        return cm / 100 / speedOfSound * 1000;
    }
}
