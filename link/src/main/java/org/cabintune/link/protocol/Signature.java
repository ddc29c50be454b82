package org.cabintune.link.protocol;

/**
 * An installer's signature over a message: Ed25519 by the key {@code keyId} over the message's
 * canonical bytes ({@code docs/protocol.md}, "Signatures"), which include the key id and the
 * counter but not the value.
 *
 * @param keyId   16 lower-case hex digits, the first 8 bytes of SHA-256 of the raw public key
 * @param counter above every counter the unit accepted from this key before; 0..2^53-1
 * @param value   the 64-byte signature in base64
 */
public record Signature(String keyId, long counter, String value) {

    public Signature {
        Check.hex("key", keyId, Limits.KEY_ID_CHARS);
        Check.range("counter", counter, 0, Limits.MAX_SAFE_INTEGER);
        Check.base64("value", value, 64);
    }
}
