package org.cabintune.link.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.ProtocolException;
import org.cabintune.link.protocol.Received;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
    private Path file;
    private TrustStore store;
    private InstallerKey installer;

    @BeforeEach
    void pairOneKey() throws Exception {
        file = dir.resolve("trust.json");
        store = TrustStore.open(file, clock);
        installer = InstallerKey.generate(clock);
        pair(installer, "bench 1", PresenceToken.CABLE, 1);
    }

    @Test
    void acceptsASignedCommandAndStoresTheCounter() throws Exception {
        Received r = signed(installer, 10, new Command.DeleteProfile("old"));
        TrustedKey key = store.accept(r.envelope().signature(), r.signedBytes());
        assertEquals(10, key.counter());
        assertEquals(10, TrustStore.open(file, clock).keys().getFirst().counter());
    }

    @Test
    void refusesAReplayedOrLowerCounterEvenAfterARestart() throws Exception {
        Received first = signed(installer, 10, new Command.DeleteProfile("old"));
        store.accept(first.envelope().signature(), first.signedBytes());
        assertCode(ErrorCode.REPLAYED_COUNTER, () -> store.accept(first.envelope().signature(), first.signedBytes()));
        TrustStore reopened = TrustStore.open(file, clock);
        assertCode(ErrorCode.REPLAYED_COUNTER, () -> reopened.accept(first.envelope().signature(), first.signedBytes()));
        Received lower = signed(installer, 9, new Command.DeleteProfile("other"));
        assertCode(ErrorCode.REPLAYED_COUNTER, () -> reopened.accept(lower.envelope().signature(), lower.signedBytes()));
    }

    @Test
    void refusesATamperedBody() throws Exception {
        Envelope good = installer.sign(Envelope.of("t-1", 0, new Command.SetLimits(
                new org.cabintune.link.protocol.ProtectionLimits(-10, -20))), 5);
        String wire = new String(MessageCodec.encode(good), StandardCharsets.UTF_8).replace("-10", "12");
        Received tampered = MessageCodec.decode(wire.getBytes(StandardCharsets.UTF_8));
        assertCode(ErrorCode.BAD_SIGNATURE, () -> store.accept(tampered.envelope().signature(), tampered.signedBytes()));
        assertEquals(1, store.keys().getFirst().counter(), "a refused signature must not move the counter");
    }

    @Test
    void refusesAKeyItDoesNotTrust() throws Exception {
        Received r = signed(InstallerKey.generate(clock), 10, new Command.DeleteProfile("old"));
        assertCode(ErrorCode.UNKNOWN_KEY, () -> store.accept(r.envelope().signature(), r.signedBytes()));
    }

    @Test
    void pairingNeedsPresence() throws Exception {
        InstallerKey other = InstallerKey.generate(clock);
        assertCode(ErrorCode.PRESENCE_REQUIRED, () -> pair(other, "other", PresenceToken.NONE, 1));
        PresenceWindow window = new PresenceWindow(clock);
        assertCode(ErrorCode.PRESENCE_REQUIRED, () -> pair(other, "other", window, 1));
        window.open(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        assertCode(ErrorCode.PRESENCE_REQUIRED, () -> pair(other, "other", window, 1));
        assertEquals(1, store.keys().size());
    }

    @Test
    void aLongPressPairsOneKeyOnly() throws Exception {
        PresenceWindow window = new PresenceWindow(clock);
        window.open(PresenceWindow.DEFAULT_WINDOW);
        clock.advance(Duration.ofSeconds(30));
        pair(InstallerKey.generate(clock), "phone", window, 1);
        assertFalse(window.isPresent());
        assertCode(ErrorCode.PRESENCE_REQUIRED, () -> pair(InstallerKey.generate(clock), "intruder", window, 1));
        assertEquals(2, store.keys().size());
    }

    @Test
    void aPairKeyMustBeSignedByTheKeyItPairs() throws Exception {
        InstallerKey newcomer = InstallerKey.generate(clock);
        Envelope byOther = installer.sign(Envelope.of("p-9", 0, newcomer.pairCommand("newcomer")), 50);
        Received r = MessageCodec.decode(MessageCodec.encode(byOther));
        assertCode(ErrorCode.BAD_SIGNATURE, () -> store.pair((Command.PairKey) r.envelope().body(),
                r.envelope().signature(), r.signedBytes(), PresenceToken.CABLE));
    }

    @Test
    void revokedKeysAreRefusedAndTheRevocationSurvivesARestart() throws Exception {
        store.revoke(installer.keyId());
        Received r = signed(installer, 10, new Command.DeleteProfile("old"));
        assertCode(ErrorCode.UNKNOWN_KEY, () -> store.accept(r.envelope().signature(), r.signedBytes()));
        assertTrue(TrustStore.open(file, clock).keys().isEmpty());
        assertCode(ErrorCode.UNKNOWN_KEY, () -> store.revoke(installer.keyId()));
    }

    @Test
    void refusesASeventeenthKey() throws Exception {
        for (int i = 1; i < TrustStore.MAX_KEYS; i++) {
            pair(InstallerKey.generate(clock), "key " + i, PresenceToken.CABLE, 1);
        }
        assertCode(ErrorCode.REFUSED, () -> pair(InstallerKey.generate(clock), "one too many", PresenceToken.CABLE, 1));
    }

    @Test
    void aFailedWriteChangesNothing() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        TrustStore unwritable = TrustStore.open(sub.resolve("trust.json"), clock);
        Files.delete(sub);
        Files.writeString(sub, "a file where the store's directory was");
        assertCode(ErrorCode.INTERNAL, () -> pair(installer, "x", PresenceToken.CABLE, 1, unwritable));
        assertTrue(unwritable.keys().isEmpty());
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        Received r = signed(installer, 10, new Command.DeleteProfile("old"));
        store.accept(r.envelope().signature(), r.signedBytes());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("trust.json", "trust.json.lock"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "the store and its lock file");
        }
    }

    @Test
    void trustsAKeyFromTheUnitsShellWithItsCounterAtZero() throws Exception {
        InstallerKey bench = InstallerKey.generate(clock);
        TrustStore.Trusted trusted = store.trust(publicKey(bench), "bench 2");
        assertTrue(trusted.added());
        assertEquals(new TrustedKey(bench.keyId(), publicKey(bench), "bench 2", 0, clock.millis()), trusted.key());
        Received first = signed(bench, 1, new Command.DeleteProfile("old"));
        assertEquals(1, store.accept(first.envelope().signature(), first.signedBytes()).counter());
        assertEquals(List.of(installer.keyId(), bench.keyId()),
                TrustStore.open(file, clock).keys().stream().map(TrustedKey::keyId).toList());
    }

    @Test
    void trustingAKeyAlreadyTrustedChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(file);
        TrustStore.Trusted again = store.trust(publicKey(installer), "another name");
        assertFalse(again.added());
        assertEquals("bench 1", again.key().label());
        assertEquals(1, again.key().counter());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void refusesAMalformedKeyOrLabelFromTheShell() throws Exception {
        byte[] before = Files.readAllBytes(file);
        assertTrustRefused(ErrorCode.INVALID_VALUE, "publicKey = \"not a key\" has 9 characters", "not a key", "x");
        assertTrustRefused(ErrorCode.INVALID_VALUE, "publicKey = \"AAAA", "A".repeat(43) + "!", "x");
        String notAPoint = "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assertTrustRefused(ErrorCode.INVALID_VALUE, "publicKey = \"" + notAPoint + "\" is not an Ed25519 public key",
                notAPoint, "x");
        assertTrustRefused(ErrorCode.INVALID_VALUE, "label = \" \" is blank", publicKey(InstallerKey.generate(clock)),
                " ");
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void refusesASeventeenthKeyTrustedFromTheShell() throws Exception {
        for (int i = 1; i < TrustStore.MAX_KEYS; i++) {
            assertTrue(store.trust(publicKey(InstallerKey.generate(clock)), "key " + i).added());
        }
        assertTrustRefused(ErrorCode.REFUSED, "message: this unit already trusts 16 keys; revoke one before trusting another",
                publicKey(InstallerKey.generate(clock)), "one too many");
        assertEquals(TrustStore.MAX_KEYS, TrustStore.open(file, clock).keys().size());
    }

    /** The running unit and the shell hold two stores on one file: neither loses the other's change. */
    @Test
    void aKeyTrustedThroughAnotherStoreIsAcceptedAtOnceAndKept() throws Exception {
        TrustStore shell = TrustStore.open(file, clock);
        InstallerKey bench = InstallerKey.generate(clock);
        shell.trust(publicKey(bench), "bench 2");
        Received bySecond = signed(bench, 5, new Command.DeleteProfile("old"));
        assertEquals(5, store.accept(bySecond.envelope().signature(), bySecond.signedBytes()).counter());
        Received byFirst = signed(installer, 10, new Command.DeleteProfile("old"));
        store.accept(byFirst.envelope().signature(), byFirst.signedBytes());
        assertEquals(List.of(10L, 5L), TrustStore.open(file, clock).keys().stream().map(TrustedKey::counter).toList());
        assertCode(ErrorCode.REPLAYED_COUNTER, () -> shell.accept(bySecond.envelope().signature(),
                bySecond.signedBytes()));
    }

    private void assertTrustRefused(ErrorCode code, String start, String publicKey, String label) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> store.trust(publicKey, label));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    private static String publicKey(InstallerKey key) {
        return java.util.Base64.getEncoder().encodeToString(key.rawPublicKey());
    }

    @Test
    void refusesACorruptStoreFile() throws IOException {
        Files.writeString(file, "{\"format\": \"cabintune.trust/1\", \"keys\": [{\"keyId\": \"0\"}]}");
        IOException e = assertThrows(IOException.class, () -> TrustStore.open(file, clock));
        assertTrue(e.getMessage().contains("not valid"), e.getMessage());
        Files.writeString(file, "{\"format\": \"cabintune.trust/1\", \"keys\": [");
        assertThrows(IOException.class, () -> TrustStore.open(file, clock));
    }

    private void pair(InstallerKey key, String label, PresenceToken presence, long counter) throws ProtocolException {
        pair(key, label, presence, counter, store);
    }

    private static void pair(InstallerKey key, String label, PresenceToken presence, long counter, TrustStore into)
            throws ProtocolException {
        Received r = MessageCodec.decode(MessageCodec.encode(
                key.sign(Envelope.of("pair-" + key.keyId(), 0, key.pairCommand(label)), counter)));
        into.pair((Command.PairKey) r.envelope().body(), r.envelope().signature(), r.signedBytes(), presence);
    }

    private static Received signed(InstallerKey key, long counter, Command command) throws ProtocolException {
        return MessageCodec.decode(MessageCodec.encode(key.sign(Envelope.of("c-" + counter, 0, command), counter)));
    }

    interface Action {
        void run() throws Exception;
    }

    private static void assertCode(ErrorCode code, Action action) {
        ProtocolException e = assertThrows(ProtocolException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
    }
}
