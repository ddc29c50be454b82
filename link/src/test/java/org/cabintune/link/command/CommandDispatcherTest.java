package org.cabintune.link.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.ProtectionLimits;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.protocol.TestSignal;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.link.security.PresenceToken;
import org.cabintune.link.security.PresenceWindow;
import org.cabintune.link.security.TestClock;
import org.cabintune.link.security.TrustStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandDispatcherTest {

    private static final Caller NETWORK = new Caller("mqtt test", true, PresenceToken.NONE);
    private static final Caller SERIAL = Caller.serialCable("/dev/test");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
    private RecordingPort port;
    private CommandDispatcher dispatcher;
    private InstallerKey installer;

    @BeforeEach
    void unitWithOnePairedKey() throws Exception {
        port = new RecordingPort(Samples.profile("stereo-fullrange"));
        dispatcher = new CommandDispatcher(port, TrustStore.open(dir.resolve("trust.json"), clock), clock, 8);
        installer = InstallerKey.generate(clock);
        assertInstanceOf(Reply.Ack.class, send(SERIAL, installer.sign(
                Envelope.of("pair-1", 0, installer.pairCommand("bench")), 1)).body());
    }

    @Test
    void appliesADriverCommandAndAcks() {
        Envelope reply = send(NETWORK, Envelope.of("v-1", 0, new Command.SetVolume(-12)));
        assertInstanceOf(Reply.Ack.class, reply.body());
        assertEquals("v-1", reply.re());
        assertEquals(List.of("setVolume -12.0"), port.calls());
    }

    @Test
    void nightModeIsADriverCommand() {
        assertInstanceOf(Reply.Ack.class, send(NETWORK, Envelope.of("n-1", 0, new Command.SetNight(true))).body());
        assertEquals(List.of("setNight true"), port.calls());
        assertTrue(((Reply.State) send(NETWORK, Envelope.of("s-2", 0, new Command.GetState())).body()).night());
    }

    @Test
    void answersQuestionsWithData() {
        Envelope state = send(NETWORK, Envelope.of("s-1", 0, new Command.GetState()));
        assertEquals("initial", ((Reply.State) state.body()).activeProfile());
        assertInstanceOf(Reply.Info.class, send(NETWORK, Envelope.of("h-1", 0, new Command.Hello("test"))).body());
        assertInstanceOf(Reply.Meters.class, send(NETWORK, Envelope.of("m-1", 0, new Command.GetMeters())).body());
    }

    @Test
    void aRepeatedIdGetsTheFirstReplyWithoutBeingAppliedAgain() {
        Envelope command = Envelope.of("v-2", 0, new Command.SetVolume(-12));
        Envelope first = send(NETWORK, command);
        Envelope second = send(NETWORK, command);
        assertEquals(first, second);
        assertEquals(List.of("setVolume -12.0"), port.calls());
    }

    @Test
    void aRepeatedSignedCommandIsNotAReplay() {
        Envelope signed = installer.sign(Envelope.of("d-1", 0, new Command.SetLimits(new ProtectionLimits(-3, -10))), 5);
        Envelope first = send(NETWORK, signed);
        assertInstanceOf(Reply.Ack.class, first.body());
        assertEquals(first, send(NETWORK, signed));
        assertEquals(1, port.calls().size());
    }

    @Test
    void anIdReusedByADifferentMessageIsRefused() {
        send(NETWORK, Envelope.of("v-3", 0, new Command.SetVolume(-12)));
        assertError(ErrorCode.ID_REUSED, send(NETWORK, Envelope.of("v-3", 0, new Command.SetVolume(-3))));
        assertEquals(List.of("setVolume -12.0"), port.calls());
    }

    @Test
    void installerCommandsNeedATrustedSignatureWithAFreshCounter() {
        Envelope unsigned = Envelope.of("l-1", 0, new Command.SetLimits(new ProtectionLimits(-3, -10)));
        assertError(ErrorCode.SIGNATURE_REQUIRED, send(NETWORK, unsigned));
        assertError(ErrorCode.UNKNOWN_KEY, send(NETWORK, InstallerKey.generate(clock).sign(unsigned, 7)));
        assertInstanceOf(Reply.Ack.class, send(NETWORK, installer.sign(unsigned, 7)).body());
        Envelope replay = installer.sign(Envelope.of("l-2", 0, new Command.SetLimits(new ProtectionLimits(12, 0))), 7);
        assertError(ErrorCode.REPLAYED_COUNTER, send(NETWORK, replay));
        assertEquals(List.of("setLimits -3.0 -10.0"), port.calls());
    }

    @Test
    void aRefusedSignatureDoesNotTakeTheIdFromItsRightfulSender() {
        Envelope forged = InstallerKey.generate(clock).sign(Envelope.of("x-1", 0, new Command.DeleteProfile("initial")), 9);
        assertError(ErrorCode.UNKNOWN_KEY, send(NETWORK, forged));
        Envelope real = installer.sign(Envelope.of("x-1", 0, new Command.PutProfile("night",
                Samples.profile("stereo-fullrange"))), 9);
        assertInstanceOf(Reply.Ack.class, send(NETWORK, real).body());
    }

    @Test
    void refusesAnUnauthenticatedConnection() {
        Caller anonymous = new Caller("mqtt anonymous", false, PresenceToken.NONE);
        assertError(ErrorCode.NOT_AUTHENTICATED, send(anonymous, Envelope.of("v-4", 0, new Command.SetMute(true))));
        assertTrue(port.calls().isEmpty());
    }

    @Test
    void refusesRepliesAndEventsSentAsCommands() {
        assertError(ErrorCode.NOT_A_COMMAND, send(NETWORK, Envelope.reply("a-1", 0, "x", new Reply.Ack())));
    }

    @Test
    void answersUndecodableBytesWithTheIdWhenItCanBeRead() {
        Envelope withId = dispatcher.reply(("{\"protocol\":1,\"id\":\"q-1\",\"time\":0,\"type\":\"set-volume\","
                + "\"body\":{\"volumeDb\":\"loud\"}}").getBytes(StandardCharsets.UTF_8), NETWORK);
        assertError(ErrorCode.WRONG_TYPE, withId);
        assertEquals("q-1", withId.re());
        Envelope without = dispatcher.reply(new byte[] {(byte) 0xff, 0, 1}, NETWORK);
        assertError(ErrorCode.MALFORMED_JSON, without);
        assertNull(without.re());
    }

    @Test
    void thePortsRefusalIsTheReplyAndIsRemembered() {
        Envelope command = Envelope.of("p-1", 0, new Command.SelectProfile("nope"));
        Envelope first = send(NETWORK, command);
        assertError(ErrorCode.UNKNOWN_PROFILE, first);
        assertEquals(first, send(NETWORK, command));
        assertEquals(1, port.calls().size());
    }

    @Test
    void aFailingPortBecomesAnInternalErrorNotAnException() {
        port.failNext(new IllegalStateException("DAC gone"));
        Envelope reply = send(NETWORK, Envelope.of("f-1", 0, new Command.SetMute(true)));
        assertError(ErrorCode.INTERNAL, reply);
        assertTrue(((Reply.Error) reply.body()).message().contains("DAC gone"));
    }

    @Test
    void pairingOverTheNetworkNeedsALongPressAndCanBeRetriedAfterIt() {
        PresenceWindow window = new PresenceWindow(clock);
        Caller phone = new Caller("mqtt phone", true, window);
        InstallerKey newcomer = InstallerKey.generate(clock);
        Envelope pairing = newcomer.sign(Envelope.of("pair-2", 0, newcomer.pairCommand("phone")), 1);
        assertError(ErrorCode.PRESENCE_REQUIRED, send(phone, pairing));
        window.open(Duration.ofSeconds(30));
        assertInstanceOf(Reply.Ack.class, send(phone, pairing).body());
        Envelope signedByNewcomer = newcomer.sign(Envelope.of("t-1", 0, new Command.PlayTestSignal(List.of(0),
                new TestSignal.Pink(), -20, Command.Correction.ON)), 2);
        assertInstanceOf(Reply.Ack.class, send(phone, signedByNewcomer).body());
    }

    @Test
    void revokingAKeyEndsItsRights() {
        assertInstanceOf(Reply.Ack.class, send(NETWORK, installer.sign(
                Envelope.of("r-1", 0, new Command.RevokeKey(installer.keyId())), 2)).body());
        assertError(ErrorCode.UNKNOWN_KEY, send(NETWORK, installer.sign(
                Envelope.of("r-2", 0, new Command.DeleteProfile("initial")), 3)));
    }

    @Test
    void remembersOnlyTheMostRecentIds() {
        for (int i = 0; i < 9; i++) {
            send(NETWORK, Envelope.of("m-" + i, 0, new Command.SetMute(i % 2 == 0)));
        }
        send(NETWORK, Envelope.of("m-0", 0, new Command.SetMute(true)));
        assertEquals(10, port.calls().size(), "the oldest of 9 ids falls out of a memory of 8 and is applied again");
        send(NETWORK, Envelope.of("m-8", 0, new Command.SetMute(true)));
        assertEquals(10, port.calls().size());
    }

    @Test
    void replyIdsAreUnique() {
        Envelope a = send(NETWORK, Envelope.of("u-1", 0, new Command.SetMute(true)));
        Envelope b = send(NETWORK, Envelope.of("u-2", 0, new Command.SetMute(true)));
        assertNotEquals(a.id(), b.id());
    }

    private Envelope send(Caller caller, Envelope message) {
        return dispatcher.reply(MessageCodec.encode(message), caller);
    }

    static void assertError(ErrorCode code, Envelope reply) {
        Reply.Error error = assertInstanceOf(Reply.Error.class, reply.body());
        assertEquals(code, error.code(), error.message());
    }
}
