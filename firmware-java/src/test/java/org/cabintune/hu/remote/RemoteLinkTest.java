package org.cabintune.hu.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cabintune.hu.store.StoreProfiles;
import org.cabintune.link.command.Caller;
import org.cabintune.link.mqtt.Mosquitto;
import org.cabintune.link.mqtt.MqttUnitClient;
import org.cabintune.link.protocol.Body;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.Event;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.link.serial.SerialClient;
import org.cabintune.link.serial.SerialLink;
import org.cabintune.link.serial.Socat;
import org.cabintune.link.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The head unit driven over its real transports: a socat pty pair as the serial cable, a real
 * Mosquitto as the broker. Each test checks the engine's output follows the commands, refusals
 * change nothing, and the audio thread runs on throughout without allocating.
 */
class RemoteLinkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Meters settle within their 300 ms RMS window after the 5 ms cross-fade. */
    private static final long SETTLE_MS = 600;

    @TempDir
    Path dir;

    private final MessageIds ids = new MessageIds("tuner");

    private interface Requester {
        Envelope request(Envelope command, Duration timeout) throws Exception;
    }

    @Test
    void serialCableSelectsStoresAndRefusesWithoutChangingAnything() throws Exception {
        assumeTrue(Socat.available(), "socat is not installed (apt-get install socat)");
        Socat cable = new Socat(dir.resolve("pty"));
        Files.createDirectories(dir.resolve("pty"));
        cable.start();
        List<Envelope> unsolicited = new CopyOnWriteArrayList<>();
        try (RemoteRig rig = new RemoteRig(dir);
             SerialClient tuner = new SerialClient(cable.b().toString(), SerialLink.DEFAULT_BAUD, unsolicited::add,
                     new SerialLink.Events() { })) {
            rig.link.serveSerial(cable.a().toString(), SerialLink.DEFAULT_BAUD);
            rig.link.start();
            Await.until(() -> rig.link.dispatcher() != null && tuner.link().isOpen(), "serial open", TIMEOUT);
            Requester serial = tuner::request;

            Reply.Info info = assertInstanceOf(Reply.Info.class, ask(serial, new Command.Hello("test")));
            assertEquals(List.of("front-left", "front-right"), info.outputs());
            long framesBefore = rig.engine.stats().framesProcessed();
            selectsAndTheOutputFollows(rig, serial);

            // The cable is presence: pair a key, then store a profile signed with it.
            InstallerKey key = InstallerKey.generate(Clock.systemUTC());
            assertAck(ask(serial, key, key.pairCommand("workshop")));
            assertAck(ask(serial, key, new Command.PutProfile("late",
                    StoreProfiles.stereo("Late", -6))));
            assertTrue(Files.exists(rig.store.fileOf("Late")), "put-profile stored the file");
            assertTrue(rig.unit.state().profiles().contains(new Reply.ProfileEntry("late", "Late")));

            hostileMessagesChangeNothing(rig, serial, key);
            tuner.link().writeRaw(new byte[]{0, 1, 2, 3, (byte) 0xff, 0, 0x41});
            assertInstanceOf(Reply.State.class, ask(serial, new Command.GetState()));

            assertTrue(rig.engine.stats().framesProcessed() > framesBefore + RemoteRig.FS / 2, "the stream ran on");
            assertEquals(null, rig.engine.stats().failure());
            assertEquals(0, rig.audioAllocated(), "bytes the audio thread allocated");
            Await.until(() -> unsolicited.stream().anyMatch(e -> e.body() instanceof Event.ProfileChanged),
                    "profile-changed on the cable", TIMEOUT);
        } finally {
            cable.stop();
        }
    }

    @Test
    void mqttSelectsBypassesAndPublishesEvents() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed (apt-get install mosquitto)");
        Mosquitto broker = new Mosquitto(dir).start();
        List<Envelope> published = new CopyOnWriteArrayList<>();
        try (RemoteRig rig = new RemoteRig(dir)) {
            rig.link.serveMqtt(broker.login(), "test-unit");
            rig.link.start();
            Await.until(() -> rig.link.mqtt().isConnected(), "unit connected", TIMEOUT);
            try (MqttUnitClient tuner = new MqttUnitClient(broker.login(), "test-unit", "tuner",
                    new MqttUnitClient.Listener() {
                        @Override
                        public void message(Envelope message) {
                            published.add(message);
                        }
                    })) {
                tuner.connect();
                Requester mqtt = tuner::request;
                long framesBefore = rig.engine.stats().framesProcessed();
                selectsAndTheOutputFollows(rig, mqtt);
                Await.until(() -> published.stream().anyMatch(e -> e.body() instanceof Event.ProfileChanged c
                        && c.profileId().equals("night")), "profile-changed event", TIMEOUT);

                // Bypass plays the profile flat: the -12 dB trim goes, the level comes back up.
                assertAck(ask(mqtt, new Command.SetBypass(true)));
                Thread.sleep(SETTLE_MS);
                assertEquals(RemoteRig.expectedRms(0), rig.outputRmsDbfs(), 0.5);
                assertTrue(((Reply.State) ask(mqtt, new Command.GetState())).bypassed());
                assertAck(ask(mqtt, new Command.SetBypass(false)));
                Thread.sleep(SETTLE_MS);
                assertEquals(RemoteRig.expectedRms(RemoteRig.NIGHT_DB), rig.outputRmsDbfs(), 0.5);

                assertAck(ask(mqtt, new Command.StreamMeters(100)));
                Await.until(() -> published.stream().filter(e -> e.body() instanceof Reply.Meters).count() >= 3,
                        "three streamed meter snapshots", TIMEOUT);
                // The programme is metered as it enters the chain: the -20 dBFS sine in both channels
                // reads -20 LUFS (BS.1770-5: a full-scale 1 kHz sine in one channel is -3.01 LKFS).
                Reply.Meters last = published.stream().map(Envelope::body).filter(b -> b instanceof Reply.Meters)
                        .map(Reply.Meters.class::cast).reduce((a, b) -> b).orElseThrow();
                assertEquals(RemoteRig.SINE_DBFS, last.programme().momentaryLufs(), 0.2, last.toString());
                assertEquals(RemoteRig.SINE_DBFS, last.programme().shortTermLufs(), 0.2, last.toString());
                assertEquals(RemoteRig.SINE_DBFS, last.programme().truePeakDbtp(), 0.2, last.toString());
                assertTrue(last.dspLoad() > 0 && last.dspLoad() < 1, last.toString());
                hostileMessagesChangeNothing(rig, mqtt, null);

                assertTrue(rig.engine.stats().framesProcessed() > framesBefore + RemoteRig.FS / 2, "the stream ran on");
                assertEquals(0, rig.audioAllocated(), "bytes the audio thread allocated");
                // Every profile-changed event names one profile: its id is its name's.
                published.stream().map(Envelope::body).filter(b -> b instanceof Event.ProfileChanged)
                        .map(Event.ProfileChanged.class::cast)
                        .forEach(c -> assertEquals(ProfileIds.idOf(c.name()), c.profileId(), c.toString()));
                assertEquals("night", rig.unit.idOf("Night"));
                assertEquals(null, rig.unit.idOf("No such profile"));
                assertEquals(null, rig.unit.idOf(null));
            }
        } finally {
            broker.stop();
        }
    }

    /** Driver at 0 dB, then night at -12 dB: the output's RMS follows within half a dB. */
    private void selectsAndTheOutputFollows(RemoteRig rig, Requester link) throws Exception {
        Reply.State state = assertInstanceOf(Reply.State.class, ask(link, new Command.GetState()));
        assertEquals("driver", state.activeProfile());
        Thread.sleep(SETTLE_MS);
        assertEquals(RemoteRig.expectedRms(0), rig.outputRmsDbfs(), 0.5);
        assertAck(ask(link, new Command.SelectProfile("night")));
        Thread.sleep(SETTLE_MS);
        assertEquals(RemoteRig.expectedRms(RemoteRig.NIGHT_DB), rig.outputRmsDbfs(), 0.5);
        assertEquals("night", ((Reply.State) ask(link, new Command.GetState())).activeProfile());
        assertEquals("Night", rig.store.activeName().orElseThrow());
    }

    /** Refused commands (security, range, unknown ids, garbage) leave the state and the store as they were. */
    private void hostileMessagesChangeNothing(RemoteRig rig, Requester link, InstallerKey key) throws Exception {
        Reply.State before = rig.unit.state();
        List<String> files = Files.list(rig.store.directory()).map(Path::toString).sorted().toList();
        assertCode(ErrorCode.SIGNATURE_REQUIRED, ask(link, new Command.PutProfile("evil",
                StoreProfiles.stereo("Evil", 0))));
        assertCode(ErrorCode.SIGNATURE_REQUIRED, ask(link, new Command.DeleteProfile("driver")));
        assertCode(ErrorCode.REFUSED, ask(link, new Command.SetVolume(6)));
        assertCode(ErrorCode.UNKNOWN_PROFILE, ask(link, new Command.SelectProfile("nowhere")));
        if (key != null) {
            assertCode(ErrorCode.BAD_PROFILE, ask(link, key, new Command.PutProfile("other",
                    StoreProfiles.stereo("Driver", -30))));
            assertCode(ErrorCode.REFUSED, ask(link, key, new Command.DeleteProfile(before.activeProfile())));
        }
        byte[] huge = ("{\"protocol\":1,\"id\":\"x-1\",\"time\":0,\"type\":\"set-volume\","
                + "\"body\":{\"volumeDb\":1e400}}").getBytes(StandardCharsets.UTF_8);
        assertCode(ErrorCode.OUT_OF_RANGE, rig.link.dispatcher().reply(huge, Caller.serialCable("test")).body());
        assertEquals(before, rig.unit.state());
        assertEquals(files, Files.list(rig.store.directory()).map(Path::toString).sorted().toList());
    }

    private Body ask(Requester link, Command command) throws Exception {
        return ask(link, null, command);
    }

    private Body ask(Requester link, InstallerKey key, Command command) throws Exception {
        Envelope message = Envelope.of(ids.next(), System.currentTimeMillis(), command);
        return link.request(key == null ? message : key.sign(message), TIMEOUT).body();
    }

    private static void assertAck(Body reply) {
        if (reply instanceof Reply.Error e) {
            throw new AssertionError("refused: " + e.code().word() + ": " + e.message());
        }
        assertInstanceOf(Reply.Ack.class, reply);
    }

    private static void assertCode(ErrorCode code, Body reply) {
        Reply.Error error = assertInstanceOf(Reply.Error.class, reply);
        assertEquals(code, error.code(), error.message());
        assertFalse(error.message().isBlank());
    }
}
