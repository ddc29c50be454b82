package org.cabintune.link.protocol;

/** Character rules shared by the text checks and the message renderers. */
final class Text {

    private Text() {
    }

    /** True when the char at {@code i} is half of a surrogate pair whose other half is missing. */
    static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /** C0 and C1 control characters and DEL: they garble terminals and logs. */
    static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }

    /** The index of the first control character, DEL or lone surrogate, or -1. */
    static int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || isLoneSurrogate(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** True when every char is one of {@code allowed} or an ASCII letter or digit. */
    static boolean isWordOf(String text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || allowed.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case words of {@code a-z 0-9} joined by single hyphens: {@code driver-seat}. */
    static boolean isSlug(String text) {
        if (text.isEmpty() || text.startsWith("-") || text.endsWith("-") || text.contains("--")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
