package org.cabintune.dsp.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Typed, path-aware access to one JSON object of a profile. Creating it reports unknown and
 * missing fields; each getter reports a wrong JSON type and then returns a placeholder, so a
 * reader keeps going and finds every problem. Readers build a record only when nothing was
 * reported meanwhile.
 */
final class Fields {

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private Fields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Checks {@code node} is an object with all {@code required} fields and nothing outside
     * {@code required} and {@code optional}; returns null if it is not an object at all.
     *
     * @param what how messages name this object, e.g. "a peaking filter"
     */
    static Fields of(JsonNode node, String path, Problems problems, String what,
                     List<String> required, List<String> optional) {
        if (!node.isObject()) {
            problems.at(path, " " + describe(node) + "; expected " + what + " (a JSON object)");
            return null;
        }
        List<String> allowed = new ArrayList<>(required);
        allowed.addAll(optional);
        for (String name : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(name)) {
                problems.at(FieldPath.field(path, name), " is not a field of " + what
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
        for (String name : required) {
            if (!node.has(name)) {
                problems.at(FieldPath.field(path, name), " is missing; " + what + " requires "
                        + String.join(", ", required));
            }
        }
        return new Fields(node, path, problems);
    }

    String path(String name) {
        return FieldPath.field(path, name);
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** The raw child, or null when absent. */
    JsonNode get(String name) {
        return node.get(name);
    }

    /** A string field; null when absent or of another type (the latter is reported). */
    String string(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            wrongType(name, value, "a string");
            return null;
        }
        return value.textValue();
    }

    /** A number field, or {@code absent} when it is not there; NaN after a reported problem. */
    double number(String name, double absent) {
        JsonNode value = node.get(name);
        if (value == null) {
            return absent;
        }
        if (!value.isNumber()) {
            wrongType(name, value, "a number");
            return Double.NaN;
        }
        return value.doubleValue();
    }

    /** A required number field; NaN when missing or wrong (both reported). */
    double number(String name) {
        return number(name, Double.NaN);
    }

    /**
     * A whole-number field ({@code 4} or {@code 4.0}); 0 after a reported problem.
     *
     * @param allowed the range phrase for messages, e.g. "is outside 1..8"
     */
    int integer(String name, String allowed) {
        JsonNode value = node.get(name);
        if (value == null) {
            return 0;
        }
        if (!value.isNumber()) {
            wrongType(name, value, "a whole number");
            return 0;
        }
        double d = value.doubleValue();
        if (d != Math.rint(d)) {
            problems.at(path(name), " = " + value.asText() + " is not a whole number");
            return 0;
        }
        if (!value.canConvertToInt()) {
            problems.at(path(name), " = " + value.asText() + " " + allowed);
            return 0;
        }
        return (int) d;
    }

    /** A boolean field, or {@code absent} when it is not there. */
    boolean bool(String name, boolean absent) {
        JsonNode value = node.get(name);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            wrongType(name, value, "true or false");
            return absent;
        }
        return value.booleanValue();
    }

    /** An enum word; {@code absent} when not there, null after a reported problem. */
    <E> E choice(String name, E[] values, Function<E, String> jsonName, E absent) {
        JsonNode value = node.get(name);
        if (value == null) {
            return absent;
        }
        if (!value.isTextual()) {
            wrongType(name, value, "one of " + JsonNames.list(values, jsonName));
            return null;
        }
        Optional<E> found = JsonNames.lookup(values, jsonName, value.textValue());
        if (found.isEmpty()) {
            problems.value(path(name), value.textValue(), "is not one of " + JsonNames.list(values, jsonName));
            return null;
        }
        return found.get();
    }

    /**
     * An array field read element by element; empty when absent, null after a reported
     * problem (every element is still read, to report all of them).
     */
    <T> List<T> list(String name, BiFunction<JsonNode, String, T> element) {
        JsonNode value = node.get(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            wrongType(name, value, "an array");
            return null;
        }
        List<T> result = new ArrayList<>(value.size());
        boolean failed = false;
        for (int i = 0; i < value.size(); i++) {
            T item = element.apply(value.get(i), FieldPath.index(path(name), i));
            failed |= item == null;
            result.add(item);
        }
        return failed ? null : result;
    }

    /** Reads a required number array element; null after a reported problem. */
    static Double numberElement(JsonNode value, String path, Problems problems) {
        if (!value.isNumber()) {
            problems.at(path, " " + describe(value) + "; expected a number");
            return null;
        }
        return value.doubleValue();
    }

    private void wrongType(String name, JsonNode value, String expected) {
        problems.at(path(name), " " + describe(value) + "; expected " + expected);
    }

    /** "= \"3\" is a string", "is an object", ... for wrong-type messages. */
    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "= " + FieldPath.quote(value.textValue()) + " is a string";
            case NUMBER -> "= " + value.asText() + " is a number";
            case BOOLEAN -> "= " + value.asText() + " is a boolean";
            case NULL -> "is null";
            case ARRAY -> "is an array";
            case OBJECT -> "is an object";
            default -> "is " + value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
