package org.cabintune.link.protocol;

import java.util.Arrays;
import java.util.Optional;

/** Every message type of protocol version 1, with its wire word and what it needs. */
public enum MessageType {
    HELLO("hello", Kind.COMMAND, Right.DRIVER),
    GET_STATE("get-state", Kind.COMMAND, Right.DRIVER),
    SELECT_PROFILE("select-profile", Kind.COMMAND, Right.DRIVER),
    PUT_PROFILE("put-profile", Kind.COMMAND, Right.INSTALLER),
    DELETE_PROFILE("delete-profile", Kind.COMMAND, Right.INSTALLER),
    SET_VOLUME("set-volume", Kind.COMMAND, Right.DRIVER),
    SET_MUTE("set-mute", Kind.COMMAND, Right.DRIVER),
    SET_BYPASS("set-bypass", Kind.COMMAND, Right.DRIVER),
    SET_NIGHT("set-night", Kind.COMMAND, Right.DRIVER),
    PLAY_TEST_SIGNAL("play-test-signal", Kind.COMMAND, Right.INSTALLER),
    STOP_TEST_SIGNAL("stop-test-signal", Kind.COMMAND, Right.DRIVER),
    GET_METERS("get-meters", Kind.COMMAND, Right.DRIVER),
    STREAM_METERS("stream-meters", Kind.COMMAND, Right.DRIVER),
    SET_LIMITS("set-limits", Kind.COMMAND, Right.INSTALLER),
    PAIR_KEY("pair-key", Kind.COMMAND, Right.PRESENCE),
    REVOKE_KEY("revoke-key", Kind.COMMAND, Right.INSTALLER),
    LIST_MEDIA("list-media", Kind.COMMAND, Right.DRIVER),
    PLAY_MEDIA("play-media", Kind.COMMAND, Right.DRIVER),
    MEDIA_TRANSPORT("media-transport", Kind.COMMAND, Right.DRIVER),
    AUDITION_AB("audition-ab", Kind.COMMAND, Right.DRIVER),
    AUDITION_SWITCH("audition-switch", Kind.COMMAND, Right.DRIVER),
    AUDITION_PREVIEW("audition-preview", Kind.COMMAND, Right.DRIVER),
    GET_AUDITION("get-audition", Kind.COMMAND, Right.DRIVER),
    INFO("info", Kind.REPLY, Right.NONE),
    STATE("state", Kind.REPLY, Right.NONE),
    METERS("meters", Kind.REPLY, Right.NONE),
    ACK("ack", Kind.REPLY, Right.NONE),
    ERROR("error", Kind.REPLY, Right.NONE),
    MEDIA("media", Kind.REPLY, Right.NONE),
    AUDITION("audition", Kind.REPLY, Right.NONE),
    PROFILE_CHANGED("profile-changed", Kind.EVENT, Right.NONE),
    XRUN("xrun", Kind.EVENT, Right.NONE),
    FAULT("fault", Kind.EVENT, Right.NONE);

    /** Who sends a message of this type. */
    public enum Kind {
        /** From a client to the unit; answered by a reply. */
        COMMAND,
        /** From the unit, answering a command (or, for meters, streamed). */
        REPLY,
        /** From the unit, unasked. */
        EVENT
    }

    private static final MessageType[] VALUES = values();

    private final String word;
    private final Kind kind;
    private final Right right;

    MessageType(String word, Kind kind, Right right) {
        this.word = word;
        this.kind = kind;
        this.right = right;
    }

    /** The wire word, e.g. {@code put-profile}. */
    public String word() {
        return word;
    }

    public Kind kind() {
        return kind;
    }

    /** What the unit needs before carrying it out; {@link Right#NONE} for replies and events. */
    public Right right() {
        return right;
    }

    /** The type with this wire word. */
    public static Optional<MessageType> of(String word) {
        return Arrays.stream(VALUES).filter(t -> t.word.equals(word)).findFirst();
    }

    /** All wire words, for messages. */
    public static String words() {
        return String.join(", ", Arrays.stream(VALUES).map(MessageType::word).toList());
    }
}
