package org.cabintune.link.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.link.security.PresenceToken;
import org.cabintune.link.security.RfcKeys;
import org.cabintune.link.security.TestClock;
import org.cabintune.link.security.TrustStore;
import org.cabintune.link.security.TrustedKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of {@code src/test/resources/hostile} (listed with its expected error code in
 * {@code expected.txt}) reaches a unit over an authenticated network connection without
 * presence. Each must be refused with its code, and the unit must not have been called at all:
 * its state and its trust store stay as they were. Because of that one unit serves all cases;
 * a case that changed it would fail itself and show in the ones after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {

    private static final String DIR = "/hostile/";
    private static final Caller NETWORK = new Caller("mqtt hostile", true, PresenceToken.NONE);
    /** The trusted key was paired with this counter; the corpus's replays use it and below. */
    private static final long PAIRED_COUNTER = 1000;

    @TempDir
    static Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
    private RecordingPort port;
    private TrustStore trust;
    private CommandDispatcher dispatcher;

    Stream<Arguments> corpus() {
        return expected().stream().map(line -> {
            String[] parts = line.split(" ");
            return Arguments.of(parts[0], ErrorCode.of(parts[1]).orElseThrow(
                    () -> new IllegalStateException("unknown code in expected.txt: " + line)));
        });
    }

    @BeforeAll
    void unitTrustingOneKey() throws Exception {
        port = new RecordingPort(Samples.profile("stereo-fullrange"));
        trust = TrustStore.open(dir.resolve("trust.json"), clock);
        dispatcher = new CommandDispatcher(port, trust, clock, CommandDispatcher.DEFAULT_REMEMBERED_IDS);
        InstallerKey key = RfcKeys.test2(clock);
        Envelope pair = key.sign(Envelope.of("pair", 0, key.pairCommand("workshop")), PAIRED_COUNTER);
        assertInstanceOf(Reply.Ack.class, dispatcher.reply(MessageCodec.encode(pair), Caller.serialCable("test")).body());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("corpus")
    void refusesWithItsCodeAndLeavesTheUnitUntouched(String file, ErrorCode code) throws Exception {
        String before = port.snapshot();
        List<TrustedKey> keysBefore = trust.keys();
        Envelope reply = dispatcher.reply(read(file), NETWORK);
        Reply.Error error = assertInstanceOf(Reply.Error.class, reply.body(), file);
        assertEquals(code, error.code(), () -> file + ": " + error.message());
        assertTrue(port.calls().isEmpty(), () -> file + " reached the unit: " + port.calls());
        assertEquals(before, port.snapshot());
        assertEquals(keysBefore, trust.keys());
        assertEquals(reply, MessageCodec.decode(MessageCodec.encode(reply)).envelope(), "the reply itself is valid");
    }

    @Test
    void theCorpusIsLargeAndEveryFileHasAnExpectedCode() throws Exception {
        Set<String> listed = expected().stream().map(line -> line.split(" ")[0]).collect(Collectors.toSet());
        Set<String> present;
        try (Stream<Path> files = Files.list(Path.of(HostileCorpusTest.class.getResource(DIR).toURI()))) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.txt"))
                    .collect(Collectors.toSet());
        }
        assertEquals(present, listed);
        assertTrue(listed.size() >= 50, "at least 50 hostile messages, found " + listed.size());
    }

    private static List<String> expected() {
        return List.of(new String(read("expected.txt"), StandardCharsets.UTF_8).strip().split("\n"));
    }

    private static byte[] read(String file) {
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException(DIR + file + " is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
