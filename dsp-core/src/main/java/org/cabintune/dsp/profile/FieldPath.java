package org.cabintune.dsp.profile;

import java.util.regex.Pattern;

/**
 * Builds the JSON paths that start every problem line ({@code outputs[2].filters[0].q}) and
 * renders values for messages. The root is the empty string and is shown as {@code profile}.
 */
final class FieldPath {

    /** Keys that can follow a dot unquoted; anything else is written {@code ["..."]}. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Long strings are cut in messages so a hostile file cannot make a huge one. */
    private static final int MAX_SHOWN = 40;

    private FieldPath() {
    }

    static String field(String parent, String name) {
        if (!PLAIN.matcher(name).matches()) {
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

    /** A string as a JSON literal, shortened to {@value #MAX_SHOWN} characters. */
    static String quote(String text) {
        String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) : text;
        StringBuilder out = new StringBuilder(shown.length() + 8).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    // Control characters and lone surrogates would garble a terminal or log.
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return text.length() > MAX_SHOWN ? out + "..." : out.toString();
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
