package org.cabintune.link.mqtt;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** The Paho settings both ends share. */
final class Connections {

    /** Seconds to wait for the broker's answer to a connect. */
    static final int CONNECT_TIMEOUT_S = 5;
    /** Reconnecting starts after 1 s and backs off to at most this many seconds. */
    static final int MAX_RECONNECT_DELAY_S = 8;
    /** Keep-alive, s: a dead connection is noticed (and the will published) within 1.5 times this. */
    static final int KEEP_ALIVE_S = 10;

    private Connections() {
    }

    /** A client kept in memory only: a head unit's flash is not for message stores. */
    static MqttAsyncClient client(BrokerLogin broker, String clientId) throws MqttException {
        return new MqttAsyncClient(broker.uri(), clientId, new MemoryPersistence());
    }

    /** Logged in, reconnecting by itself, a fresh session each time (subscriptions are renewed on connect). */
    static MqttConnectionOptions options(BrokerLogin broker) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(broker.username());
        options.setPassword(broker.password().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, MAX_RECONNECT_DELAY_S);
        options.setConnectionTimeout(CONNECT_TIMEOUT_S);
        options.setKeepAliveInterval(KEEP_ALIVE_S);
        return options;
    }

    static MqttMessage message(byte[] payload, int qos, boolean retained) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        message.setRetained(retained);
        return message;
    }
}
