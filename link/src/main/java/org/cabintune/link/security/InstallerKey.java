package org.cabintune.link.security;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.Signature;

/**
 * An installer's Ed25519 key pair, on the tuner's side: signs messages for the head units that
 * trust it. Counters come from the clock (milliseconds since 1970), raised by one when two
 * messages fall in the same millisecond, so they keep increasing across restarts without a
 * file, as long as the clock does not run backwards. Thread-safe.
 */
public final class InstallerKey {

    /**
     * The {@code format} of the tuner's installer key file (JSON: {@code label}, {@code keyId},
     * {@code publicKey} and {@code privateKey}, base64), which {@code cabintune-hu trust} also reads
     * for the public key.
     */
    public static final String FILE_FORMAT = "cabintune.installer-key/1";

    private final KeyPair pair;
    private final byte[] rawPublic;
    private final String keyId;
    private final Clock clock;
    private long lastCounter;

    private InstallerKey(KeyPair pair, Clock clock) {
        this.pair = pair;
        this.rawPublic = Ed25519.raw(pair.getPublic());
        this.keyId = Ed25519.keyId(rawPublic);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new random key. */
    public static InstallerKey generate(Clock clock) {
        try {
            return new InstallerKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), clock);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has had Ed25519 since 15", e);
        }
    }

    /** A key from its PKCS#8 private key and raw public key, as {@link #pkcs8()} wrote them. */
    public static InstallerKey load(byte[] pkcs8, byte[] rawPublicKey, Clock clock) throws InvalidKeySpecException {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new InstallerKey(new KeyPair(Ed25519.publicKey(rawPublicKey), privateKey), clock);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has had Ed25519 since 15", e);
        }
    }

    /** The private key in PKCS#8, for the tuner to keep (readable by its owner only). */
    public byte[] pkcs8() {
        return pair.getPrivate().getEncoded();
    }

    /** The raw 32-byte public key. */
    public byte[] rawPublicKey() {
        return rawPublic.clone();
    }

    public String keyId() {
        return keyId;
    }

    /** The pair-key command for this key. */
    public Command.PairKey pairCommand(String label) {
        return new Command.PairKey(Base64.getEncoder().encodeToString(rawPublic), label);
    }

    /** {@code message} signed with the next counter. */
    public Envelope sign(Envelope message) {
        return sign(message, nextCounter());
    }

    /** {@code message} signed with the given counter (tests of replay use this). */
    public Envelope sign(Envelope message, long counter) {
        Envelope unsigned = message.unsigned();
        byte[] signature = Ed25519.sign(pair.getPrivate(), MessageCodec.signedBytes(unsigned, keyId, counter));
        return unsigned.signed(new Signature(keyId, counter, Base64.getEncoder().encodeToString(signature)));
    }

    private synchronized long nextCounter() {
        lastCounter = Math.max(lastCounter + 1, clock.millis());
        return lastCounter;
    }
}
