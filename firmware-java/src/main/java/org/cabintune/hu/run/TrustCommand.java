package org.cabintune.hu.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.ProtocolException;
import org.cabintune.link.security.Ed25519;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.link.security.TrustStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cabintune-hu trust}: adds an installer's public key to the unit's trust store from the
 * unit's own shell. Whoever can run a command on the unit has physical access to it, which is
 * presence, as the serial cable is ({@link TrustStore#trust}). The running unit accepts the key's
 * signatures at once: the store is one file, changed under a lock and re-read at every change.
 */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"Trust an installer's public key on this unit, from its own shell (physical access counts as"
                + " presence, like the serial cable). The running unit accepts the key's signed commands at once."},
        footer = {"", "Examples:",
                "  cabintune-hu trust --public-key-file installer-key.json --label \"Bench 2\"",
                "  cabintune-hu trust --public-key 7pE...= --label \"Bench 2\" --profiles /var/lib/cabintune/profiles", ""})
public final class TrustCommand implements Callable<Integer> {

    /** A key file is a few hundred bytes; anything much larger is something else. */
    static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    /** Where the key comes from: exactly one of the two. */
    static final class KeySource {
        @Option(names = "--public-key", paramLabel = "BASE64", required = true,
                description = "The installer's raw 32-byte Ed25519 public key, base64 (44 characters).")
        String publicKey;

        @Option(names = "--public-key-file", paramLabel = "F", required = true,
                description = {"A file holding the key: the tuner's installer key file (" + InstallerKey.FILE_FORMAT
                        + ", its publicKey is taken) or the base64 key as text."})
        Path publicKeyFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeySource key;

    @Option(names = "--label", required = true, paramLabel = "TEXT", description = "Who holds the key, 1..64 characters.")
    String label;

    @Option(names = "--trust-store", paramLabel = "F",
            description = "Trusted installer keys; default: keys/trust.json beside the profile store (--profiles), else"
                    + " /var/lib/cabintune/keys/trust.json, as run uses.")
    Path trustStore;

    @Option(names = "--profiles", paramLabel = "DIR", description = "The unit's profile store, for the default --trust-store.")
    Path profilesDir;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    /** A key that cannot be read, said in one line. */
    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        Path file = LinkOptions.trustStorePath(trustStore, profilesDir);
        String publicKey;
        try {
            publicKey = key.publicKey != null ? key.publicKey.strip() : fromFile(key.publicKeyFile);
        } catch (Unreadable e) {
            return fail(e.getMessage());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            return fail("cannot make the trust store's directory for " + file + " (" + e + ")");
        }
        TrustStore store;
        try {
            store = TrustStore.open(file, Clock.systemUTC());
        } catch (IOException e) {
            return fail(e.getMessage());
        }
        TrustStore.Trusted trusted;
        try {
            trusted = store.trust(publicKey, label);
        } catch (ProtocolException e) {
            return fail(reason(e));
        }
        String id = trusted.key().keyId();
        if (trusted.added()) {
            out.println("trusted key " + id + " (" + FieldPath.quote(label) + ") in " + file + "; "
                    + store.keys().size() + " of " + TrustStore.MAX_KEYS + " keys trusted");
        } else {
            out.println("key " + id + " is already trusted in " + file + " (as " + FieldPath.quote(trusted.key().label())
                    + "); nothing changed");
        }
        return 0;
    }

    /** The store's refusal in the words of the command line: its options rather than the store's fields. */
    private String reason(ProtocolException e) {
        String detail = e.getMessage().substring(FieldPath.display(e.path()).length());
        return switch (e.path()) {
            case "publicKey" -> (key.publicKey != null ? "--public-key" : "--public-key-file " + key.publicKeyFile
                    + ": its key") + detail;
            case "label" -> "--label" + detail;
            case "" -> detail.startsWith(": ") ? detail.substring(2) : detail;
            default -> e.getMessage();
        };
    }

    /** The public key in {@code file}: an installer key file's {@code publicKey}, or the file's text. */
    private String fromFile(Path file) throws Unreadable {
        String text;
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new Unreadable("--public-key-file " + file + " has " + Files.size(file) + " bytes, too many for a"
                        + " key file (at most " + MAX_KEY_FILE_BYTES + ")");
            }
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new Unreadable("--public-key-file " + file + " does not exist");
        } catch (IOException e) {
            throw new Unreadable("--public-key-file " + file + " cannot be read: " + e.getMessage());
        }
        if (!text.startsWith("{")) {
            return text;
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unreadable("--public-key-file " + file + " is not JSON: " + e.getOriginalMessage());
        }
        if (!InstallerKey.FILE_FORMAT.equals(json.path("format").asText()) || !json.path("publicKey").isTextual()) {
            throw new Unreadable("--public-key-file " + file + " is neither an installer key file (format "
                    + InstallerKey.FILE_FORMAT + " with a publicKey) nor a base64 public key");
        }
        String publicKey = json.get("publicKey").textValue();
        String keyId = json.path("keyId").asText(null);
        if (keyId != null && !keyId.equals(keyIdOf(publicKey))) {
            throw new Unreadable("--public-key-file " + file + ": keyId " + keyId + " does not match its publicKey");
        }
        if (json.has("privateKey")) {
            err.println("note: " + file + " also holds the installer's private key; the unit keeps only the public key,"
                    + " so remove " + file + " from the unit");
        }
        return publicKey;
    }

    /** The key id of a base64 key, or null when it is not base64 (the store then says what is wrong). */
    private static String keyIdOf(String publicKey) {
        try {
            return Ed25519.keyId(Base64.getDecoder().decode(publicKey));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private int fail(String message) {
        err.println("cabintune-hu trust: " + message);
        return 1;
    }
}
