package org.cabintune.link.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.command.RecordingPort;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.link.security.TestClock;
import org.cabintune.link.security.TrustStore;
import org.cabintune.link.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The serial transport over a real socat pty pair: head unit on one end, tuner on the other. */
class SerialLinkTest {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Socat socat;
    private RecordingPort port;
    private SerialServer unit;
    private SerialClient tuner;
    private final CopyOnWriteArrayList<FrameError> unitRefused = new CopyOnWriteArrayList<>();
    private int ids;

    @BeforeAll
    static void needsSocat() {
        assumeTrue(Socat.available(), "socat is not installed (apt-get install socat); serial transport tests skipped");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tuner != null) {
            tuner.close();
        }
        if (unit != null) {
            unit.close();
        }
        if (socat != null) {
            socat.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {115_200, 921_600})
    void aRequestGetsItsReply(int baud) throws Exception {
        connect(baud);
        Envelope ack = request(new Command.SetVolume(-14));
        assertInstanceOf(Reply.Ack.class, ack.body());
        Reply.State state = (Reply.State) request(new Command.GetState()).body();
        assertEquals(-14, state.volumeDb());
        assertTrue(port.calls().contains("setVolume -14.0"));
    }

    @Test
    void pairsOverTheCableAndPutsASignedProfile() throws Exception {
        connect(921_600);
        InstallerKey installer = InstallerKey.generate(Clock.systemUTC());
        Envelope pair = installer.sign(Envelope.of(nextId(), 0, installer.pairCommand("laptop on the cable")));
        assertInstanceOf(Reply.Ack.class, tuner.request(pair, REPLY_TIMEOUT).body(), "the cable proves presence");
        Envelope put = installer.sign(Envelope.of(nextId(), 0,
                new Command.PutProfile("reference", Samples.profile("reference-8ch"))));
        assertTrue(MessageCodec.encode(put).length > 5000);
        assertInstanceOf(Reply.Ack.class, tuner.request(put, REPLY_TIMEOUT).body());
        assertTrue(port.calls().contains("putProfile reference Reference 8-channel"), port.calls()::toString);
    }

    @Test
    void survivesNoiseOnTheLine() throws Exception {
        connect(115_200);
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(500)];
            random.nextBytes(noise);
            tuner.link().writeRaw(noise);
            assertInstanceOf(Reply.Ack.class, request(new Command.SetMute(i % 2 == 0)).body());
        }
        FrameStats stats = unit.link().stats();
        assertEquals(20, stats.frames());
        assertTrue(stats.errors() > 0 && stats.discardedBytes() > 0, stats::toString);
    }

    @Test
    void refusesTruncatedOversizedAndCorruptedFramesAndCarriesOn() throws Exception {
        connect(115_200);
        byte[] frame = Framing.encode(MessageCodec.encode(Envelope.of("cut", 0, new Command.SetMute(true))),
                Limits.MAX_MESSAGE_BYTES);
        tuner.link().writeRaw(java.util.Arrays.copyOf(frame, frame.length - 10));
        assertInstanceOf(Reply.Ack.class, request(new Command.SetBypass(true)).body());

        byte[] flood = new byte[Framing.maxEncodedBody(Limits.MAX_MESSAGE_BYTES) + 100];
        java.util.Arrays.fill(flood, (byte) 0x7e);
        tuner.link().writeRaw(flood);
        tuner.link().writeRaw(new byte[] {0});
        assertInstanceOf(Reply.Ack.class, request(new Command.SetBypass(false)).body());

        byte[] message = MessageCodec.encode(Envelope.of("bad-crc", 0, new Command.SetMute(true)));
        ByteBuffer raw = ByteBuffer.allocate(message.length + Framing.OVERHEAD);
        raw.putInt(message.length).put(message).putInt(12345);
        byte[] body = Cobs.encode(raw.array(), 0, raw.capacity());
        byte[] corrupt = new byte[body.length + 2];
        System.arraycopy(body, 0, corrupt, 1, body.length);
        tuner.link().writeRaw(corrupt);
        assertInstanceOf(Reply.Ack.class, request(new Command.StopTestSignal()).body());

        FrameStats stats = unit.link().stats();
        assertEquals(1, stats.truncated(), stats::toString);
        assertEquals(1, stats.oversized(), stats::toString);
        assertEquals(1, stats.badCrc(), stats::toString);
        assertEquals(3, stats.frames());
        assertTrue(unitRefused.size() >= 3);
        assertEquals(false, port.calls().contains("setMute true"), "no refused frame reached the unit");
    }

    @Test
    void reconnectsByItselfWhenThePtyClosesAndComesBack() throws Exception {
        connect(115_200);
        assertInstanceOf(Reply.Ack.class, request(new Command.SetMute(true)).body());
        socat.stop();
        waitFor(() -> !unit.link().isOpen() && !tuner.link().isOpen(), "both ends to notice the pty closed");
        socat.start();
        waitFor(() -> unit.link().isOpen() && tuner.link().isOpen(), "both ends to reopen");
        assertEquals(1, unit.link().reconnects());
        assertEquals(1, tuner.link().reconnects());
        assertInstanceOf(Reply.Ack.class, request(new Command.SetMute(false)).body());
    }

    private void connect(int baud) throws Exception {
        socat = new Socat(dir).start();
        port = new RecordingPort(Samples.profile("stereo-fullrange"));
        TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
        CommandDispatcher dispatcher = new CommandDispatcher(port, TrustStore.open(dir.resolve("trust.json"), clock),
                clock, CommandDispatcher.DEFAULT_REMEMBERED_IDS);
        unit = new SerialServer(socat.a().toString(), baud, dispatcher, new SerialLink.Events() {
            @Override
            public void refused(FrameError error, String detail) {
                unitRefused.add(error);
            }
        });
        tuner = new SerialClient(socat.b().toString(), baud, message -> { }, new SerialLink.Events() { });
        waitFor(() -> unit.link().isOpen() && tuner.link().isOpen(), "both ends to open");
    }

    private Envelope request(Command command) throws Exception {
        return tuner.request(Envelope.of(nextId(), 0, command), REPLY_TIMEOUT);
    }

    private String nextId() {
        return "t-" + ++ids;
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what, Duration.ofSeconds(5));
    }
}
