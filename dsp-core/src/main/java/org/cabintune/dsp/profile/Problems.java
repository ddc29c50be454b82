package org.cabintune.dsp.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problem lines while reading or validating, so the user sees them all at once. Each
 * line starts with a field path; the helpers phrase range failures the same way everywhere.
 */
final class Problems {

    /** A file can be wrong everywhere; past this many lines more detail stops helping. */
    static final int MAX_REPORTED = 50;

    private final List<String> lines = new ArrayList<>();
    private int dropped;

    int size() {
        return lines.size() + dropped;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** {@code path} followed by {@code text}, e.g. {@code ("a.b", " is missing")}. */
    void at(String path, String text) {
        if (lines.size() < MAX_REPORTED) {
            lines.add(FieldPath.display(path) + text);
        } else {
            dropped++;
        }
    }

    /** {@code path = value reason}, e.g. {@code q = 40 is outside 0.1..20}. */
    void value(String path, double value, String reason) {
        at(path, " = " + FieldPath.number(value) + " " + reason);
    }

    /** {@code path = "text" reason}. */
    void value(String path, String value, String reason) {
        at(path, " = " + FieldPath.quote(value) + " " + reason);
    }

    /** Reports a value that is not finite or not in {@code min..max}; true if it was fine. */
    boolean range(String path, double value, double min, double max) {
        if (!Double.isFinite(value)) {
            value(path, value, "is not a finite number");
            return false;
        }
        if (value < min || value > max) {
            value(path, value, "is outside " + FieldPath.number(min) + ".." + FieldPath.number(max));
            return false;
        }
        return true;
    }

    /** Reports a list whose size is not in {@code min..max}. */
    void count(String path, int size, int min, int max) {
        if (size < min || size > max) {
            String allowed = min == max ? "exactly " + min : min + ".." + max;
            at(path, " has " + size + (size == 1 ? " entry" : " entries") + "; allowed " + allowed);
        }
    }

    /** Throws when anything was reported. */
    void throwIfAny() throws ProfileException {
        throwIfAny(null);
    }

    void throwIfAny(Throwable cause) throws ProfileException {
        if (isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(lines);
        if (dropped > 0) {
            all.add("profile: " + dropped + " more problems not shown");
        }
        throw new ProfileException(all, cause);
    }
}
