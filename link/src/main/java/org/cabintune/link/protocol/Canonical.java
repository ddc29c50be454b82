package org.cabintune.link.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bytes a signature covers: the message's JSON tree in the JSON Canonicalization Scheme
 * (RFC 8785) with the {@code signature} object's {@code value} member left out (its
 * {@code key} and {@code counter} stay in, so they are signed too). RFC 8785: no whitespace,
 * object members sorted by their names' UTF-16 code units, strings with only the mandatory
 * escapes, numbers as ECMAScript prints doubles. Any JSON implementation can produce these
 * bytes; {@code docs/protocol.md} has worked examples.
 */
public final class Canonical {

    private Canonical() {
    }

    /** The signed bytes of a message tree (an envelope as a JSON object). */
    public static byte[] signedBytes(JsonNode envelope) {
        StringBuilder out = new StringBuilder(256);
        writeObject(envelope, out, true);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Any JSON value in canonical form. */
    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out, false);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /** At the top level of a message, {@code signature.value} is left out. */
    private static void writeObject(JsonNode node, StringBuilder out, boolean envelope) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        out.append('{');
        boolean first = true;
        for (String name : names) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(name, out);
            out.append(':');
            JsonNode value = node.get(name);
            if (envelope && name.equals("signature") && value.isObject()) {
                writeWithout(value, "value", out);
            } else {
                write(value, out);
            }
        }
        out.append('}');
    }

    private static void writeWithout(JsonNode object, String left, StringBuilder out) {
        ObjectNode copy = object.deepCopy();
        copy.remove(left);
        writeObject(copy, out, false);
    }

    /** RFC 8785 section 3.2.2.2: only {@code "}, {@code \} and controls are escaped. */
    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The shortest decimal that reads back as {@code value}. {@link Double#toString} gives it,
     * except that it never prints fewer than two digits: where one would do (5e-324, which it
     * prints as 4.9E-324) the one-digit neighbour is tried.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal java = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (java.precision() != 2) {
            return java;
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR,
                RoundingMode.CEILING}) {
            BigDecimal one = java.round(new MathContext(1, mode));
            boolean readsBack = one.signum() > 0 && one.doubleValue() == value;
            if (readsBack && (best == null
                    || one.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = one;
            }
        }
        return best == null ? java : best.stripTrailingZeros();
    }

    /**
     * A double as ECMAScript's Number.prototype.toString prints it (ECMA-262, section
     * Number::toString), which RFC 8785 adopts: the shortest digits that read back to the
     * same double (Java's {@link Double#toString} finds them since JDK 19), laid out as plain
     * digits for exponents -7..20 and as {@code 1.5e+21} style outside.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("RFC 8785 has no form for " + value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        StringBuilder out = new StringBuilder(32);
        if (value < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }
}
