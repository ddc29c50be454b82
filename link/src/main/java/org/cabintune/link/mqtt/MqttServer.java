package org.cabintune.link.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.cabintune.link.command.Caller;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.protocol.Body;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Event;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.security.PresenceToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The head unit's end of MQTT 5 (Eclipse Paho): takes commands from its {@code cmd} topic,
 * hands them to the {@link CommandDispatcher} one at a time, and publishes each reply to the
 * command's response topic with its correlation data. Keeps {@code status} retained as
 * {@code online} (the last will says {@code offline}), republishes the retained {@code state}
 * after every acknowledged command, and publishes events and meters for the unit. Reconnects
 * by itself and renews its subscription and status when it does.
 *
 * <p>Commands are handled on one thread of its own, not Paho's callback thread, so a slow
 * command (a profile compile) never holds up the connection's acknowledgements.
 */
public final class MqttServer implements AutoCloseable {

    /** QoS of commands, replies, state, events and status. */
    static final int QOS_RELIABLE = 1;
    /** Meters are replaced by the next snapshot; losing one does not matter. */
    static final int QOS_METERS = 0;

    private final BrokerLogin broker;
    private final Topics topics;
    private final CommandDispatcher dispatcher;
    private final Supplier<Reply.State> state;
    private final Caller caller;
    private final Session session;
    private final ExecutorService commands;
    private final AtomicLong unanswerable = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final MessageIds ids = new MessageIds("unit");

    /**
     * @param broker     where to connect and how to log in
     * @param unitId     the id in the unit's topics
     * @param dispatcher handles every command
     * @param state      the unit's current state, published retained after each acknowledged command
     * @param presence   the pairing window the unit's button opens; network clients have no other presence
     */
    public MqttServer(BrokerLogin broker, String unitId, CommandDispatcher dispatcher, Supplier<Reply.State> state,
                      PresenceToken presence) throws MqttException {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.topics = new Topics(unitId);
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.state = Objects.requireNonNull(state, "state");
        // The broker refuses clients without a login, so whatever arrives on cmd is authenticated.
        this.caller = new Caller("mqtt " + broker.uri(), true, presence);
        this.commands = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("mqtt commands " + unitId)
                .daemon().unstarted(r));
        MqttConnectionOptions options = Connections.options(broker);
        options.setWill(topics.status(), Connections.message(Topics.OFFLINE.getBytes(StandardCharsets.UTF_8),
                QOS_RELIABLE, true));
        this.session = new Session(broker, "cabintune-unit-" + unitId, options, new Handler());
    }

    /** Connects (waiting at most the connect timeout); from then on it stays connected by itself. */
    public void start() throws MqttException {
        session.connect();
    }

    public Topics topics() {
        return topics;
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    /** Times a connection was made, the first one included. */
    public long connects() {
        return session.connects();
    }

    /** Commands that came without a response topic, so their replies had nowhere to go. */
    public long unanswerable() {
        return unanswerable.get();
    }

    /** Publishes that failed because the connection was down, or broker errors Paho reported. */
    public long publishFailures() {
        return publishFailures.get() + session.errors();
    }

    /** Publishes the unit's state, retained. */
    public void publishState(Reply.State current) {
        publish(topics.state(), current, QOS_RELIABLE, true);
    }

    /** Publishes an event. */
    public void publishEvent(Event event) {
        publish(topics.events(), event, QOS_RELIABLE, false);
    }

    /** Publishes one meter snapshot of a running stream. */
    public void publishMeters(Reply.Meters meters) {
        publish(topics.meters(), meters, QOS_METERS, false);
    }

    /** Says {@code offline} (retained), then disconnects: an orderly shutdown. */
    @Override
    public void close() throws MqttException {
        commands.shutdown();
        try {
            commands.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (session.isConnected()) {
            try {
                session.publish(topics.status(), Connections.message(Topics.OFFLINE.getBytes(StandardCharsets.UTF_8),
                        QOS_RELIABLE, true));
            } catch (MqttException e) {
                // Lost just now: the broker publishes the will instead.
            }
        }
        session.close();
    }

    /** Drops the connection without a goodbye, as a power cut does: the broker then publishes the will. */
    void abandon() {
        commands.shutdownNow();
        session.abandon();
    }

    private void handle(MqttMessage message) {
        MqttProperties properties = message.getProperties();
        String responseTopic = properties == null ? null : properties.getResponseTopic();
        Envelope reply = dispatcher.reply(message.getPayload(), caller);
        if (responseTopic == null || responseTopic.isEmpty()) {
            unanswerable.incrementAndGet();
        } else {
            MqttProperties replyProperties = new MqttProperties();
            replyProperties.setCorrelationData(properties.getCorrelationData());
            MqttMessage out = Connections.message(MessageCodec.encode(reply), QOS_RELIABLE, false);
            out.setProperties(replyProperties);
            publish(responseTopic, out);
        }
        if (reply.body() instanceof Reply.Ack) {
            publishState(state.get());
        }
    }

    private void publish(String topic, Body body, int qos, boolean retained) {
        publish(topic, Connections.message(MessageCodec.encode(envelope(body)), qos, retained));
    }

    private void publish(String topic, MqttMessage message) {
        try {
            session.publish(topic, message);
        } catch (MqttException e) {
            // Not connected right now: state and status are published again on reconnect.
            publishFailures.incrementAndGet();
        }
    }

    private Envelope envelope(Body body) {
        return Envelope.of(ids.next(), System.currentTimeMillis(), body);
    }

    private final class Handler implements Session.Handler {

        @Override
        public void connected(MqttAsyncClient client) throws MqttException {
            client.subscribe(topics.cmd(), QOS_RELIABLE).waitForCompletion(Connections.CONNECT_TIMEOUT_S * 1000L);
            publish(topics.status(), Connections.message(Topics.ONLINE.getBytes(StandardCharsets.UTF_8),
                    QOS_RELIABLE, true));
            publishState(state.get());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.equals(topics.cmd())) {
                commands.execute(() -> handle(message));
            }
        }
    }
}
