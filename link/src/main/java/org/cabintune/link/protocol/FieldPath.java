package org.cabintune.link.protocol;

/**
 * Builds the JSON paths that start every refusal ({@code body.signal.f1Hz},
 * {@code body.outputs[3]}) and renders hostile text safely for messages: cut short, control
 * characters and lone surrogates escaped.
 */
public final class FieldPath {

    /** Text from a message is cut to this many characters when quoted back. */
    private static final int MAX_SHOWN = 40;

    private FieldPath() {
    }

    /** The path of field {@code name} inside {@code parent}; odd names are quoted. */
    public static String field(String parent, String name) {
        if (!isPlain(name)) {
            return display(parent) + "[" + quote(name) + "]";
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    public static String index(String parent, int index) {
        return display(parent) + "[" + index + "]";
    }

    /** Joins a path found inside a nested object to that object's own path. */
    public static String join(String parent, String relative) {
        if (relative.isEmpty()) {
            return parent;
        }
        if (parent.isEmpty() || relative.startsWith("[")) {
            return parent + relative;
        }
        return parent + "." + relative;
    }

    /** The path as shown in messages: the root is {@code message}. */
    public static String display(String path) {
        return path.isEmpty() ? "message" : path;
    }

    /** Text as a JSON string literal, cut to {@value #MAX_SHOWN} characters. */
    public static String quote(String text) {
        boolean cut = text.length() > MAX_SHOWN;
        String shown = cut ? text.substring(0, MAX_SHOWN) : text;
        StringBuilder out = new StringBuilder(shown.length() + 8).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Text.isLoneSurrogate(shown, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        return cut ? out + "..." : out.toString();
    }

    /** A number as people write it: 30000 rather than 30000.0. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty() || name.length() > MAX_SHOWN) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
