package org.cabintune.dsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Range checks shared by the block parameter records. Every failure names the parameter, its
 * value and the allowed range, e.g. {@code delayMs[2] = 25.0 ms is outside the allowed range
 * 0.0 .. 20.0 ms}, so the person who typed the value can fix it.
 */
public final class ParamChecks {

    /** Lowest sample rate a block accepts. */
    public static final int MIN_SAMPLE_RATE = 8_000;
    /** Highest sample rate a block accepts. */
    public static final int MAX_SAMPLE_RATE = 192_000;
    /** Most channels one block processes. */
    public static final int MAX_CHANNELS = 64;

    private ParamChecks() {
    }

    /** Checks {@code sampleRate} against {@link #MIN_SAMPLE_RATE} .. {@link #MAX_SAMPLE_RATE}. */
    public static int sampleRate(int value) {
        return inRange("sampleRate", value, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE, "Hz");
    }

    /** Checks a channel count against 1 .. {@link #MAX_CHANNELS}. */
    public static int channels(String name, int value) {
        return inRange(name, value, 1, MAX_CHANNELS, "");
    }

    /** Returns {@code value} if {@code min <= value <= max}, else throws naming all three. */
    public static int inRange(String name, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + suffix(unit)
                    + " is outside the allowed range " + min + " .. " + max + suffix(unit));
        }
        return value;
    }

    /** Returns {@code value} if {@code min <= value <= max} (NaN never is), else throws. */
    public static double inRange(String name, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " = " + format(value) + suffix(unit)
                    + " is outside the allowed range " + format(min) + " .. " + format(max)
                    + suffix(unit));
        }
        return value;
    }

    /**
     * Copies a per-channel list, refusing null, an empty list, more than
     * {@link #MAX_CHANNELS} entries and null entries (named {@code name[i]}).
     */
    public static <T> List<T> channelList(String name, List<T> values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is missing (null)");
        }
        if (values.isEmpty() || values.size() > MAX_CHANNELS) {
            throw new IllegalArgumentException(name + " has " + values.size()
                    + " entries; the allowed range is 1 .. " + MAX_CHANNELS + " channels");
        }
        List<T> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            if (value == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is missing (null)");
            }
            copy.add(value);
        }
        return Collections.unmodifiableList(copy);
    }

    /** Formats a bound or value for a message: infinities as {@code -inf}/{@code +inf}. */
    public static String format(double value) {
        if (value == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (value == Double.POSITIVE_INFINITY) {
            return "+inf";
        }
        return Double.toString(value);
    }

    private static String suffix(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }
}
