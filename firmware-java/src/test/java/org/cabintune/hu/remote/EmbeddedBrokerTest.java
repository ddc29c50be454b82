package org.cabintune.hu.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.cabintune.link.mqtt.BrokerLogin;
import org.cabintune.link.mqtt.MqttUnitClient;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.testing.Await;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker inside the head unit: the unit serves through it, a tuner with an account is answered, others are not let in. */
class EmbeddedBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aTunerWithAnAccountIsAnsweredAndOthersAreRefused() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        MessageIds ids = new MessageIds("tuner");
        try (EmbeddedBroker broker = EmbeddedBroker.start(port, null, Map.of("test-unit", "unit secret",
                "tuner", "tuner secret"));
             RemoteRig rig = new RemoteRig(dir)) {
            rig.link.serveMqtt(new BrokerLogin(broker.uri(), "test-unit", "unit secret"), "test-unit");
            rig.link.start();
            Await.until(() -> rig.link.mqtt().isConnected(), "unit connected to the embedded broker", TIMEOUT);
            try (MqttUnitClient tuner = new MqttUnitClient(new BrokerLogin(broker.uri(), "tuner", "tuner secret"),
                    "test-unit", "tuner", new MqttUnitClient.Listener() { })) {
                tuner.connect();
                Reply.State state = assertInstanceOf(Reply.State.class, tuner.request(Envelope.of(ids.next(),
                        System.currentTimeMillis(), new Command.GetState()), TIMEOUT).body());
                assertEquals("driver", state.activeProfile());
                assertInstanceOf(Reply.Ack.class, tuner.request(Envelope.of(ids.next(), System.currentTimeMillis(),
                        new Command.SelectProfile("night")), TIMEOUT).body());
                assertEquals("Night", rig.service.playing());
            }
            try (MqttUnitClient intruder = new MqttUnitClient(new BrokerLogin(broker.uri(), "tuner", "guess"),
                    "test-unit", "intruder", new MqttUnitClient.Listener() { })) {
                assertThrows(MqttException.class, intruder::connect);
            }
        }
    }

    @Test
    void refusesToRunWithoutAccounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.start(1883, null, Map.of()));
        assertEquals("accounts is empty: a broker without accounts would let anyone in", e.getMessage());
    }

}
