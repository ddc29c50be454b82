package org.cabintune.tuner.rta;

import java.util.Locale;

/**
 * How the analyser averages its frames, on power: {@code exp:T} exponentially with time constant
 * T seconds (the display follows changes and forgets the past, as a sound level meter's "slow"
 * of 1 s does), or {@code linear} the plain mean of every frame since the start (the steadiest
 * reading of a steady signal, for a measurement to keep).
 *
 * @param linear  true for the plain mean
 * @param seconds the exponential time constant (0 for linear)
 */
public record Averaging(boolean linear, double seconds) {

    public static final Averaging LINEAR = new Averaging(true, 0);

    public Averaging {
        if (!linear && !(seconds >= 0.05 && seconds <= 600)) {
            throw new IllegalArgumentException("exponential averaging time " + seconds + " s is outside 0.05 .. 600 s");
        }
    }

    /** {@code linear}, {@code exp} (1 s) or {@code exp:SECONDS}. */
    public static Averaging parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("linear")) {
            return LINEAR;
        }
        if (t.equals("exp")) {
            return new Averaging(false, 1);
        }
        if (t.startsWith("exp:")) {
            try {
                return new Averaging(false, Double.parseDouble(t.substring(4)));
            } catch (NumberFormatException e) {
                // the message below
            }
        }
        throw new IllegalArgumentException("averaging '" + text + "' is not one of linear, exp, exp:SECONDS");
    }

    /** The weight of a new frame, {@code hopSeconds} after the last, given {@code frames} so far (this one included). */
    double weight(double hopSeconds, long frames) {
        double exp = linear ? 0 : 1 - Math.exp(-hopSeconds / seconds);
        // Until the exponential's memory is filled, the plain mean: the first frames are not pulled towards zero.
        return Math.max(exp, 1.0 / frames);
    }

    /** For headers: {@code linear} or {@code exponential, 1.0 s}. */
    public String label() {
        return linear ? "linear" : String.format(Locale.ROOT, "exponential, %.1f s", seconds);
    }
}
