package org.cabintune.tuner.design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Which side of the car an output plays: what it hears from the stereo bus. */
public enum Side {
    LEFT, RIGHT, CENTRE;

    /**
     * The side a name says: a word {@code left} or {@code right} (words split at {@code -} and
     * {@code _}), else {@link #CENTRE} ({@code center}, {@code sub-1}, ...).
     */
    public static Side fromName(String name) {
        List<String> words = words(name);
        if (words.contains("left")) {
            return LEFT;
        }
        if (words.contains("right")) {
            return RIGHT;
        }
        return CENTRE;
    }

    /** True when a name has the word {@code rear} or {@code back}: the rear fill. */
    public static boolean rearFromName(String name) {
        List<String> words = words(name);
        return words.contains("rear") || words.contains("back");
    }

    /**
     * The mix of the stereo inputs {@code L} and {@code R}: left and right hear their own
     * input at 1.0; the centre (and every subwoofer, whatever its name) hears both at 0.5.
     * A muted output keeps its inputs at gain 0.
     */
    public Map<String, Double> mix(boolean bothInputs, boolean muted) {
        double on = muted ? 0.0 : 1.0;
        Map<String, Double> mix = new LinkedHashMap<>();
        if (bothInputs || this == CENTRE) {
            mix.put("L", on * 0.5);
            mix.put("R", on * 0.5);
        } else {
            mix.put(this == LEFT ? "L" : "R", on);
        }
        return mix;
    }

    private static List<String> words(String name) {
        return List.of(name.toLowerCase(Locale.ROOT).split("[-_ ]+"));
    }
}
