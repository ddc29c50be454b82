package org.cabintune.link.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.command.RecordingPort;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.Event;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.PresenceToken;
import org.cabintune.link.security.TestClock;
import org.cabintune.link.security.TrustStore;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.cabintune.link.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT transport against a real Mosquitto on 127.0.0.1. One broker serves the class; each
 * test has a unit of its own id, so retained messages of one test never reach another.
 */
class MqttTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final AtomicInteger UNITS = new AtomicInteger();

    @TempDir
    static Path brokerDir;
    private static Mosquitto broker;

    @TempDir
    Path dir;

    private final String unitId = "car-" + UNITS.incrementAndGet();
    private RecordingPort port;
    private MqttServer unit;
    private MqttUnitClient tuner;
    private final MessageIds ids = new MessageIds("tuner");
    private final CopyOnWriteArrayList<Envelope> seen = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<String> statuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed (apt-get install mosquitto); MQTT tests skipped");
        broker = new Mosquitto(brokerDir).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @BeforeEach
    void unitAndTuner() throws Exception {
        port = new RecordingPort(Samples.profile("stereo-fullrange"));
        TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
        CommandDispatcher dispatcher = new CommandDispatcher(port, TrustStore.open(dir.resolve("trust.json"), clock),
                clock, CommandDispatcher.DEFAULT_REMEMBERED_IDS);
        unit = new MqttServer(broker.login(), unitId, dispatcher, port::state, PresenceToken.NONE);
        unit.start();
        tuner = new MqttUnitClient(broker.login(), unitId, "tuner-1", keeping(seen, statuses));
        tuner.connect();
        waitFor(() -> statuses.contains(Topics.ONLINE), "the tuner to see the unit online");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tuner != null) {
            tuner.close();
        }
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    void aCommandGetsItsReplyOnTheResponseTopic() throws Exception {
        assertInstanceOf(Reply.Ack.class, request(new Command.SetVolume(-9)).body());
        Reply.State state = (Reply.State) request(new Command.GetState()).body();
        assertEquals(-9, state.volumeDb());
        assertEquals(List.of("state", "setVolume -9.0", "state"), port.calls().subList(0, 3));
        Reply.Error unsigned = (Reply.Error) request(new Command.DeleteProfile("initial")).body();
        assertEquals(ErrorCode.SIGNATURE_REQUIRED, unsigned.code(), "installer commands need their signature here too");
    }

    @Test
    void stateAndStatusAreRetainedForClientsThatComeLater() throws Exception {
        assertInstanceOf(Reply.Ack.class, request(new Command.SetMute(true)).body());
        CopyOnWriteArrayList<Envelope> lateSeen = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<String> lateStatus = new CopyOnWriteArrayList<>();
        waitFor(() -> seen.stream().anyMatch(MqttTransportTest::isMutedState), "the state after set-mute");
        try (MqttUnitClient late = new MqttUnitClient(broker.login(), unitId, "phone", keeping(lateSeen, lateStatus))) {
            late.connect();
            waitFor(() -> lateSeen.stream().anyMatch(MqttTransportTest::isMutedState) && lateStatus.contains(Topics.ONLINE),
                    "the retained state and status");
        }
    }

    @Test
    void theLastWillMarksAUnitThatVanishedOffline() throws Exception {
        unit.abandon();
        unit = null;
        waitFor(() -> Topics.OFFLINE.equals(statuses.getLast()), "the broker to publish the unit's will");
    }

    @Test
    void anOrderlyShutdownSaysOfflineToo() throws Exception {
        unit.close();
        unit = null;
        waitFor(() -> Topics.OFFLINE.equals(statuses.getLast()), "the unit's goodbye");
    }

    @Test
    void aCommandDeliveredTwiceIsAppliedOnceAndAnsweredAlike() throws Exception {
        CopyOnWriteArrayList<MqttMessage> replies = new CopyOnWriteArrayList<>();
        MqttAsyncClient raw = Connections.client(broker.login(), "raw-client");
        raw.setCallback(new Collect(replies));
        raw.connect(Connections.options(broker.login())).waitForCompletion(5000);
        String replyTopic = new Topics(unitId).replies("raw-client");
        raw.subscribe(replyTopic, 1).waitForCompletion(5000);
        byte[] command = MessageCodec.encode(Envelope.of("dup-1", 0, new Command.SetBypass(true)));
        for (int i = 0; i < 2; i++) {
            MqttProperties properties = new MqttProperties();
            properties.setResponseTopic(replyTopic);
            properties.setCorrelationData(("corr-" + i).getBytes(StandardCharsets.UTF_8));
            MqttMessage message = Connections.message(command, 1, false);
            message.setProperties(properties);
            raw.publish(new Topics(unitId).cmd(), message).waitForCompletion(5000);
        }
        waitFor(() -> replies.size() == 2, "two replies");
        assertEquals(new String(replies.get(0).getPayload(), StandardCharsets.UTF_8),
                new String(replies.get(1).getPayload(), StandardCharsets.UTF_8));
        assertEquals("corr-0", new String(replies.get(0).getProperties().getCorrelationData(), StandardCharsets.UTF_8));
        assertEquals("corr-1", new String(replies.get(1).getProperties().getCorrelationData(), StandardCharsets.UTF_8));
        assertEquals(1, port.calls().stream().filter(c -> c.equals("setBypass true")).count());

        // Without a response topic the command is still applied; its reply has nowhere to go.
        raw.publish(new Topics(unitId).cmd(), Connections.message(MessageCodec.encode(
                Envelope.of("no-reply-1", 0, new Command.SetBypass(false))), 1, false)).waitForCompletion(5000);
        waitFor(() -> unit.unanswerable() == 1, "the unit to count the unanswerable command");
        assertTrue(port.calls().contains("setBypass false"));
        raw.disconnect().waitForCompletion(2000);
        raw.close();
    }

    @Test
    void eventsAndMetersReachTheClient() throws Exception {
        unit.publishEvent(new Event.Xrun(3));
        unit.publishMeters(new Reply.Meters(7, List.of(new Reply.Level(-6, -18))));
        waitFor(() -> seen.stream().anyMatch(m -> m.body() instanceof Event.Xrun x && x.total() == 3)
                && seen.stream().anyMatch(m -> m.body() instanceof Reply.Meters meters && meters.sequence() == 7),
                "the event and the meters");
    }

    @Test
    void theBrokerRefusesClientsWithoutALogin() throws Exception {
        MqttUnitClient stranger = new MqttUnitClient(broker.login(Mosquitto.USER, "wrong"), unitId, "stranger",
                new MqttUnitClient.Listener() { });
        assertThrows(MqttException.class, stranger::connect);
        stranger.close();
    }

    @Test
    void bothEndsComeBackAfterTheBrokerRestarts() throws Exception {
        broker.stop();
        waitFor(() -> !unit.isConnected() && !tuner.isConnected(), "both ends to lose the broker");
        statuses.clear();
        broker.start();
        waitFor(() -> unit.isConnected() && tuner.isConnected(), "both ends to reconnect");
        assertEquals(2, unit.connects());
        waitFor(() -> statuses.contains(Topics.ONLINE), "the unit to say online again");
        assertInstanceOf(Reply.Ack.class, request(new Command.SetMute(false)).body());
    }

    private Envelope request(Command command) throws Exception {
        Envelope reply = tuner.request(Envelope.of(ids.next(), System.currentTimeMillis(), command), TIMEOUT);
        assertNotNull(reply.re());
        return reply;
    }

    private static boolean isMutedState(Envelope message) {
        return message.body() instanceof Reply.State state && state.muted();
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what, Duration.ofSeconds(20));
    }

    /** Keeps every message a raw Paho client gets. */
    private static final class Collect extends CallbackAdapter {
        private final List<MqttMessage> into;

        Collect(List<MqttMessage> into) {
            this.into = into;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            into.add(message);
        }
    }

    /** A client listener that keeps what the unit publishes and each status it sees. */
    private static MqttUnitClient.Listener keeping(List<Envelope> messages, List<String> statuses) {
        return new MqttUnitClient.Listener() {
            @Override
            public void message(Envelope message) {
                messages.add(message);
            }

            @Override
            public void status(String status) {
                statuses.add(status);
            }
        };
    }
}
