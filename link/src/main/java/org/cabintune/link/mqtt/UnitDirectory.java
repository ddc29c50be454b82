package org.cabintune.link.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.ProtocolException;
import org.cabintune.link.protocol.Reply;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The head units a broker knows of, from their retained {@code status} and {@code state}
 * topics: subscribing to {@code cabintune/v1/+/status} and {@code .../+/state} brings every
 * unit that ever connected at once, online or not, with its latest state.
 */
public final class UnitDirectory implements AutoCloseable {

    /**
     * One unit as the broker keeps it.
     *
     * @param unitId the id in its topics
     * @param status {@link Topics#ONLINE}, {@link Topics#OFFLINE}, or null when none was retained
     * @param state  its latest state, or null when none was retained (or it did not decode)
     */
    public record Unit(String unitId, String status, Reply.State state) {
    }

    private final Session session;
    private final Map<String, Unit> units = new TreeMap<>();

    /** @param clientId lower-case words joined by hyphens, unique on the broker */
    public UnitDirectory(BrokerLogin broker, String clientId) throws MqttException {
        Objects.requireNonNull(clientId, "clientId");
        this.session = new Session(broker, "cabintune-" + clientId, Connections.options(broker), new Handler());
    }

    /** Connects and subscribes; retained messages start arriving at once. */
    public void connect() throws MqttException {
        session.connect();
    }

    /** The units seen so far, in the order of their ids. */
    public synchronized List<Unit> units() {
        return List.copyOf(units.values());
    }

    @Override
    public void close() {
        session.close();
    }

    private synchronized void seen(String unitId, String status, Reply.State state) {
        Unit old = units.get(unitId);
        units.put(unitId, new Unit(unitId, status != null ? status : old == null ? null : old.status(),
                state != null ? state : old == null ? null : old.state()));
    }

    private final class Handler implements Session.Handler {

        @Override
        public void connected(MqttAsyncClient client) throws MqttException {
            client.subscribe(new String[] {Topics.ROOT + "+/status", Topics.ROOT + "+/state"},
                    new int[] {MqttServer.QOS_RELIABLE, MqttServer.QOS_RELIABLE})
                    .waitForCompletion(Connections.CONNECT_TIMEOUT_S * 1000L);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            String[] levels = topic.substring(Topics.ROOT.length()).split("/");
            if (levels.length != 2 || message.getPayload().length == 0) {
                return;
            }
            if (levels[1].equals("status")) {
                seen(levels[0], new String(message.getPayload(), StandardCharsets.UTF_8), null);
            } else {
                try {
                    Envelope envelope = MessageCodec.decode(message.getPayload()).envelope();
                    if (envelope.body() instanceof Reply.State state) {
                        seen(levels[0], null, state);
                    }
                } catch (ProtocolException e) {
                    // A state that does not decode is shown as no state.
                    seen(levels[0], null, null);
                }
            }
        }
    }
}
