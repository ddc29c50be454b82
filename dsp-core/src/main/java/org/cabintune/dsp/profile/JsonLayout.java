package org.cabintune.dsp.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Pretty-prints a JSON tree the way profiles are read by people: containers of scalars
 * (a filter, a band, a mix, the inputs) stay on one line, everything else is indented by two
 * spaces. Whole numbers are written without a fraction ({@code 3500}, not {@code 3500.0}).
 */
final class JsonLayout {

    private static final String INDENT = "  ";

    private JsonLayout() {
    }

    static String format(JsonNode root) {
        StringBuilder out = new StringBuilder();
        write(root, out, "");
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, StringBuilder out, String indent) {
        if (isFlat(node)) {
            inline(node, out);
            return;
        }
        String inner = indent + INDENT;
        if (node.isObject()) {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(inner);
                out.append(FieldPath.json(field.getKey()));
                out.append(": ");
                write(field.getValue(), out, inner);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(inner);
                write(node.get(i), out, inner);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        }
    }

    /** Scalars, and containers whose members are all scalars. */
    private static boolean isFlat(JsonNode node) {
        if (!node.isContainerNode()) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static void inline(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.append(separator);
                out.append(FieldPath.json(field.getKey()));
                out.append(": ");
                inline(field.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                inline(node.get(i), out);
            }
            out.append(']');
        } else {
            scalar(node, out);
        }
    }

    private static void scalar(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(FieldPath.json(node.textValue()));
        } else if (node.isFloatingPointNumber()) {
            // Double.toString is the shortest text that reads back to the same double.
            double value = node.doubleValue();
            out.append(FieldPath.isWhole(value) ? Long.toString((long) value) : Double.toString(value));
        } else {
            out.append(node.asText());
        }
    }
}
