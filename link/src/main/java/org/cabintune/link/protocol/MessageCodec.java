package org.cabintune.link.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Reads and writes protocol messages (JSON, UTF-8). Reading is strict and fails with a
 * {@link ProtocolException} whose code is stable and whose message names the field; nothing
 * else escapes, whatever the bytes. Writing produces what reading accepts. Stateless and
 * thread-safe.
 */
public final class MessageCodec {

    private static final List<String> REQUIRED = List.of("protocol", "id", "time", "type", "body");
    private static final List<String> OPTIONAL = List.of("re", "signature");
    private static final List<String> SIGNATURE_FIELDS = List.of("key", "counter", "value");

    private MessageCodec() {
    }

    /** Decodes one message. */
    public static Received decode(byte[] bytes) throws ProtocolException {
        JsonNode tree = StrictJson.read(bytes);
        String id = readableId(tree);
        try {
            Envelope envelope = envelope(tree);
            return new Received(envelope, Canonical.signedBytes(tree), sha256(Canonical.of(tree)));
        } catch (ProtocolException e) {
            throw e.withMessageId(id);
        }
    }

    /** Encodes one message as compact JSON. */
    public static byte[] encode(Envelope envelope) {
        return StrictJson.write(tree(envelope, envelope.signature()));
    }

    /**
     * The canonical bytes a signature by {@code keyId} with {@code counter} covers, for the
     * sender: the same bytes the receiver computes from the message on the wire.
     */
    public static byte[] signedBytes(Envelope envelope, String keyId, long counter) {
        ObjectNode tree = tree(envelope, null);
        tree.putObject("signature").put("key", keyId).put("counter", counter);
        return Canonical.signedBytes(tree);
    }

    private static ObjectNode tree(Envelope envelope, Signature signature) {
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("protocol", envelope.protocol())
                .put("id", envelope.id())
                .put("time", envelope.timeMs())
                .put("type", envelope.type().word());
        if (envelope.re() != null) {
            out.put("re", envelope.re());
        }
        out.set("body", BodyWriter.write(envelope.body()));
        if (signature != null) {
            out.putObject("signature").put("key", signature.keyId()).put("counter", signature.counter())
                    .put("value", signature.value());
        }
        return out;
    }

    private static Envelope envelope(JsonNode tree) throws ProtocolException {
        // The version comes first: a later version may have other fields.
        JsonNode protocol = tree.get("protocol");
        if (protocol != null && protocol.isNumber()
                && protocol.doubleValue() != Limits.PROTOCOL_VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "protocol", " = " + protocol.asText()
                    + " is not spoken here; this unit speaks " + Limits.PROTOCOL_VERSION, null);
        }
        FieldReader r = FieldReader.of(tree, "", "a message", REQUIRED, OPTIONAL);
        int version = (int) r.integer("protocol", Limits.PROTOCOL_VERSION, Limits.PROTOCOL_VERSION);
        String id = r.string("id");
        long time = r.integer("time", 0, Limits.MAX_SAFE_INTEGER);
        String word = r.string("type");
        MessageType type = MessageType.of(word).orElseThrow(() -> new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                "type", " = " + FieldPath.quote(word) + " is not a message type of version "
                + Limits.PROTOCOL_VERSION + "; known: " + MessageType.words(), null));
        String re = r.string("re");
        Body body = BodyReader.read(type, tree.get("body"));
        Signature signature = r.has("signature") ? signature(r.object("signature", "a signature", SIGNATURE_FIELDS,
                List.of())) : null;
        return r.build(() -> new Envelope(version, id, time, re, body, signature));
    }

    private static Signature signature(FieldReader r) throws ProtocolException {
        String key = r.string("key");
        long counter = r.integer("counter", 0, Limits.MAX_SAFE_INTEGER);
        String value = r.string("value");
        return r.build(() -> new Signature(key, counter, value));
    }

    /** The message's id when it is a valid one, so even a refusal can name the message. */
    private static String readableId(JsonNode tree) {
        JsonNode id = tree.get("id");
        if (id == null || !id.isTextual()) {
            return null;
        }
        try {
            return Check.messageId("id", id.textValue());
        } catch (FieldException e) {
            return null;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
