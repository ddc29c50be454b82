package org.cabintune.link.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** Phrases a JSON value for wrong-type messages: {@code = "3" is a string}, {@code is null}. */
final class Describe {

    private Describe() {
    }

    static String node(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "= " + FieldPath.quote(value.textValue()) + " is a string";
            case NUMBER -> "= " + value.asText() + " is a number";
            case BOOLEAN -> "= " + value.asText() + " is a boolean";
            case NULL -> "is null";
            case ARRAY -> "is an array";
            case OBJECT -> "is an object";
            default -> "is not a JSON value";
        };
    }
}
