package org.cabintune.link.protocol;

/**
 * A decoded message and the two byte forms the receiver needs besides the record: the
 * canonical bytes its signature covers, and a fingerprint of the whole message (signature
 * value included) that tells a repeated message from a different one with the same id.
 */
public final class Received {

    private final Envelope envelope;
    private final byte[] signedBytes;
    private final byte[] fingerprint;

    Received(Envelope envelope, byte[] signedBytes, byte[] fingerprint) {
        this.envelope = envelope;
        this.signedBytes = signedBytes;
        this.fingerprint = fingerprint;
    }

    public Envelope envelope() {
        return envelope;
    }

    /** The canonical bytes the message's signature covers (a copy). */
    public byte[] signedBytes() {
        return signedBytes.clone();
    }

    /** SHA-256 of the whole message in canonical form (a copy). */
    public byte[] fingerprint() {
        return fingerprint.clone();
    }
}
