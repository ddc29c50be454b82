package org.cabintune.link.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.link.testing.Await;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections cut in the middle of a message (a relay between a client and Mosquitto closes
 * both sides partway through a packet): both ends reconnect, the tuner sends the same signed
 * command again, and the unit applies it once.
 */
class ConnectionCutTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Mosquitto broker;
    private CuttingProxy tunerSide;
    private CuttingProxy unitSide;
    private final InstallerKey installer = InstallerKey.generate(Clock.systemUTC());

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed (apt-get install mosquitto); MQTT tests skipped");
        broker = new Mosquitto(dir).start();
        tunerSide = new CuttingProxy(broker.port());
        unitSide = new CuttingProxy(broker.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            tunerSide.close();
            unitSide.close();
            broker.stop();
        }
    }

    @Test
    void aCommandCutOffOnItsWayToTheBrokerIsSentAgainAndAppliedOnce() throws Exception {
        try (PairedUnit unit = new PairedUnit(broker.login(), "cut-car", dir, installer);
             MqttUnitClient tuner = client(tunerSide)) {
            Envelope put = installer.sign(Envelope.of("put-1", 0, new Command.PutProfile("driver-seat",
                    Samples.profile("reference-8ch"))));
            int size = MessageCodec.encode(put).length;
            tunerSide.cutAfter(size / 2);
            assertEquals(Reply.Ack.class, untilAnswered(tuner, put).body().getClass());
            assertEquals(1, tunerSide.cuts(), "the first try was cut " + size / 2 + " bytes into a " + size + "-byte message");
            assertEquals(1, unit.calls("putProfile driver-seat " + Samples.profile("reference-8ch").name()));
        }
    }

    @Test
    void aReplyCutOffOnItsWayBackIsAnsweredAgainWithoutApplyingTwice() throws Exception {
        try (PairedUnit unit = new PairedUnit(new BrokerLogin(unitSide.uri(), Mosquitto.USER, Mosquitto.PASSWORD),
                "cut-car", dir, installer);
             MqttUnitClient tuner = client(tunerSide)) {
            Await.until(() -> unit.server.connects() == 1, "the unit to connect", PATIENCE);
            Envelope put = installer.sign(Envelope.of("put-2", 0, new Command.PutProfile("rear-seat",
                    Samples.profile("stereo-fullrange"))));
            // The unit's next packets are the command's acknowledgement and the reply: cut into the reply.
            unitSide.cutAfter(40);
            assertEquals(Reply.Ack.class, untilAnswered(tuner, put).body().getClass());
            assertEquals(1, unitSide.cuts());
            Await.until(() -> unit.server.connects() == 2, "the unit to reconnect by itself", PATIENCE);
            assertEquals(1, unit.calls("putProfile rear-seat Stereo full-range doors"), "applied once");
        }
    }

    private MqttUnitClient client(CuttingProxy proxy) throws MqttException {
        MqttUnitClient tuner = new MqttUnitClient(new BrokerLogin(proxy.uri(), Mosquitto.USER, Mosquitto.PASSWORD),
                "cut-car", "tuner", new MqttUnitClient.Listener() { });
        tuner.connect();
        return tuner;
    }

    /** Sends the same message until it is answered, as a tuner does after a timeout. */
    private static Envelope untilAnswered(MqttUnitClient tuner, Envelope command) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return tuner.request(command, Duration.ofSeconds(1));
            } catch (TimeoutException | MqttException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no reply to " + command.id() + " within " + PATIENCE);
    }
}
