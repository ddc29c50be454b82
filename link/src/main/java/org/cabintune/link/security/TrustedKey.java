package org.cabintune.link.security;

import org.cabintune.link.protocol.Check;
import org.cabintune.link.protocol.Limits;

/**
 * An installer key the head unit trusts.
 *
 * @param keyId      16 hex digits, derived from the key ({@link Ed25519#keyId})
 * @param publicKey  the raw 32-byte public key, base64
 * @param label      who holds it, given when pairing
 * @param counter    the highest signature counter accepted from it so far
 * @param pairedAtMs when it was paired, ms since 1970 by the unit's clock
 */
public record TrustedKey(String keyId, String publicKey, String label, long counter, long pairedAtMs) {

    public TrustedKey {
        Check.hex("keyId", keyId, Limits.KEY_ID_CHARS);
        Check.base64("publicKey", publicKey, Ed25519.PUBLIC_KEY_BYTES);
        Check.text("label", label, Limits.MAX_TEXT_CHARS);
        Check.range("counter", counter, 0, Limits.MAX_SAFE_INTEGER);
        Check.range("pairedAtMs", pairedAtMs, 0, Limits.MAX_SAFE_INTEGER);
    }

    /** The same key with a new highest counter. */
    TrustedKey withCounter(long newCounter) {
        return new TrustedKey(keyId, publicKey, label, newCounter, pairedAtMs);
    }
}
