package org.cabintune.tuner.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.spec.InvalidKeySpecException;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import org.cabintune.link.security.AtomicFile;
import org.cabintune.link.security.InstallerKey;

/**
 * The installer's key pair on the tuner: one JSON file, {@code installer-key.json} in the
 * user's config directory ({@code $XDG_CONFIG_HOME/cabintune}, else {@code ~/.config/cabintune}),
 * readable by its owner only (0600, in a 0700 directory), since whoever holds it can retune
 * every unit that trusts it. Written atomically.
 *
 * @param file  where it is kept
 * @param label who holds it, as sent when pairing
 * @param key   the key pair
 */
public record InstallerKeyFile(Path file, String label, InstallerKey key) {

    /** The {@code format} of the file. */
    static final String FORMAT = "cabintune.installer-key/1";
    static final String FILE_NAME = "installer-key.json";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The config directory: {@code configDir} when given, else the user's. */
    public static Path directory(Path configDir) {
        if (configDir != null) {
            return configDir;
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("cabintune");
    }

    /** A new key, written to {@code dir}; refuses to replace one unless {@code replace}. */
    static InstallerKeyFile create(Path dir, String label, boolean replace) {
        Path file = dir.resolve(FILE_NAME);
        if (Files.exists(file) && !replace) {
            throw new Failure(file + " already holds an installer key; units trust it. --force replaces it "
                    + "(then pair the new key with every unit)");
        }
        InstallerKey key = InstallerKey.generate(Clock.systemUTC());
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT).put("label", label).put("keyId", key.keyId())
                .put("publicKey", Base64.getEncoder().encodeToString(key.rawPublicKey()))
                .put("privateKey", Base64.getEncoder().encodeToString(key.pkcs8()));
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            AtomicFile.write(file, (json.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (IOException e) {
            throw new Failure("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new InstallerKeyFile(file, label, key);
    }

    /** The key kept in {@code dir}. */
    public static InstallerKeyFile load(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        JsonNode json;
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new Failure(file + " is readable by others (" + PosixFilePermissions.toString(permissions)
                        + "); chmod 600 it");
            }
            json = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new Failure("no installer key in " + dir + "; make one with ./cabintune keys init, then pair it with "
                    + "./cabintune keys pair --unit U", e);
        } catch (IOException e) {
            throw new Failure("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (json == null || !FORMAT.equals(json.path("format").asText())) {
            throw new Failure(file + " is not an installer key file (format " + FORMAT + ")");
        }
        try {
            InstallerKey key = InstallerKey.load(Base64.getDecoder().decode(json.path("privateKey").asText()),
                    Base64.getDecoder().decode(json.path("publicKey").asText()), Clock.systemUTC());
            if (!key.keyId().equals(json.path("keyId").asText())) {
                throw new Failure(file + ": keyId " + json.path("keyId").asText() + " does not match its public key ("
                        + key.keyId() + ")");
            }
            return new InstallerKeyFile(file, json.path("label").asText(), key);
        } catch (InvalidKeySpecException | IllegalArgumentException e) {
            throw new Failure(file + ": the key does not load: " + e.getMessage(), e);
        }
    }
}
