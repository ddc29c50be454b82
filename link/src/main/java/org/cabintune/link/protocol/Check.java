package org.cabintune.link.protocol;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The value rules of the message records, each throwing a {@link FieldException} that names
 * the field, the value and what is allowed. Records call these from their compact
 * constructors, so a message built in code and a message read from the wire obey one set of
 * rules.
 */
public final class Check {

    private Check() {
    }

    /** A number in {@code min..max}, finite. */
    public static double range(String field, double value, double min, double max) {
        if (!Double.isFinite(value)) {
            throw new FieldException(ErrorCode.OUT_OF_RANGE, field, " = " + value + " is not a finite number");
        }
        if (value < min || value > max) {
            throw new FieldException(ErrorCode.OUT_OF_RANGE, field, " = " + FieldPath.number(value)
                    + " is outside " + FieldPath.number(min) + ".." + FieldPath.number(max));
        }
        return value;
    }

    /** A whole number in {@code min..max}. */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new FieldException(ErrorCode.OUT_OF_RANGE, field, " = " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    /** A whole number in {@code min..max}, as an int. */
    public static int range(String field, int value, int min, int max) {
        return (int) range(field, (long) value, (long) min, (long) max);
    }

    /** A message id: 1..64 characters of {@code A-Z a-z 0-9 . _ : -}. */
    public static String messageId(String field, String value) {
        length(field, value, 1, Limits.MAX_ID_CHARS);
        if (!Text.isWordOf(value, "._:-")) {
            throw invalid(field, value, "may only contain A-Z a-z 0-9 . _ : -");
        }
        return value;
    }

    /** A profile or unit id: lower-case words of {@code a-z 0-9} joined by single hyphens. */
    public static String slug(String field, String value, int maxChars) {
        length(field, value, 1, maxChars);
        if (!Text.isSlug(value)) {
            throw invalid(field, value, "must be lower-case words of a-z 0-9 joined by single hyphens, like driver-seat");
        }
        return value;
    }

    /** Human text: {@code 1..maxChars} characters, not blank, no control characters. */
    public static String text(String field, String value, int maxChars) {
        length(field, value, 1, maxChars);
        if (value.isBlank()) {
            throw invalid(field, value, "is blank");
        }
        int bad = Text.firstUnprintable(value);
        if (bad >= 0) {
            throw invalid(field, value, "has a control character or a lone surrogate at index " + bad);
        }
        return value;
    }

    /**
     * A master's path inside the unit's media directory: text of 1..{@link Limits#MAX_MEDIA_NAME_CHARS}
     * characters, segments joined by {@code /}, none of them empty, {@code .} or {@code ..}, no
     * backslash: a name that cannot leave the directory, whatever the unit's file system.
     */
    public static String mediaName(String field, String value) {
        text(field, value, Limits.MAX_MEDIA_NAME_CHARS);
        if (value.indexOf('\\') >= 0) {
            throw invalid(field, value, "has a backslash; separate folders with /");
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw invalid(field, value, "is not a path inside the media directory: its parts are joined by single"
                        + " /, none of them empty, . or ..");
            }
        }
        return value;
    }

    /** Base64 (standard alphabet, padded) of exactly {@code bytes} bytes. */
    public static String base64(String field, String value, int bytes) {
        int chars = (bytes + 2) / 3 * 4;
        length(field, value, chars, chars);
        try {
            if (Base64.getDecoder().decode(value).length == bytes) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw invalid(field, value, "is not base64 of " + bytes + " bytes");
    }

    /** Lower-case hexadecimal of exactly {@code chars} digits. */
    public static String hex(String field, String value, int chars) {
        length(field, value, chars, chars);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw invalid(field, value, "must be " + chars + " lower-case hex digits");
            }
        }
        return value;
    }

    /** An immutable copy of a list of {@code min..max} entries, none null. */
    public static <T> List<T> list(String field, List<T> value, int min, int max) {
        Objects.requireNonNull(value, field);
        if (value.size() > max) {
            throw new FieldException(ErrorCode.TOO_LONG, field, " has " + value.size() + " entries; at most " + max + " allowed");
        }
        if (value.size() < min) {
            throw new FieldException(ErrorCode.INVALID_VALUE, field, " has " + value.size() + " entries; at least " + min + " needed");
        }
        return List.copyOf(value);
    }

    /** Refuses the second occurrence of any entry. */
    public static <T> List<T> unique(String field, List<T> value) {
        HashSet<T> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            if (!seen.add(value.get(i))) {
                throw new FieldException(ErrorCode.INVALID_VALUE, FieldPath.index(field, i),
                        " = " + value.get(i) + " is listed twice");
            }
        }
        return value;
    }

    /** A required value. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new FieldException(ErrorCode.MISSING_FIELD, field, " is missing");
        }
        return value;
    }

    private static void length(String field, String value, int min, int max) {
        present(field, value);
        if (value.length() > max) {
            throw new FieldException(ErrorCode.TOO_LONG, field, " = " + FieldPath.quote(value) + " has "
                    + value.length() + " characters; at most " + max + " allowed");
        }
        if (value.length() < min) {
            throw new FieldException(ErrorCode.INVALID_VALUE, field, " = " + FieldPath.quote(value) + " has "
                    + value.length() + " characters; at least " + min + " needed");
        }
    }

    private static FieldException invalid(String field, String value, String reason) {
        return new FieldException(ErrorCode.INVALID_VALUE, field, " = " + FieldPath.quote(value) + " " + reason);
    }
}
