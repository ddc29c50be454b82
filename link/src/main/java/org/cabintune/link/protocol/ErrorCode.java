package org.cabintune.link.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a message was refused. The words are stable: clients match on them, people read the
 * message that comes with them. {@code docs/protocol.md} describes each.
 */
public enum ErrorCode {
    /** Not UTF-8, not JSON, a duplicate key, trailing content, NaN or Infinity. */
    MALFORMED_JSON("malformed-json"),
    /** The message, or its nesting, is over its limit. */
    TOO_LARGE("too-large"),
    /** The {@code protocol} field names a version this unit does not speak. */
    UNSUPPORTED_VERSION("unsupported-version"),
    /** The {@code type} is not a message type of this version. */
    UNKNOWN_TYPE("unknown-type"),
    /** A field that the object does not have. */
    UNKNOWN_FIELD("unknown-field"),
    /** A required field is absent. */
    MISSING_FIELD("missing-field"),
    /** A field has the wrong JSON type (a string for a number, null, ...). */
    WRONG_TYPE("wrong-type"),
    /** A number outside its range, not finite, not whole where it must be, or too long. */
    OUT_OF_RANGE("out-of-range"),
    /** A string longer, or a list with more entries, than its limit. */
    TOO_LONG("too-long"),
    /** A string of the wrong form, an unknown enum word, a list of the wrong shape. */
    INVALID_VALUE("invalid-value"),
    /** The profile inside a put-profile was refused by the profile parser. */
    BAD_PROFILE("bad-profile"),
    /** A reply or event was sent where a command was expected. */
    NOT_A_COMMAND("not-a-command"),
    /** The connection is not authenticated; no command is taken from it. */
    NOT_AUTHENTICATED("not-authenticated"),
    /** An installer command without a signature. */
    SIGNATURE_REQUIRED("signature-required"),
    /** The signing key is not trusted by this unit. */
    UNKNOWN_KEY("unknown-key"),
    /** The signature does not verify against the message and the key. */
    BAD_SIGNATURE("bad-signature"),
    /** The signature's counter is not above the last one accepted from that key. */
    REPLAYED_COUNTER("replayed-counter"),
    /** Pairing a key needs physical presence: a long press on the unit, or the serial cable. */
    PRESENCE_REQUIRED("presence-required"),
    /** A message id already used by a different message. */
    ID_REUSED("id-reused"),
    /** The profile id is not stored on the unit. */
    UNKNOWN_PROFILE("unknown-profile"),
    /** The file is not a master in the unit's media directory. */
    UNKNOWN_MEDIA("unknown-media"),
    /** The unit understood the command but will not carry it out now; the message says why. */
    REFUSED("refused"),
    /** The unit failed while carrying out the command. */
    INTERNAL("internal");

    private static final ErrorCode[] VALUES = values();

    private final String word;

    ErrorCode(String word) {
        this.word = word;
    }

    /** The stable word on the wire, e.g. {@code replayed-counter}. */
    public String word() {
        return word;
    }

    /** The code with this wire word. */
    public static Optional<ErrorCode> of(String word) {
        return Arrays.stream(VALUES).filter(c -> c.word.equals(word)).findFirst();
    }
}
