package org.cabintune.link.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cabintune.link.protocol.Check;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldException;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.ProtocolException;
import org.cabintune.link.protocol.Signature;
import org.cabintune.link.protocol.StrictJson;

/**
 * The installer keys a head unit trusts, each with the highest signature counter it has
 * accepted from that key, kept in one JSON file. Every change (a new counter, a pairing, a
 * revocation, a key trusted from the unit's shell) is written to the file atomically before it
 * takes effect, so after a power cut a replayed message stays refused and the store is never
 * half-changed.
 *
 * <p>The file is the store: each change re-reads it and is made under an exclusive lock on
 * {@code <file>.lock} beside it, so the running unit and {@code cabintune-hu trust} in another
 * process may both change it, and neither loses the other's change (a key trusted from the
 * shell is accepted by the running unit at once). The lock file stays: removing it would let a
 * waiting process lock a file another has already replaced. Thread-safe.
 */
public final class TrustStore {

    /** The {@code format} of the file. */
    public static final String FORMAT = "cabintune.trust/1";
    /** Keys one unit trusts at most: a workshop's installers, not a fleet. */
    public static final int MAX_KEYS = 16;
    /** The lock file's name is the store's with this added. */
    public static final String LOCK_SUFFIX = ".lock";

    private static final Set<String> KEY_FIELDS = Set.of("keyId", "publicKey", "label", "counter", "pairedAtMs");
    /**
     * One change at a time in this JVM: a file lock is held by the process, and a second lock
     * of the same file from this process would throw rather than wait.
     */
    private static final Object CHANGES = new Object();

    /**
     * What {@link #trust} did.
     *
     * @param key   the key as the store holds it now
     * @param added false when it was trusted already (nothing was changed)
     */
    public record Trusted(TrustedKey key, boolean added) {
    }

    /** One change of the keys: the keys to write, or null to leave the file as it is. */
    @FunctionalInterface
    private interface Change {
        Map<String, TrustedKey> apply(Map<String, TrustedKey> current) throws ProtocolException;
    }

    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private volatile Map<String, TrustedKey> keys;

    private TrustStore(Path file, Clock clock, Map<String, TrustedKey> keys) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + LOCK_SUFFIX);
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Opens the store kept in {@code file}; a missing file is an empty store (the file is
     * written at the first change).
     *
     * @throws IOException when the file cannot be read or is not a valid store
     */
    public static TrustStore open(Path file, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        return new TrustStore(file, clock, load(file));
    }

    /** The trusted keys, in pairing order, as the file held them at the last change or at opening. */
    public List<TrustedKey> keys() {
        return List.copyOf(keys.values());
    }

    /**
     * Accepts an installer's signature: the key must be trusted, the signature must verify
     * over {@code signedBytes}, and the counter must be above the key's last. The new counter
     * is stored before this returns.
     *
     * @return the key, with its new counter
     * @throws ProtocolException {@code unknown-key}, {@code bad-signature},
     *                           {@code replayed-counter}, or {@code internal} when the counter
     *                           could not be stored (the command must then not be applied)
     */
    public TrustedKey accept(Signature signature, byte[] signedBytes) throws ProtocolException {
        return change(current -> {
            TrustedKey key = current.get(signature.keyId());
            if (key == null) {
                throw refusal(ErrorCode.UNKNOWN_KEY, "signature.key", " = \"" + signature.keyId()
                        + "\" is not a key this unit trusts; pair it first (needs a long press on the unit or the serial"
                        + " cable)");
            }
            verify(key.publicKey(), signature, signedBytes);
            if (signature.counter() <= key.counter()) {
                throw refusal(ErrorCode.REPLAYED_COUNTER, "signature.counter", " = " + signature.counter()
                        + " is not above " + key.counter() + ", the last accepted from key " + key.keyId());
            }
            return with(current, key.withCounter(signature.counter()));
        }).get(signature.keyId());
    }

    /**
     * Trusts a new key. Needs physical presence, and the message must be signed by the key
     * being paired, which proves its sender holds the private half. Pairing a key that is
     * already trusted renames it, and its counter must still go up.
     *
     * @throws ProtocolException {@code presence-required}, {@code bad-signature},
     *                           {@code replayed-counter}, {@code refused} when the store is
     *                           full, {@code internal} when the file could not be written
     */
    public TrustedKey pair(Command.PairKey command, Signature signature, byte[] signedBytes, PresenceToken presence)
            throws ProtocolException {
        if (!presence.isPresent()) {
            throw refusal(ErrorCode.PRESENCE_REQUIRED, "", ": pairing a key needs someone at the unit: hold its"
                    + " button until it blinks, or connect with the serial cable");
        }
        byte[] raw = Base64.getDecoder().decode(command.publicKey());
        String keyId = Ed25519.keyId(raw);
        if (!signature.keyId().equals(keyId)) {
            throw refusal(ErrorCode.BAD_SIGNATURE, "signature.key", " = \"" + signature.keyId()
                    + "\" is not the key being paired (" + keyId + "); a pair-key must be signed by its own key");
        }
        verify(command.publicKey(), signature, signedBytes);
        TrustedKey paired = change(current -> {
            TrustedKey known = current.get(keyId);
            if (known != null && signature.counter() <= known.counter()) {
                throw refusal(ErrorCode.REPLAYED_COUNTER, "signature.counter", " = " + signature.counter()
                        + " is not above " + known.counter() + ", the last accepted from key " + keyId);
            }
            if (known == null) {
                requireRoom(current, "pairing");
            }
            long pairedAt = known == null ? clock.millis() : known.pairedAtMs();
            return with(current, new TrustedKey(keyId, command.publicKey(), command.label(), signature.counter(),
                    pairedAt));
        }).get(keyId);
        presence.consume();
        return paired;
    }

    /**
     * Trusts a key given at the unit itself, from its own shell ({@code cabintune-hu trust}):
     * whoever can run a command there has physical access, which is presence, as the serial
     * cable is. No signature is needed, since only the public key is handed over; its counter
     * starts at 0, so the key's first signed message may use any counter from 1. A key already
     * trusted is left as it is (label and counter), and nothing is written.
     *
     * @param publicKey the raw 32-byte Ed25519 public key, base64
     * @param label     who holds it, 1..64 characters
     * @throws ProtocolException {@code invalid-value} or {@code too-long} (path {@code publicKey}
     *                           or {@code label}) for a key that is not base64 of 32 bytes or
     *                           not a point of the curve, or a bad label; {@code refused} when
     *                           the store is full; {@code internal} when the file could not be
     *                           read or written
     */
    public Trusted trust(String publicKey, String label) throws ProtocolException {
        try {
            Check.base64("publicKey", publicKey, Ed25519.PUBLIC_KEY_BYTES);
            Check.text("label", label, Limits.MAX_TEXT_CHARS);
        } catch (FieldException e) {
            throw e.at("", null);
        }
        byte[] raw = Base64.getDecoder().decode(publicKey);
        if (!Ed25519.isPublicKey(raw)) {
            throw refusal(ErrorCode.INVALID_VALUE, "publicKey", " = \"" + publicKey + "\" is not an Ed25519 public"
                    + " key (32 bytes that are not a point of the curve)");
        }
        String keyId = Ed25519.keyId(raw);
        boolean[] added = new boolean[1];
        Map<String, TrustedKey> after = change(current -> {
            if (current.containsKey(keyId)) {
                return null;
            }
            requireRoom(current, "trusting");
            added[0] = true;
            return with(current, new TrustedKey(keyId, publicKey, label, 0, clock.millis()));
        });
        return new Trusted(after.get(keyId), added[0]);
    }

    /**
     * Stops trusting a key.
     *
     * @throws ProtocolException {@code unknown-key}, or {@code internal} when the file could
     *                           not be written
     */
    public void revoke(String keyId) throws ProtocolException {
        change(current -> {
            if (!current.containsKey(keyId)) {
                throw refusal(ErrorCode.UNKNOWN_KEY, "body.keyId", " = \"" + keyId + "\" is not a key this unit trusts");
            }
            Map<String, TrustedKey> next = new LinkedHashMap<>(current);
            next.remove(keyId);
            return next;
        });
    }

    /**
     * Runs {@code change} on the keys as the file holds them now, under the store's lock, and
     * writes what it returns. A refusal or a failed write leaves the file as it was.
     *
     * @return the keys afterwards
     */
    private Map<String, TrustedKey> change(Change change) throws ProtocolException {
        synchronized (CHANGES) {
            try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = lock.lock()) {
                Map<String, TrustedKey> current = load(file);
                keys = current;
                Map<String, TrustedKey> next = change.apply(current);
                if (next != null) {
                    AtomicFile.write(file, render(next));
                    keys = next;
                }
                return keys;
            } catch (IOException e) {
                throw refusal(ErrorCode.INTERNAL, "", ": the trust store " + file + " could not be read or written ("
                        + e.getMessage() + "); nothing was changed");
            }
        }
    }

    private static void requireRoom(Map<String, TrustedKey> current, String doing) throws ProtocolException {
        if (current.size() >= MAX_KEYS) {
            throw refusal(ErrorCode.REFUSED, "", ": this unit already trusts " + MAX_KEYS + " keys; revoke one before "
                    + doing + " another");
        }
    }

    private static Map<String, TrustedKey> with(Map<String, TrustedKey> current, TrustedKey key) {
        Map<String, TrustedKey> next = new LinkedHashMap<>(current);
        next.put(key.keyId(), key);
        return next;
    }

    /** The keys {@code file} holds; none when it does not exist. */
    private static Map<String, TrustedKey> load(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        }
        try {
            return parse(bytes);
        } catch (ProtocolException | IllegalArgumentException e) {
            throw new IOException("trust store " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    private static void verify(String publicKey, Signature signature, byte[] signedBytes) throws ProtocolException {
        boolean valid;
        try {
            PublicKey key = Ed25519.publicKey(Base64.getDecoder().decode(publicKey));
            valid = Ed25519.verify(key, signedBytes, Base64.getDecoder().decode(signature.value()));
        } catch (InvalidKeySpecException e) {
            valid = false;
        }
        if (!valid) {
            throw refusal(ErrorCode.BAD_SIGNATURE, "signature.value", " does not verify with key "
                    + signature.keyId() + " over this message");
        }
    }

    private static ProtocolException refusal(ErrorCode code, String path, String detail) {
        return new ProtocolException(code, path, detail, null);
    }

    private static byte[] render(Map<String, TrustedKey> keys) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("format", FORMAT);
        ArrayNode list = root.putArray("keys");
        for (TrustedKey k : keys.values()) {
            list.addObject().put("keyId", k.keyId()).put("publicKey", k.publicKey()).put("label", k.label())
                    .put("counter", k.counter()).put("pairedAtMs", k.pairedAtMs());
        }
        return StrictJson.write(root);
    }

    private static Map<String, TrustedKey> parse(byte[] bytes) throws ProtocolException {
        JsonNode root = StrictJson.read(bytes);
        if (!FORMAT.equals(root.path("format").asText(null)) || !root.path("keys").isArray() || root.size() != 2) {
            throw new IllegalArgumentException("expected {\"format\": \"" + FORMAT + "\", \"keys\": [...]}");
        }
        Map<String, TrustedKey> keys = new LinkedHashMap<>();
        for (JsonNode k : root.get("keys")) {
            Set<String> names = new HashSet<>();
            k.fieldNames().forEachRemaining(names::add);
            if (!names.equals(KEY_FIELDS)) {
                throw new IllegalArgumentException("a key has fields " + names + "; expected " + KEY_FIELDS);
            }
            TrustedKey key = new TrustedKey(text(k, "keyId"), text(k, "publicKey"), text(k, "label"),
                    whole(k, "counter"), whole(k, "pairedAtMs"));
            if (!key.keyId().equals(Ed25519.keyId(Base64.getDecoder().decode(key.publicKey())))) {
                throw new IllegalArgumentException("key " + key.keyId() + " does not match its public key");
            }
            keys.put(key.keyId(), key);
        }
        if (keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("holds " + keys.size() + " keys; at most " + MAX_KEYS);
        }
        return keys;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return value.textValue();
    }

    private static long whole(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(name + " is not a whole number");
        }
        return value.longValue();
    }
}
