package org.cabintune.link.protocol;

import java.util.Objects;

/**
 * One protocol message: the same JSON over MQTT and over the serial cable.
 *
 * @param protocol  the protocol version, {@link Limits#PROTOCOL_VERSION}
 * @param id        unique per sender; the unit applies a command once per id
 * @param timeMs    when it was sent, milliseconds since 1970 UTC (informative: the unit has
 *                  no trusted clock, replay is refused by the signature counter)
 * @param re        for a reply, the id of the command it answers; null otherwise
 * @param body      the type-specific part; it decides the message type
 * @param signature the installer's signature, or null
 */
public record Envelope(int protocol, String id, long timeMs, String re, Body body, Signature signature) {

    public Envelope {
        Check.range("protocol", protocol, Limits.PROTOCOL_VERSION, Limits.PROTOCOL_VERSION);
        Check.messageId("id", id);
        Check.range("time", timeMs, 0, Limits.MAX_SAFE_INTEGER);
        Objects.requireNonNull(body, "body");
        if (re != null) {
            if (body.type().kind() != MessageType.Kind.REPLY) {
                throw new FieldException(ErrorCode.INVALID_VALUE, "re", " is only allowed on replies, not on "
                        + body.type().word());
            }
            Check.messageId("re", re);
        }
    }

    /** An unsigned message of the current version. */
    public static Envelope of(String id, long timeMs, Body body) {
        return new Envelope(Limits.PROTOCOL_VERSION, id, timeMs, null, body, null);
    }

    /** A reply to the command with id {@code re}. */
    public static Envelope reply(String id, long timeMs, String re, Reply body) {
        return new Envelope(Limits.PROTOCOL_VERSION, id, timeMs, re, body, null);
    }

    public MessageType type() {
        return body.type();
    }

    /** This message with {@code signature} attached. */
    public Envelope signed(Signature signature) {
        return new Envelope(protocol, id, timeMs, re, body, Objects.requireNonNull(signature, "signature"));
    }

    /** This message without its signature. */
    public Envelope unsigned() {
        return new Envelope(protocol, id, timeMs, re, body, null);
    }
}
