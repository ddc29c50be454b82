package org.cabintune.hu.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.cabintune.link.mqtt.Mosquitto;
import org.cabintune.link.mqtt.MqttUnitClient;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.serial.SerialClient;
import org.cabintune.link.serial.SerialLink;
import org.cabintune.link.serial.Socat;
import org.cabintune.link.testing.Await;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The head unit's link under faults while it plays: the broker restarted, the serial cable's
 * pty closed and opened again, each several times, with profile selections in between. The
 * link comes back by itself on both transports, every acknowledged selection is the one that
 * plays, the thread count stays flat, and the audio never stops: the stream advances at its
 * real-time pace throughout, without a failure and without allocating on the audio thread.
 */
class LinkFaultsTest {

    private static final int ROUNDS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final MessageIds ids = new MessageIds("tuner");

    @Test
    void brokerRestartsAndCablePullsNeverStopTheAudio() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed (apt-get install mosquitto)");
        assumeTrue(Socat.available(), "socat is not installed (apt-get install socat)");
        Mosquitto broker = new Mosquitto(dir).start();
        Files.createDirectories(dir.resolve("pty"));
        Socat cable = new Socat(dir.resolve("pty")).start();
        try (RemoteRig rig = new RemoteRig(dir);
             SerialClient serial = new SerialClient(cable.b().toString(), SerialLink.DEFAULT_BAUD, e -> { },
                     new SerialLink.Events() { });
             MqttUnitClient mqtt = new MqttUnitClient(broker.login(), "test-unit", "tuner",
                     new MqttUnitClient.Listener() { })) {
            rig.link.serveMqtt(broker.login(), "test-unit");
            rig.link.serveSerial(cable.a().toString(), SerialLink.DEFAULT_BAUD);
            rig.link.start();
            mqtt.connect();
            Await.until(() -> rig.link.mqtt().isConnected() && mqtt.isConnected() && serial.link().isOpen(),
                    "both transports up", TIMEOUT);
            assertInstanceOf(Reply.State.class, requestOverMqtt(mqtt, new Command.GetState()));
            int threads = Thread.activeCount();
            long frames = rig.engine.stats().framesProcessed();
            long started = System.nanoTime();

            String acknowledged = null;
            for (int round = 1; round <= ROUNDS; round++) {
                broker.stop();
                Await.until(() -> !rig.link.mqtt().isConnected(), "the unit to see the broker go", TIMEOUT);
                cable.stop();
                broker.start();
                cable.start();
                String profile = round % 2 == 1 ? "night" : "driver";
                assertInstanceOf(Reply.Ack.class, requestOverMqtt(mqtt, new Command.SelectProfile(profile)),
                        "select " + profile + " after restart " + round);
                acknowledged = profile;
                Await.until(() -> serial.link().isOpen(), "the cable to reopen after round", TIMEOUT);
                Reply.State overCable = assertInstanceOf(Reply.State.class,
                        requestOverSerial(serial, new Command.GetState()));
                assertEquals(profile, overCable.activeProfile(), "the cable sees round " + round + "'s selection");
            }

            assertEquals(acknowledged, rig.unit.state().activeProfile());
            assertEquals(acknowledged.equals("night") ? "Night" : "Driver", rig.store.activeName().orElseThrow());
            double seconds = (System.nanoTime() - started) / 1e9;
            long played = rig.engine.stats().framesProcessed() - frames;
            assertTrue(played >= 0.8 * seconds * RemoteRig.FS,
                    "the stream played " + played + " frames in " + seconds + " s of faults");
            assertNull(rig.engine.stats().failure());
            assertEquals(0, rig.audioAllocated(), "bytes the audio thread allocated");
            Await.until(() -> Thread.activeCount() <= threads + 2,
                    "the thread count to settle back to " + threads + " (now " + Thread.activeCount() + ")", TIMEOUT);
        } finally {
            cable.stop();
            broker.stop();
        }
    }

    private interface Transport {
        Envelope request(Envelope command, Duration timeout) throws Exception;
    }

    private Reply requestOverMqtt(MqttUnitClient mqtt, Command command) throws Exception {
        return request(mqtt::request, command, "over MQTT");
    }

    private Reply requestOverSerial(SerialClient serial, Command command) throws Exception {
        return request(serial::request, command, "over the cable");
    }

    /** Sends one command, retrying the same message id until a reply comes: applied at most once. */
    private Reply request(Transport transport, Command command, String over) throws Exception {
        Envelope envelope = Envelope.of(ids.next(), 0, command);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return (Reply) transport.request(envelope, Duration.ofMillis(500)).body();
            } catch (TimeoutException | MqttException | java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no reply to " + command + " " + over + " in " + TIMEOUT, e);
                }
                Thread.sleep(100);
            }
        }
    }
}
