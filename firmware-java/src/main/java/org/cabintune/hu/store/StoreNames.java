package org.cabintune.hu.store;

import java.text.Normalizer;

/**
 * What a stored profile may be called. The name is what the driver sees on the display and
 * what the link and the web page select by; it is also the file's name, so it holds nothing a
 * file system or a shell would read specially: letters and digits (any script), space, and
 * {@value #PUNCTUATION}; it starts with a letter or digit and does not end in a space.
 */
final class StoreNames {

    /** Longest name: what a head unit's display line shows. */
    static final int MAX_LENGTH = 32;
    /** Punctuation a name may hold besides letters, digits and space. */
    static final String PUNCTUATION = "-_.'()&+";
    /** The ending of a profile file. */
    static final String PROFILE = ".profile";

    private StoreNames() {
    }

    /** Null when {@code name} may be stored, otherwise why not, naming the name. */
    static String problem(String name) {
        String quoted = "profile name \"" + name + "\"";
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            return "profile name is empty; a stored profile's name has 1.." + MAX_LENGTH + " characters";
        }
        if (length > MAX_LENGTH) {
            return quoted + " has " + length + " characters; allowed 1.." + MAX_LENGTH;
        }
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
            return quoted + " is not in Unicode normal form C (it has an accent stored apart from its letter);"
                    + " type it again";
        }
        int position = 1;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i)), position++) {
            int c = name.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && c != ' ' && PUNCTUATION.indexOf(c) < 0) {
                return quoted + " has " + describe(c) + " at position " + position
                        + "; allowed are letters, digits, space and " + String.join(" ", PUNCTUATION.split(""));
            }
        }
        if (!Character.isLetterOrDigit(name.codePointAt(0))) {
            return quoted + " must start with a letter or digit";
        }
        if (name.endsWith(" ")) {
            return quoted + " must not end with a space";
        }
        return null;
    }

    /** The file that holds the profile {@code name}. */
    static String fileName(String name) {
        return name + PROFILE;
    }

    /** The profile name a file name stands for, or null when it is no profile file. */
    static String nameOf(String fileName) {
        String base = fileName.endsWith(PROFILE) ? fileName.substring(0, fileName.length() - PROFILE.length())
                : fileName.endsWith(PROFILE + Envelope.PREVIOUS)
                ? fileName.substring(0, fileName.length() - PROFILE.length() - Envelope.PREVIOUS.length()) : null;
        return base == null || base.startsWith(".") ? null : base;
    }

    /** A character as a reader can see it: itself in quotes, or its code when it would not show. */
    private static String describe(int c) {
        int type = Character.getType(c);
        boolean shows = !Character.isISOControl(c) && !Character.isWhitespace(c) && type != Character.FORMAT
                && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE && type != Character.SURROGATE;
        return shows ? "'" + Character.toString(c) + "'" : String.format("the character U+%04X", c);
    }
}
