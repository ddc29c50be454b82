package org.cabintune.link.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.command.RecordingPort;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.PresenceToken;
import org.cabintune.link.security.TestClock;
import org.cabintune.link.security.TrustStore;
import org.cabintune.link.testing.Await;
import org.cabintune.link.testing.ExternalProgram;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The car's broker as {@code link/mosquitto/make-car.sh} sets it up: a real Mosquitto with the
 * generated configuration (TLS with the car's CA, logins, the ACL) on 127.0.0.1. Clients that
 * should get in do, over TLS; anonymous clients and head units reaching for another unit's
 * topics are stopped by the broker.
 */
class CarBrokerTest {

    @TempDir
    static Path dir;
    private static Path car;
    private static int port;
    private static final ExternalProgram MOSQUITTO = new ExternalProgram("mosquitto");

    @BeforeAll
    static void makeAndStartTheCarsBroker() throws Exception {
        assumeTrue(Mosquitto.available() && ExternalProgram.available("openssl", "version"),
                "mosquitto, mosquitto_passwd or openssl is not installed; the car broker test is skipped");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        car = dir.resolve("car");
        Process make = new ProcessBuilder("bash", Samples.repoFile("link/mosquitto/make-car.sh").toString(), "--out",
                car.toString(), "--unit", "car-1", "--unit", "car-2", "--tuner", "tuner", "--phone", "phone",
                "--host", "localhost", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--run-as", System.getProperty("user.name")).redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(make.waitFor(60, TimeUnit.SECONDS) && make.exitValue() == 0, output);
        MOSQUITTO.start(new ProcessBuilder("mosquitto", "-c", car.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()),
                CarBrokerTest::accepts, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopTheBroker() throws Exception {
        MOSQUITTO.stop();
    }

    @Test
    void aUnitAndATunerTalkOverTlsWithTheCarsCa() throws Exception {
        RecordingPort port = new RecordingPort(Samples.profile("stereo-fullrange"));
        try (MqttServer unit = unit("car-1", port);
             MqttUnitClient tuner = new MqttUnitClient(login("tuner"), "car-1", "tuner-1", new MqttUnitClient.Listener() { })) {
            tuner.connect();
            Envelope reply = tuner.request(Envelope.of("tls-1", 0, new Command.SetVolume(-12)), Duration.ofSeconds(5));
            assertInstanceOf(Reply.Ack.class, reply.body());
            assertTrue(login("tuner").uri().startsWith("ssl://"));
        }
        assertTrue(port.calls().contains("setVolume -12.0"));
    }

    @Test
    void clientsWithoutALoginOrWithoutTheCaAreRefused() throws Exception {
        BrokerLogin tuner = login("tuner");
        MqttAsyncClient anonymous = Connections.client(tuner, "anonymous");
        MqttConnectionOptions noLogin = new MqttConnectionOptions();
        noLogin.setSocketFactory(CarCa.socketFactory(tuner.caFile()));
        assertThrows(MqttException.class, () -> anonymous.connect(noLogin).waitForCompletion(5000));
        anonymous.close(true);

        MqttUnitClient untrusting = new MqttUnitClient(new BrokerLogin(tuner.uri(), tuner.username(), tuner.password()),
                "car-1", "untrusting", new MqttUnitClient.Listener() { });
        MqttException handshake = assertThrows(MqttException.class, untrusting::connect,
                "the JDK's own CAs do not know the car's CA");
        untrusting.close();
        assertTrue(handshake.getCause() instanceof javax.net.ssl.SSLException, () -> String.valueOf(handshake.getCause()));
    }

    @Test
    void aUnitCannotPublishOnAnotherUnitsTopicsNorReadItsCommands() throws Exception {
        RecordingPort victimPort = new RecordingPort(Samples.profile("stereo-fullrange"));
        CopyOnWriteArrayList<Envelope> seen = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<String> overheard = new CopyOnWriteArrayList<>();
        try (MqttServer victim = unit("car-1", victimPort);
             MqttUnitClient watcher = new MqttUnitClient(login("phone"), "car-1", "phone-1", new MqttUnitClient.Listener() {
                 @Override
                 public void message(Envelope message) {
                     seen.add(message);
                 }
             })) {
            watcher.connect();
            Await.until(() -> seen.stream().anyMatch(m -> m.body() instanceof Reply.State), "car-1's retained state",
                    Duration.ofSeconds(5));
            // car-2 logs in with its own account and tries car-1's topics.
            MqttAsyncClient intruder = Connections.client(login("car-2"), "intruder");
            intruder.setCallback(new CallbackAdapter() {
                @Override
                public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
                    overheard.add(topic);
                }
            });
            intruder.connect(Connections.options(login("car-2"))).waitForCompletion(5000);
            Topics target = new Topics("car-1");
            try {
                intruder.subscribe(target.cmd(), 1).waitForCompletion(5000);
            } catch (MqttException e) {
                // Refused outright is as good as a subscription that never delivers.
            }
            Reply.State forged = new Reply.State("forged", List.of(), 12, false, false, false, Samples.LIMITS);
            publishQuietly(intruder, target.state(), MessageCodec.encode(Envelope.of("forged-1", 0, forged)));
            publishQuietly(intruder, target.cmd(), MessageCodec.encode(Envelope.of("forged-2", 0, new Command.SetMute(true))));
            publishQuietly(intruder, target.events(), MessageCodec.encode(Envelope.of("forged-3", 0,
                    new org.cabintune.link.protocol.Event.Xrun(99))));
            // Then what car-1 and the phone may do: it arrives, so anything sent before it would have too.
            assertInstanceOf(Reply.Ack.class, watcher.request(Envelope.of("phone-1", 0, new Command.SetBypass(true)),
                    Duration.ofSeconds(5)).body());
            victim.publishEvent(new org.cabintune.link.protocol.Event.Xrun(1));
            Await.until(() -> seen.stream().anyMatch(m -> m.body() instanceof org.cabintune.link.protocol.Event.Xrun x
                    && x.total() == 1), "car-1's own event", Duration.ofSeconds(5));
            intruder.disconnect().waitForCompletion(2000);
            intruder.close();
        }
        assertTrue(seen.stream().noneMatch(m -> m.id().startsWith("forged")), () -> "forged messages arrived: " + seen);
        assertTrue(victimPort.calls().stream().noneMatch(c -> c.startsWith("setMute")), () -> victimPort.calls().toString());
        assertTrue(victimPort.calls().contains("setBypass true"));
        assertEquals(List.of(), overheard, "car-2 must not read car-1's commands");
    }

    private static void publishQuietly(MqttAsyncClient client, String topic, byte[] payload) {
        try {
            client.publish(topic, Connections.message(payload, 1, false)).waitForCompletion(5000);
        } catch (MqttException e) {
            // Mosquitto may answer a refused publish with an error reason: refused either way.
        }
    }

    private MqttServer unit(String unitId, RecordingPort port) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
        CommandDispatcher dispatcher = new CommandDispatcher(port, TrustStore.open(dir.resolve(unitId + "-trust.json"),
                clock), clock, CommandDispatcher.DEFAULT_REMEMBERED_IDS);
        MqttServer unit = new MqttServer(login(unitId), unitId, dispatcher, port::state, PresenceToken.NONE);
        unit.start();
        return unit;
    }

    /** The login make-car.sh wrote for {@code name}, over TLS on 127.0.0.1. */
    private static BrokerLogin login(String name) throws IOException {
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(car.resolve("credentials/" + name + ".properties"))) {
            credentials.load(in);
        }
        return new BrokerLogin("ssl://127.0.0.1:" + port, credentials.getProperty("user"),
                credentials.getProperty("password"), Path.of(credentials.getProperty("cafile")));
    }

    private static boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
