package org.cabintune.link.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Typed, path-aware, fail-fast access to one JSON object of a message. Creating one refuses
 * unknown and missing fields; each getter refuses a wrong JSON type. The first problem ends
 * the reading with a {@link ProtocolException} naming the field.
 */
final class FieldReader {

    /** Reads one element of a JSON array. */
    @FunctionalInterface
    interface Element<T> {
        T read(JsonNode node, String path) throws ProtocolException;
    }

    private final JsonNode node;
    private final String path;

    private FieldReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * Checks {@code node} is an object with every {@code required} field and nothing else but
     * {@code optional} ones.
     *
     * @param what how messages name the object, e.g. "a set-volume body"
     */
    static FieldReader of(JsonNode node, String path, String what, List<String> required, List<String> optional)
            throws ProtocolException {
        if (!node.isObject()) {
            throw new ProtocolException(ErrorCode.WRONG_TYPE, path, " " + Describe.node(node) + "; expected "
                    + what + " (a JSON object)", null);
        }
        for (String name : (Iterable<String>) node::fieldNames) {
            if (!required.contains(name) && !optional.contains(name)) {
                List<String> allowed = new ArrayList<>(required);
                allowed.addAll(optional);
                throw new ProtocolException(ErrorCode.UNKNOWN_FIELD, FieldPath.field(path, name), " is not a field of "
                        + what + "; allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)), null);
            }
        }
        for (String name : required) {
            if (!node.has(name)) {
                throw new ProtocolException(ErrorCode.MISSING_FIELD, FieldPath.field(path, name), " is missing; "
                        + what + " requires " + String.join(", ", required), null);
            }
        }
        return new FieldReader(node, path);
    }

    String path() {
        return path;
    }

    String path(String name) {
        return FieldPath.field(path, name);
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** The raw value of a field the caller knows is present. */
    JsonNode raw(String name) {
        return node.get(name);
    }

    /** A string field; null when it is optional and absent. */
    String string(String name) throws ProtocolException {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, value, "a string");
        }
        return value.textValue();
    }

    /** A number field. */
    double number(String name) throws ProtocolException {
        JsonNode value = node.get(name);
        if (value == null || !value.isNumber()) {
            throw wrongType(name, value, "a number");
        }
        return value.doubleValue();
    }

    /** A whole-number field within {@code min..max}; {@code 4} and {@code 4.0} are both whole. */
    long integer(String name, long min, long max) throws ProtocolException {
        JsonNode value = node.get(name);
        if (value == null || !value.isNumber()) {
            throw wrongType(name, value, "a whole number");
        }
        double d = value.doubleValue();
        if (value.isFloatingPointNumber() && d != Math.rint(d)) {
            throw new ProtocolException(ErrorCode.OUT_OF_RANGE, path(name), " = " + value.asText()
                    + " is not a whole number", null);
        }
        boolean fits = value.isFloatingPointNumber() ? Math.abs(d) <= Limits.MAX_SAFE_INTEGER : value.canConvertToLong();
        long whole = value.isFloatingPointNumber() ? (long) d : value.longValue();
        if (!fits || whole < min || whole > max) {
            throw new ProtocolException(ErrorCode.OUT_OF_RANGE, path(name), " = " + value.asText() + " is outside "
                    + min + ".." + max, null);
        }
        return whole;
    }

    /** A boolean field. */
    boolean bool(String name) throws ProtocolException {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) {
            throw wrongType(name, value, "true or false");
        }
        return value.booleanValue();
    }

    /** A nested object field. */
    FieldReader object(String name, String what, List<String> required, List<String> optional)
            throws ProtocolException {
        return of(node.get(name), path(name), what, required, optional);
    }

    /** An array field of at most {@code max} entries, read element by element. */
    <T> List<T> list(String name, int max, Element<T> element) throws ProtocolException {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            throw wrongType(name, value, "an array");
        }
        if (value.size() > max) {
            throw new ProtocolException(ErrorCode.TOO_LONG, path(name), " has " + value.size()
                    + " entries; at most " + max + " allowed", null);
        }
        List<T> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            result.add(element.read(value.get(i), FieldPath.index(path(name), i)));
        }
        return result;
    }

    /** Builds this object's record, turning its rule violations into errors at this path. */
    <T> T build(Supplier<T> constructor) throws ProtocolException {
        return build(path, constructor);
    }

    /** Builds a record that sits at {@code path}. */
    static <T> T build(String path, Supplier<T> constructor) throws ProtocolException {
        try {
            return constructor.get();
        } catch (FieldException e) {
            throw e.at(path, null);
        }
    }

    /** A string array element. */
    static String stringElement(JsonNode value, String path) throws ProtocolException {
        if (!value.isTextual()) {
            throw new ProtocolException(ErrorCode.WRONG_TYPE, path, " " + Describe.node(value) + "; expected a string", null);
        }
        return value.textValue();
    }

    /** A whole-number array element that fits an int. */
    static Integer intElement(JsonNode value, String path) throws ProtocolException {
        if (!value.isNumber()) {
            throw new ProtocolException(ErrorCode.WRONG_TYPE, path, " " + Describe.node(value)
                    + "; expected a whole number", null);
        }
        if (!value.isIntegralNumber() && value.doubleValue() != Math.rint(value.doubleValue())
                || !(Math.abs(value.doubleValue()) <= Integer.MAX_VALUE)) {
            throw new ProtocolException(ErrorCode.OUT_OF_RANGE, path, " = " + value.asText()
                    + " is not a whole number of int range", null);
        }
        return (int) value.doubleValue();
    }

    private ProtocolException wrongType(String name, JsonNode value, String expected) {
        String found = value == null ? "is missing" : Describe.node(value);
        ErrorCode code = value == null ? ErrorCode.MISSING_FIELD : ErrorCode.WRONG_TYPE;
        return new ProtocolException(code, path(name), " " + found + "; expected " + expected, null);
    }
}
