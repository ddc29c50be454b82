package org.cabintune.link.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** The Paho settings both ends share. */
final class Connections {

    /** Seconds to wait for the broker's answer to a connect. */
    static final int CONNECT_TIMEOUT_S = 5;
    /** Reconnecting ({@link Session}) backs off to at most this many seconds between tries. */
    static final int MAX_RECONNECT_DELAY_S = 8;
    /** Keep-alive, s: a dead connection is noticed (and the will published) within 1.5 times this. */
    static final int KEEP_ALIVE_S = 10;

    private Connections() {
    }

    /** A client kept in memory only: a head unit's flash is not for message stores. */
    static MqttAsyncClient client(BrokerLogin broker, String clientId) throws MqttException {
        return new MqttAsyncClient(broker.uri(), clientId, new MemoryPersistence());
    }

    /**
     * Logged in, a fresh session each time (subscriptions are renewed on connect). Paho's own
     * automatic reconnect is off: {@link Session} reconnects with a fresh client.
     */
    static MqttConnectionOptions options(BrokerLogin broker) throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (broker.caFile() != null) {
            try {
                options.setSocketFactory(CarCa.socketFactory(broker.caFile()));
            } catch (IOException e) {
                throw new MqttException(MqttClientException.REASON_CODE_SSL_CONFIG_ERROR, e);
            }
        }
        options.setUserName(broker.username());
        options.setPassword(broker.password().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
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
