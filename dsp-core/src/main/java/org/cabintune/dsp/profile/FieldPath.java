package org.cabintune.dsp.profile;

/**
 * Builds the JSON paths that start every problem line ({@code outputs[2].filters[0].q}) and
 * renders values for messages. The root is the empty string and is shown as {@code profile}.
 */
final class FieldPath {

    /** Long strings are cut in messages so a hostile file cannot make a huge one. */
    private static final int MAX_SHOWN = 40;
    /** Keys longer than this are quoted even when plain, to keep paths readable. */
    private static final int MAX_PLAIN = 64;

    private FieldPath() {
    }

    static String field(String parent, String name) {
        if (!isPlain(name)) {
            return display(parent) + "[" + quote(name) + "]";
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return display(parent) + "[" + index + "]";
    }

    static String display(String path) {
        return path.isEmpty() ? "profile" : path;
    }

    /** A string as a JSON literal, shortened to {@value #MAX_SHOWN} characters for messages. */
    static String quote(String text) {
        if (text.length() <= MAX_SHOWN) {
            return json(text);
        }
        return json(text.substring(0, MAX_SHOWN)) + "...";
    }

    /**
     * A string as a JSON literal. Control characters, DEL and lone surrogates are escaped:
     * they would garble a terminal, and a lone surrogate cannot be encoded as UTF-8.
     */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || isLoneSurrogate(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /** Names of the format and ordinary input names: {@code [A-Za-z0-9_-]{1,64}}. */
    private static boolean isPlain(String name) {
        if (name.isEmpty() || name.length() > MAX_PLAIN) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** A number as people write it: 30000 rather than 30000.0, 0.31 as 0.31. */
    static String number(double value) {
        if (isWhole(value)) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** True for integral values small enough to print exactly as a long, except -0.0. */
    static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                && !(value == 0.0 && Double.doubleToRawLongBits(value) != 0L);
    }
}
