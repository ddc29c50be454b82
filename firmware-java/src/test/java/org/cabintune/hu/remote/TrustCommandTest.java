package org.cabintune.hu.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.cabintune.hu.CliRun;
import org.cabintune.hu.store.StoreProfiles;
import org.cabintune.link.command.Caller;
import org.cabintune.link.protocol.Body;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.link.security.PresenceToken;
import org.cabintune.link.security.TrustStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cabintune-hu trust} on the unit's shell: a key trusted this way signs a
 * {@code put-profile} that the running unit accepts at once (over an authenticated connection
 * without presence, as MQTT is), trusting it again changes nothing, and what cannot be trusted
 * is one line naming the option.
 */
class TrustCommandTest {

    private static final Caller NETWORK = new Caller("mqtt test", true, PresenceToken.NONE);
    private static final String NOT_A_POINT = "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @TempDir
    Path dir;

    @Test
    void aKeyTrustedFromTheShellSignsWhatTheRunningUnitAccepts() throws Exception {
        try (RemoteRig rig = new RemoteRig(dir)) {
            InstallerKey key = InstallerKey.generate(Clock.systemUTC());
            Path keyFile = tunersKeyFile(key, "Bench 2");
            assertError(ErrorCode.UNKNOWN_KEY, send(rig, key, "before"));

            // The default store is the one run uses beside the profile store: keys/trust.json.
            Path profiles = rig.store.directory();
            CliRun trusted = CliRun.of("trust", "--public-key-file", keyFile.toString(), "--label", "Bench 2",
                    "--profiles", profiles.toString());
            Path store = dir.resolve("keys").resolve("trust.json").toAbsolutePath();
            assertEquals(0, trusted.exit(), trusted.stderr());
            assertEquals("trusted key " + key.keyId() + " (\"Bench 2\") in " + store + "; 1 of 16 keys trusted\n",
                    trusted.stdout());
            assertEquals("note: " + keyFile + " also holds the installer's private key; the unit keeps only the public"
                    + " key, so remove " + keyFile + " from the unit\n", trusted.stderr());

            Body reply = send(rig, key, "late");
            assertInstanceOf(Reply.Ack.class, reply, () -> String.valueOf(reply));
            assertTrue(Files.exists(rig.store.fileOf("Late")), "the signed put-profile stored its file");

            byte[] before = Files.readAllBytes(store);
            CliRun again = CliRun.of("trust", "--public-key", publicKey(key), "--label", "Other", "--trust-store",
                    store.toString());
            assertEquals(0, again.exit(), again.stderr());
            assertEquals("key " + key.keyId() + " is already trusted in " + store + " (as \"Bench 2\"); nothing changed\n",
                    again.stdout());
            assertArrayEquals(before, Files.readAllBytes(store));
        }
    }

    @Test
    void refusesWhatItCannotTrustInOneLine() throws Exception {
        Path store = dir.resolve("trust.json");
        String at = "--trust-store";
        assertRefused("--public-key = \"abc\" has 3 characters; at least 44 needed",
                "trust", "--public-key", "abc", "--label", "x", at, store.toString());
        assertRefused("--public-key = \"" + NOT_A_POINT + "\" is not an Ed25519 public key (32 bytes that are not a"
                + " point of the curve)", "trust", "--public-key", NOT_A_POINT, "--label", "x", at, store.toString());
        assertRefused("--label = \" \" is blank", "trust", "--public-key", publicKey(InstallerKey.generate(
                Clock.systemUTC())), "--label", " ", at, store.toString());
        Path other = Files.writeString(dir.resolve("other.json"), "{\"format\": \"cabintune.profile/1\"}");
        assertRefused("--public-key-file " + other + " is neither an installer key file (format"
                + " cabintune.installer-key/1 with a publicKey) nor a base64 public key",
                "trust", "--public-key-file", other.toString(), "--label", "x", at, store.toString());
        Path text = Files.writeString(dir.resolve("key.txt"), NOT_A_POINT + "\n");
        assertRefused("--public-key-file " + text + ": its key = \"" + NOT_A_POINT + "\" is not an Ed25519 public key"
                + " (32 bytes that are not a point of the curve)",
                "trust", "--public-key-file", text.toString(), "--label", "x", at, store.toString());
        Path missing = dir.resolve("missing.json");
        assertRefused("--public-key-file " + missing + " does not exist",
                "trust", "--public-key-file", missing.toString(), "--label", "x", at, store.toString());
        assertTrue(Files.notExists(store), "nothing was written");

        for (int i = 1; i <= TrustStore.MAX_KEYS; i++) {
            assertEquals(0, CliRun.of("trust", "--public-key", publicKey(InstallerKey.generate(Clock.systemUTC())),
                    "--label", "key " + i, at, store.toString()).exit());
        }
        assertRefused("this unit already trusts 16 keys; revoke one before trusting another",
                "trust", "--public-key", publicKey(InstallerKey.generate(Clock.systemUTC())), "--label", "one too many",
                at, store.toString());

        CliRun both = CliRun.of("trust", "--public-key", NOT_A_POINT, "--public-key-file", text.toString(), "--label",
                "x", at, store.toString());
        assertEquals(2, both.exit());
        assertTrue(both.stderr().contains("mutually exclusive"), both.stderr());
    }

    private static void assertRefused(String message, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(1, run.exit(), run.stdout());
        assertEquals("cabintune-hu trust: " + message + "\n", run.stderr());
    }

    /** The file the tuner keeps its key in ({@code cabintune keys init}), private half included. */
    private Path tunersKeyFile(InstallerKey key, String label) throws Exception {
        var json = new ObjectMapper().createObjectNode().put("format", InstallerKey.FILE_FORMAT).put("label", label)
                .put("keyId", key.keyId()).put("publicKey", publicKey(key))
                .put("privateKey", Base64.getEncoder().encodeToString(key.pkcs8()));
        return Files.writeString(dir.resolve("installer-key.json"), json.toPrettyString());
    }

    private static Body send(RemoteRig rig, InstallerKey key, String profileId) throws Exception {
        Envelope signed = key.sign(Envelope.of("put-" + profileId, System.currentTimeMillis(),
                new Command.PutProfile(profileId, StoreProfiles.stereo(Character.toUpperCase(profileId.charAt(0))
                        + profileId.substring(1), -6))));
        return rig.link.dispatcher().reply(MessageCodec.encode(signed), NETWORK).body();
    }

    private static String publicKey(InstallerKey key) {
        return Base64.getEncoder().encodeToString(key.rawPublicKey());
    }

    private static void assertError(ErrorCode code, Body reply) {
        Reply.Error error = assertInstanceOf(Reply.Error.class, reply);
        assertEquals(code, error.code(), error.message());
    }
}
