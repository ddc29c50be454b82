package org.cabintune.link.security;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) through the JDK's own provider, and the raw 32-byte public key form the
 * protocol carries: the JDK speaks X.509 SubjectPublicKeyInfo, which for Ed25519 is a fixed
 * 12-byte header (RFC 8410) followed by the raw key.
 */
public final class Ed25519 {

    /** Raw public key length. */
    public static final int PUBLIC_KEY_BYTES = 32;
    /** Signature length. */
    public static final int SIGNATURE_BYTES = 64;
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes, 0 unused bits) }. */
    private static final byte[] X509_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519() {
    }

    /** The raw 32 bytes of a JDK Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_HEADER.length + PUBLIC_KEY_BYTES
                || !Arrays.equals(encoded, 0, X509_HEADER.length, X509_HEADER, 0, X509_HEADER.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, X509_HEADER.length, encoded.length);
    }

    /** A JDK public key from its raw 32 bytes. */
    public static PublicKey publicKey(byte[] raw) throws InvalidKeySpecException {
        if (raw.length != PUBLIC_KEY_BYTES) {
            throw new InvalidKeySpecException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_HEADER, X509_HEADER.length + PUBLIC_KEY_BYTES);
        System.arraycopy(raw, 0, encoded, X509_HEADER.length, PUBLIC_KEY_BYTES);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has had Ed25519 since 15", e);
        }
    }

    /**
     * True when {@code raw} is an Ed25519 public key: 32 bytes that encode a point of the curve.
     * The JDK's key factory takes any 32 bytes; the point is decoded when a verifier is made.
     */
    public static boolean isPublicKey(byte[] raw) {
        try {
            java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(raw));
            return true;
        } catch (InvalidKeySpecException | InvalidKeyException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has had Ed25519 since 15", e);
        }
    }

    /**
     * The key id: the first 8 bytes of SHA-256 over the raw public key, as 16 lower-case hex
     * digits. Short enough to read out, long enough that two keys of one unit never share it.
     */
    public static String keyId(byte[] rawPublicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Signs {@code data}. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** True when {@code signature} is {@code key}'s signature over {@code data}; never throws. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            // A malformed key or signature (not a curve point, a scalar out of range) is just a bad signature.
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has had Ed25519 since 15", e);
        }
    }
}
