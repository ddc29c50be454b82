package org.cabintune.link.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns message bytes into a Jackson tree, strictly: UTF-8 only (no byte order mark, no
 * UTF-16), one JSON object and nothing after it, no duplicate keys, no NaN or Infinity, no
 * number that overflows to infinity or is longer than {@link Limits#MAX_NUMBER_CHARS}, no
 * lone surrogate escapes, at most {@link Limits#MAX_DEPTH} levels. Thread-safe.
 */
public final class StrictJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_DEPTH)
                    .maxNumberLength(Limits.MAX_NUMBER_CHARS)
                    .maxStringLength(Limits.MAX_MESSAGE_BYTES)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private StrictJson() {
    }

    /** The shared mapper, for writing trees. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses one message into its root object. */
    public static JsonNode read(byte[] bytes) throws ProtocolException {
        if (bytes.length > Limits.MAX_MESSAGE_BYTES) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, " is " + bytes.length + " bytes; at most "
                    + Limits.MAX_MESSAGE_BYTES + " allowed");
        }
        JsonNode root = parse(utf8(bytes));
        if (!root.isObject()) {
            throw new ProtocolException(ErrorCode.WRONG_TYPE, " " + Describe.node(root) + "; expected a JSON object");
        }
        checkValues(root, "");
        return root;
    }

    /** Compact JSON bytes of a tree. */
    public static byte[] write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            // Writing a tree of plain nodes to memory does not fail.
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(byte[] bytes) throws ProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (MalformedInputException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, " is not UTF-8 text (" + e.getInputLength()
                    + " malformed byte(s))");
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, " is not UTF-8 text");
        }
    }

    private static JsonNode parse(String text) throws ProtocolException {
        if (text.startsWith("\uFEFF")) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, " starts with a byte order mark; send plain UTF-8");
        }
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(text);
            JsonNode root = MAPPER.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new ProtocolException(ErrorCode.MALFORMED_JSON, " is empty; expected a JSON object");
            }
            if (parser.nextToken() != null) {
                throw new ProtocolException(ErrorCode.MALFORMED_JSON, " has content after its closing brace");
            }
            return root;
        } catch (StreamConstraintsException e) {
            String what = String.valueOf(e.getOriginalMessage());
            if (what.startsWith("Number value length")) {
                throw new ProtocolException(ErrorCode.OUT_OF_RANGE, where(parser), " has a number longer than "
                        + Limits.MAX_NUMBER_CHARS + " characters", null);
            }
            throw new ProtocolException(ErrorCode.TOO_LARGE, where(parser), " is nested more than " + Limits.MAX_DEPTH
                    + " levels deep", null);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, where(parser), ": malformed JSON" + location(e)
                    + ": " + explain(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, ": unreadable: " + e.getMessage());
        } finally {
            closeQuietly(parser);
        }
    }

    private static void closeQuietly(JsonParser parser) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // A parser over a String holds nothing to release.
        }
    }

    /** Refuses values the parser lets through: overflowed numbers and lone surrogate escapes. */
    private static void checkValues(JsonNode node, String path) throws ProtocolException {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw new ProtocolException(ErrorCode.OUT_OF_RANGE, path, " is not a finite number", null);
        }
        if (node.isTextual()) {
            checkText(node.textValue(), path);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                checkText(field.getKey(), path);
                checkValues(field.getValue(), FieldPath.field(path, field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkValues(node.get(i), FieldPath.index(path, i));
            }
        }
    }

    private static void checkText(String text, String path) throws ProtocolException {
        for (int i = 0; i < text.length(); i++) {
            if (Text.isLoneSurrogate(text, i)) {
                throw new ProtocolException(ErrorCode.MALFORMED_JSON, path, " has a lone surrogate escape (\\u"
                        + String.format("%04x", (int) text.charAt(i)) + "); it is not a Unicode character", null);
            }
        }
    }

    /** The path the parser was at when it failed, from its own context. */
    private static String where(JsonParser parser) {
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

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
    }

    /** Jackson's message without its advice on parser features and its source excerpt. */
    private static String explain(String message) {
        if (message == null) {
            return "unreadable input";
        }
        if (message.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        int cut = message.indexOf('\n');
        String line = cut < 0 ? message : message.substring(0, cut);
        int source = line.indexOf(" (start marker at");
        line = source < 0 ? line : line.substring(0, source);
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
