package org.cabintune.link.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.ProtocolException;
import org.cabintune.link.protocol.Signature;
import org.cabintune.link.protocol.StrictJson;

/**
 * The installer keys a head unit trusts, each with the highest signature counter it has
 * accepted from that key, kept in one JSON file. Every change (a new counter, a pairing, a
 * revocation) is written to the file atomically before it takes effect in memory, so after a
 * power cut a replayed message stays refused and the store is never half-changed. Thread-safe.
 */
public final class TrustStore {

    /** The {@code format} of the file. */
    public static final String FORMAT = "cabintune.trust/1";
    /** Keys one unit trusts at most: a workshop's installers, not a fleet. */
    public static final int MAX_KEYS = 16;

    private static final Set<String> KEY_FIELDS = Set.of("keyId", "publicKey", "label", "counter", "pairedAtMs");

    private final Path file;
    private final Clock clock;
    private Map<String, TrustedKey> keys;

    private TrustStore(Path file, Clock clock, Map<String, TrustedKey> keys) {
        this.file = file;
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Opens the store kept in {@code file}; a missing file is an empty store (the file is
     * written at the first pairing).
     *
     * @throws IOException when the file cannot be read or is not a valid store
     */
    public static TrustStore open(Path file, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new TrustStore(file, clock, new LinkedHashMap<>());
        }
        try {
            return new TrustStore(file, clock, parse(bytes));
        } catch (ProtocolException | IllegalArgumentException e) {
            throw new IOException("trust store " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The trusted keys, in pairing order. */
    public synchronized List<TrustedKey> keys() {
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
    public synchronized TrustedKey accept(Signature signature, byte[] signedBytes) throws ProtocolException {
        TrustedKey key = keys.get(signature.keyId());
        if (key == null) {
            throw refusal(ErrorCode.UNKNOWN_KEY, "signature.key", " = \"" + signature.keyId()
                    + "\" is not a key this unit trusts; pair it first (needs a long press on the unit or the serial cable)");
        }
        verify(key.publicKey(), signature, signedBytes);
        if (signature.counter() <= key.counter()) {
            throw refusal(ErrorCode.REPLAYED_COUNTER, "signature.counter", " = " + signature.counter()
                    + " is not above " + key.counter() + ", the last accepted from key " + key.keyId());
        }
        TrustedKey updated = key.withCounter(signature.counter());
        Map<String, TrustedKey> next = new LinkedHashMap<>(keys);
        next.put(updated.keyId(), updated);
        commit(next);
        return updated;
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
    public synchronized TrustedKey pair(Command.PairKey command, Signature signature, byte[] signedBytes,
                                        PresenceToken presence) throws ProtocolException {
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
        TrustedKey known = keys.get(keyId);
        if (known != null && signature.counter() <= known.counter()) {
            throw refusal(ErrorCode.REPLAYED_COUNTER, "signature.counter", " = " + signature.counter()
                    + " is not above " + known.counter() + ", the last accepted from key " + keyId);
        }
        if (known == null && keys.size() >= MAX_KEYS) {
            throw refusal(ErrorCode.REFUSED, "", ": this unit already trusts " + MAX_KEYS
                    + " keys; revoke one before pairing another");
        }
        long pairedAt = known == null ? clock.millis() : known.pairedAtMs();
        TrustedKey paired = new TrustedKey(keyId, command.publicKey(), command.label(), signature.counter(), pairedAt);
        Map<String, TrustedKey> next = new LinkedHashMap<>(keys);
        next.put(keyId, paired);
        commit(next);
        presence.consume();
        return paired;
    }

    /**
     * Stops trusting a key.
     *
     * @throws ProtocolException {@code unknown-key}, or {@code internal} when the file could
     *                           not be written
     */
    public synchronized void revoke(String keyId) throws ProtocolException {
        if (!keys.containsKey(keyId)) {
            throw refusal(ErrorCode.UNKNOWN_KEY, "body.keyId", " = \"" + keyId + "\" is not a key this unit trusts");
        }
        Map<String, TrustedKey> next = new LinkedHashMap<>(keys);
        next.remove(keyId);
        commit(next);
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

    /** Writes the new set of keys, then makes it the current one. */
    private void commit(Map<String, TrustedKey> next) throws ProtocolException {
        try {
            AtomicFile.write(file, render(next));
        } catch (IOException e) {
            throw refusal(ErrorCode.INTERNAL, "", ": the trust store could not be written (" + e.getMessage()
                    + "); nothing was changed");
        }
        keys = next;
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
