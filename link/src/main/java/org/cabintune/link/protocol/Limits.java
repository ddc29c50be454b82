package org.cabintune.link.protocol;

/**
 * Size limits of protocol version 1, for every field and for the message as a whole. Each one
 * is refused at the edge with an error naming the field; {@code docs/protocol.md} lists them.
 */
public final class Limits {

    /** The protocol version this code speaks. */
    public static final int PROTOCOL_VERSION = 1;

    /**
     * A whole message, UTF-8 bytes. The largest put-profile (16 outputs of 32 filters, every
     * number at full precision) is 54,858 bytes as the profile writer lays it out; 128 KiB
     * leaves room for hand-written layouts and still crosses a 115200 baud cable in about 11 s.
     */
    public static final int MAX_MESSAGE_BYTES = 128 * 1024;
    /** Nesting of objects and arrays: a profile is five levels deep inside a body two deep. */
    public static final int MAX_DEPTH = 16;
    /** Characters of one number as written; a double needs at most 24. */
    public static final int MAX_NUMBER_CHARS = 32;
    /** Whole numbers (time, counters) stay exact in every JSON implementation: 2^53 - 1. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** Message ids: 1..64 characters of {@code A-Z a-z 0-9 . _ : -}. */
    public static final int MAX_ID_CHARS = 64;
    /** Profile ids: 1..48 lower-case words of {@code a-z 0-9} joined by hyphens. */
    public static final int MAX_PROFILE_ID_CHARS = 48;
    /** Unit ids: 1..32 lower-case words of {@code a-z 0-9} joined by hyphens. */
    public static final int MAX_UNIT_ID_CHARS = 32;
    /** Short human text: client names, key labels, profile names, models, versions. */
    public static final int MAX_TEXT_CHARS = 64;
    /** Error and fault messages; longer ones are cut by the sender. */
    public static final int MAX_MESSAGE_CHARS = 1024;
    /** Key ids: 16 lower-case hex digits (the first 8 bytes of the key's SHA-256). */
    public static final int KEY_ID_CHARS = 16;
    /** An Ed25519 public key, 32 bytes, in base64 with padding. */
    public static final int PUBLIC_KEY_CHARS = 44;
    /** An Ed25519 signature, 64 bytes, in base64 with padding. */
    public static final int SIGNATURE_CHARS = 88;

    /** Profiles a state lists; the head unit's store keeps at most this many. */
    public static final int MAX_PROFILES = 32;
    /** Output channels, as in the profile format. */
    public static final int MAX_OUTPUTS = 16;
    /** Masters a media listing holds; a directory with more lists the first by name. */
    public static final int MAX_MEDIA_FILES = 256;
    /** A master's path inside the media directory: enough for a folder or two and a long title. */
    public static final int MAX_MEDIA_NAME_CHARS = 128;
    /** Protocol versions an info lists. */
    public static final int MAX_VERSIONS = 8;

    private Limits() {
    }
}
