package org.cabintune.tuner.loudness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Writes one JSON object on one line: string, number, boolean and null members, and arrays of
 * objects. Numbers are rounded to 0.01 and written in the shortest form that reads back to that
 * value; non-finite numbers become {@code null}. Strings are escaped as RFC 8259 requires.
 */
final class JsonLine {

    private final StringBuilder out = new StringBuilder("{");
    /** The closing bracket of every array or object still open, innermost first. */
    private final Deque<Character> closers = new ArrayDeque<>();
    /** True until the innermost open array or object has its first member. */
    private boolean empty = true;

    JsonLine() {
        closers.push('}');
    }

    /** A string member. */
    JsonLine text(String key, String value) {
        key(key);
        string(value);
        return this;
    }

    /** A number member, rounded to 0.01; null when not finite. */
    JsonLine number(String key, double value) {
        key(key);
        if (Double.isFinite(value)) {
            double rounded = Math.round(value * 100) / 100.0;
            // Rounding a small negative value gives -0.0; JSON readers would keep the sign.
            out.append(rounded == 0 ? "0.0" : Double.toString(rounded));
        } else {
            out.append("null");
        }
        return this;
    }

    /** A boolean member; null when {@code value} is null. */
    JsonLine bool(String key, Boolean value) {
        key(key);
        out.append(value);
        return this;
    }

    /** Opens an array member; close it with {@link #end()}. */
    JsonLine beginArray(String key) {
        key(key);
        return open('[', ']');
    }

    /** Opens an object element of the current array; close it with {@link #end()}. */
    JsonLine beginObject() {
        separate();
        return open('{', '}');
    }

    /** Closes the innermost open array or object; the last call closes the line's object. */
    JsonLine end() {
        out.append(closers.pop());
        empty = false;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonLine open(char opener, char closer) {
        out.append(opener);
        closers.push(closer);
        empty = true;
        return this;
    }

    private void key(String key) {
        separate();
        string(key);
        out.append(':');
    }

    private void separate() {
        if (!empty) {
            out.append(',');
        }
        empty = false;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
