package org.cabintune.dsp.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns profile bytes into a Jackson tree, strictly: UTF-8 only, no comments or NaN, no
 * duplicate keys, no trailing content, finite numbers only. Syntax problems are reported with
 * the path being read and the line and column; built by hand on the streaming parser so that
 * every error knows where it is.
 */
final class JsonTree {

    /** Profiles are a few kilobytes; anything this big is not one. */
    static final int MAX_BYTES = 1 << 20;
    /** The deepest profile is five levels; the margin is for unknown fields to be reported. */
    static final int MAX_DEPTH = 32;
    /** Doubles print in at most 24 characters; 100 leaves room for hand-written digits. */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_BYTES)
                    .build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Problems problems;
    private JsonParser parser;

    private JsonTree(Problems problems) {
        this.problems = problems;
    }

    /** The tree, or null after reporting why there is none. */
    static JsonNode read(byte[] bytes, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.at("", " is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES);
            return null;
        }
        String text = decodeUtf8(bytes, problems);
        return text == null ? null : new JsonTree(problems).parse(text);
    }

    private static String decodeUtf8(byte[] bytes, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            problems.at("", " is not UTF-8 text (invalid byte 0x"
                    + String.format("%02x", bytes[offset] & 0xff) + " at offset " + offset + ")");
            return null;
        }
        String text = out.flip().toString();
        // A byte order mark is harmless in UTF-8 and some editors write one.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private JsonNode parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.at("", " is empty; expected a JSON object");
                return null;
            }
            JsonNode root = value(first, "");
            if (p.nextToken() != null) {
                problems.at("", " has unexpected content after its closing brace" + location(p.currentTokenLocation()));
                return null;
            }
            return root;
        } catch (StreamConstraintsException e) {
            problems.at(where(), ": " + limitExceeded(e.getMessage()));
        } catch (JsonProcessingException e) {
            problems.at(where(), ": malformed JSON" + location(e.getLocation()) + ": " + explain(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // Reading a String cannot fail for I/O reasons; anything else is a parser limit.
            problems.at(where(), ": malformed JSON: " + firstLine(String.valueOf(e.getMessage())));
        }
        return null;
    }

    private JsonNode value(JsonToken token, String path) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(path);
            case START_ARRAY -> array(path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(path);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected token " + token);
        };
    }

    private ObjectNode object(String path) throws IOException {
        ObjectNode object = NODES.objectNode();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String child = FieldPath.field(path, name);
            JsonNode value = value(parser.nextToken(), child);
            if (object.has(name)) {
                problems.at(child, " is given twice" + location(parser.currentTokenLocation())
                        + "; each field may appear once");
            } else {
                object.set(name, value);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("unexpected token " + token + " in an object");
        }
        return object;
    }

    private ArrayNode array(String path) throws IOException {
        ArrayNode array = NODES.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("unexpected end of input in an array");
            }
            array.add(value(token, FieldPath.index(path, array.size())));
        }
        return array;
    }

    private JsonNode number(String path) throws IOException {
        JsonNode node = switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            case BIG_INTEGER -> NODES.numberNode(parser.getBigIntegerValue());
            default -> NODES.numberNode(parser.getDoubleValue());
        };
        // 1e400 overflows to Infinity; refuse it here, while the text as written is still known.
        if (!Double.isFinite(node.doubleValue())) {
            problems.at(path, " = " + shorten(parser.getText()) + " is not a finite number");
        }
        return node;
    }

    /**
     * The path the parser was at when it failed, from its own context: Jackson reads a
     * field's value together with its name, so the failing field is known only there.
     */
    private String where() {
        return parser == null ? "" : pathOf(parser.getParsingContext());
    }

    private static String pathOf(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = pathOf(context.getParent());
        if (context.inArray()) {
            return context.getCurrentIndex() < 0 ? parent : FieldPath.index(parent, context.getCurrentIndex());
        }
        String name = context.getCurrentName();
        return name == null ? parent : FieldPath.field(parent, name);
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's message, minus its advice on parser features and its source excerpt. */
    private static String explain(String message) {
        if (message == null) {
            return "unreadable input";
        }
        if (message.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers; write a finite number";
        }
        int source = message.indexOf(" (start marker at [Source:");
        return firstLine(source < 0 ? message : message.substring(0, source));
    }

    /** The parser's size limits, in the profile's terms. */
    private static String limitExceeded(String message) {
        String text = String.valueOf(message);
        if (text.startsWith("Number value length")) {
            return "a number longer than " + MAX_NUMBER_LENGTH + " characters is not a profile value";
        }
        if (text.contains("nesting depth")) {
            return "nested more than " + MAX_DEPTH + " levels deep; a profile is five levels deep";
        }
        return "exceeds a parser limit: " + firstLine(text);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return shorten(newline < 0 ? message : message.substring(0, newline));
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
