package org.cabintune.link.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.cabintune.link.client.PendingReplies;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageCodec;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The tuner's (or a phone's) end of MQTT 5 for one unit: sends commands to the unit's
 * {@code cmd} topic with a response topic of its own and the message id as correlation data,
 * waits for the matching reply, and follows the unit's state, events, meters and status.
 */
public final class MqttUnitClient implements AutoCloseable {

    /** What the unit publishes besides replies. Called on Paho's thread: return quickly. */
    public interface Listener {

        /** A retained or fresh {@code state}, an event, or a meter snapshot. */
        default void message(Envelope message) {
        }

        /** {@code online} or {@code offline}. */
        default void status(String status) {
        }
    }

    private final Topics topics;
    private final String replyTopic;
    private final Listener listener;
    private final PendingReplies pending;
    private final Session session;

    /**
     * @param clientId lower-case words joined by hyphens, unique among the unit's clients; it
     *                 names the client's reply topic
     */
    public MqttUnitClient(BrokerLogin broker, String unitId, String clientId, Listener listener) throws MqttException {
        this.topics = new Topics(unitId);
        this.replyTopic = topics.replies(clientId);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.pending = new PendingReplies(listener::message);
        this.session = new Session(broker, "cabintune-" + clientId, Connections.options(broker), new Handler());
    }

    /** Connects and subscribes, waiting at most the connect timeout; from then on it reconnects by itself. */
    public void connect() throws MqttException {
        session.connect();
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    /**
     * Sends a command and waits for its reply. Sending the same message again after a timeout
     * is safe: the unit applies one id once and answers a repeat with the first reply.
     */
    public Envelope request(Envelope command, Duration timeout)
            throws MqttException, TimeoutException, InterruptedException {
        CompletableFuture<Envelope> reply = pending.expect(command.id());
        try {
            MqttProperties properties = new MqttProperties();
            properties.setResponseTopic(replyTopic);
            properties.setCorrelationData(command.id().getBytes(StandardCharsets.UTF_8));
            MqttMessage message = Connections.message(MessageCodec.encode(command), MqttServer.QOS_RELIABLE, false);
            message.setProperties(properties);
            session.publish(topics.cmd(), message);
            return PendingReplies.await(reply, timeout);
        } finally {
            pending.forget(command.id());
        }
    }

    /** Messages from the unit that did not decode. */
    public long undecodable() {
        return pending.undecodable();
    }

    /**
     * Disconnects in order and stops reconnecting. It no longer throws; the clause stays so
     * callers that catch it still compile.
     */
    @Override
    public void close() throws MqttException {
        session.close();
    }

    private final class Handler implements Session.Handler {

        @Override
        public void connected(MqttAsyncClient client) throws MqttException {
            client.subscribe(new String[] {replyTopic, topics.state(), topics.events(), topics.status(),
                    topics.meters()}, new int[] {MqttServer.QOS_RELIABLE, MqttServer.QOS_RELIABLE, MqttServer.QOS_RELIABLE,
                    MqttServer.QOS_RELIABLE, MqttServer.QOS_METERS}).waitForCompletion(Connections.CONNECT_TIMEOUT_S * 1000L);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.equals(topics.status())) {
                listener.status(new String(message.getPayload(), StandardCharsets.UTF_8));
            } else {
                // Replies complete their request; state, events and meters go to the listener.
                pending.received(message.getPayload());
            }
        }
    }
}
