package org.cabintune.link.mqtt;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * One end's connection to the broker, kept up by a reconnect loop of its own: when the
 * connection is lost, the Paho client is closed for good and a fresh one connects, retrying
 * after 100 ms and backing off (with jitter) to at most {@link Connections#MAX_RECONNECT_DELAY_S}.
 *
 * <p>Why not Paho's automatic reconnect: with Paho MQTT v5 1.2.5 it stopped reconnecting after
 * a few broker restarts ("Connect already in progress", 32110) and its abandoned clients kept
 * their threads. A fresh client per connection, closed when the connection ends, holds the
 * thread count flat ({@code BrokerRestartTest}: 20 restarts).
 */
final class Session implements AutoCloseable {

    /** What the owner does with a connection. */
    interface Handler {

        /** A connection was just made: subscribe and announce. Runs before anything else uses it. */
        void connected(MqttAsyncClient client) throws MqttException;

        /** A message arrived, on Paho's callback thread. */
        void messageArrived(String topic, MqttMessage message);
    }

    private static final long FIRST_RETRY_MS = 100;

    private final BrokerLogin broker;
    private final String clientId;
    private final MqttConnectionOptions options;
    private final Handler handler;
    private final Semaphore lost = new Semaphore(0);
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile MqttAsyncClient client;
    /** The current client has connected and its owner has subscribed: ready for traffic. */
    private volatile boolean established;
    private volatile boolean closed;
    private Thread reconnector;

    Session(BrokerLogin broker, String clientId, MqttConnectionOptions options, Handler handler) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.options = Objects.requireNonNull(options, "options");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Connects once, waiting at most the connect timeout; from then on the loop keeps it connected. */
    synchronized void connect() throws MqttException {
        if (reconnector != null) {
            throw new IllegalStateException("already connected once; the session reconnects by itself");
        }
        open();
        reconnector = Thread.ofPlatform().name("mqtt reconnect " + clientId).daemon().start(this::reconnectLoop);
    }

    /** Connected, and subscribed by the owner's {@link Handler#connected}. */
    boolean isConnected() {
        MqttAsyncClient current = client;
        return established && current != null && current.isConnected();
    }

    /** Connections made, the first one included. */
    long connects() {
        return connects.get();
    }

    /** Broker errors Paho reported. */
    long errors() {
        return errors.get();
    }

    /** Publishes on the current connection; fails when there is none right now. */
    void publish(String topic, MqttMessage message) throws MqttException {
        MqttAsyncClient current = client;
        if (current == null) {
            throw new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }
        current.publish(topic, message);
    }

    /** Stops reconnecting and disconnects in order (no last will). */
    @Override
    public void close() {
        MqttAsyncClient last = stop();
        if (last != null) {
            try {
                if (last.isConnected()) {
                    last.disconnect().waitForCompletion(2000);
                }
            } catch (MqttException e) {
                // The connection is going anyway; dispose closes what is left.
            }
            dispose(last);
        }
    }

    /** Stops reconnecting and drops the connection without a goodbye, as a power cut does. */
    void abandon() {
        dispose(stop());
    }

    private MqttAsyncClient stop() {
        closed = true;
        Thread loop;
        synchronized (this) {
            loop = reconnector;
        }
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(Connections.CONNECT_TIMEOUT_S * 2000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MqttAsyncClient last = client;
        client = null;
        return last;
    }

    private void open() throws MqttException {
        MqttAsyncClient fresh = Connections.client(broker, clientId);
        fresh.setCallback(new Callback(fresh));
        // Current before it connects, so a loss right after connecting is not missed.
        established = false;
        client = fresh;
        try {
            fresh.connect(options).waitForCompletion(Connections.CONNECT_TIMEOUT_S * 1000L);
            handler.connected(fresh);
            connects.incrementAndGet();
            established = true;
        } catch (MqttException | RuntimeException e) {
            client = null;
            dispose(fresh);
            throw e;
        }
    }

    private void reconnectLoop() {
        try {
            while (!closed) {
                lost.acquire();
                lost.drainPermits();
                dispose(client);
                client = null;
                long delay = FIRST_RETRY_MS;
                while (!closed) {
                    try {
                        open();
                        // Losses signalled while connecting were about the clients just replaced.
                        lost.drainPermits();
                        if (!isConnected()) {
                            lost.release();
                        }
                        break;
                    } catch (MqttException e) {
                        // Jitter keeps a fleet of units from hitting a restarted broker in step.
                        Thread.sleep(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
                        delay = Math.min(delay * 2, Connections.MAX_RECONNECT_DELAY_S * 1000L);
                    }
                }
            }
        } catch (InterruptedException e) {
            // close() or abandon(): stop.
        }
    }

    /** Ends a client for good, whatever state it is in, so none of its threads outlive it. */
    private static void dispose(MqttAsyncClient old) {
        if (old == null) {
            return;
        }
        try {
            if (old.isConnected()) {
                old.disconnectForcibly(0, 100, false);
            }
        } catch (MqttException e) {
            // Lost meanwhile: nothing to drop.
        }
        try {
            old.close(true);
        } catch (MqttException e) {
            // Closing is best effort; the client is unreachable from here on.
        }
    }

    private final class Callback extends CallbackAdapter {

        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (owner == client) {
                lost.release();
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            errors.incrementAndGet();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            handler.messageArrived(topic, message);
        }
    }
}
