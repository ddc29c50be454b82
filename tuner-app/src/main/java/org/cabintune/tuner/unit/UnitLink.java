package org.cabintune.tuner.unit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.cabintune.link.mqtt.MqttUnitClient;
import org.cabintune.link.mqtt.Topics;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.link.serial.SerialClient;
import org.cabintune.link.serial.SerialLink;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * One conversation with one head unit, over MQTT or the serial cable: sends a command (signed
 * when a key is given), waits for its reply, and turns every way it can go wrong into a
 * {@link Failure} that says what happened: the unit's error code and message, what was waited
 * for when nothing came, or why the connection could not be made.
 */
public final class UnitLink implements AutoCloseable {

    private final String unit;
    private final String via;
    private final Duration timeout;
    private final MqttUnitClient mqtt;
    private final SerialClient serial;
    private final MessageIds ids = new MessageIds("tuner");
    private final Object requests = new Object();

    private UnitLink(String unit, String via, Duration timeout, MqttUnitClient mqtt, SerialClient serial) {
        this.unit = unit;
        this.via = via;
        this.timeout = timeout;
        this.mqtt = mqtt;
        this.serial = serial;
    }

    /**
     * Connects to the unit.
     *
     * @param unitId      required over MQTT (it names the topics); over serial null means
     *                    whichever unit is on the cable
     * @param unsolicited gets what the unit sends unasked: state, events, meters
     */
    public static UnitLink open(LinkOptions options, String unitId, Consumer<Envelope> unsolicited) {
        Duration timeout = options.timeout();
        String name = unitId == null ? "on the cable" : unitId;
        if (options.isMqtt()) {
            if (unitId == null) {
                throw new Failure("--unit is required with --mqtt; ./cabintune units --mqtt URL lists the units");
            }
            MqttUnitClient client;
            try {
                new Topics(unitId);
                client = new MqttUnitClient(options.login(), unitId, LinkOptions.clientId(), new MqttUnitClient.Listener() {
                    @Override
                    public void message(Envelope message) {
                        unsolicited.accept(message);
                    }
                });
            } catch (IllegalArgumentException e) {
                throw new Failure("--unit: " + e.getMessage(), e);
            } catch (MqttException e) {
                throw new Failure("cannot use broker " + options.login().uri() + ": " + e.getMessage(), e);
            }
            try {
                client.connect();
            } catch (MqttException e) {
                closeQuietly(client);
                throw new Failure(connectFailure(options, e), e);
            }
            return new UnitLink(name, options.describe(), timeout, client, null);
        }
        String[] lastProblem = {"it did not open"};
        SerialClient client = new SerialClient(options.serialPort(), options.baud(), unsolicited, new SerialLink.Events() {
            @Override
            public void disconnected(String path, String reason) {
                lastProblem[0] = reason;
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!client.link().isOpen()) {
            if (System.nanoTime() > deadline) {
                client.close();
                throw new Failure("serial port " + options.serialPort() + " did not open within "
                        + seconds(timeout) + ": " + lastProblem[0]);
            }
            sleep(20);
        }
        return new UnitLink(name, options.describe(), timeout, null, client);
    }

    /** Sends an unsigned command (driver rights) and returns its reply, or fails. */
    public Reply ask(Command command) {
        return ask(command, (InstallerKey) null);
    }

    /**
     * Sends a command signed by {@code key} (installer rights) when it is not null. One request
     * at a time, whichever threads ask: signed requests must reach the unit in the order of their
     * counters, which it checks.
     */
    public Reply ask(Command command, InstallerKey key) {
        Envelope reply;
        try {
            synchronized (requests) {
                Envelope message = Envelope.of(ids.next(), System.currentTimeMillis(), command);
                if (key != null) {
                    message = key.sign(message);
                }
                reply = mqtt != null ? mqtt.request(message, timeout) : serial.request(message, timeout);
            }
        } catch (TimeoutException e) {
            throw new Failure("no reply from unit " + unit + " to " + command.type().word() + " within "
                    + seconds(timeout) + " " + via + "; is the unit on? (--timeout waits longer)", e);
        } catch (MqttException | IOException e) {
            throw new Failure("cannot send " + command.type().word() + " to unit " + unit + " " + via + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for unit " + unit, e);
        }
        if (reply.body() instanceof Reply.Error error) {
            throw new Failure("unit " + unit + " refused " + command.type().word() + ": " + error.code().word() + ": "
                    + error.message().replace('\n', ' '));
        }
        return (Reply) reply.body();
    }

    /** The reply to {@code command}, which must be of {@code type}. */
    public <T extends Reply> T ask(Command command, Class<T> type) {
        Reply reply = ask(command);
        if (!type.isInstance(reply)) {
            throw new Failure("unit " + unit + " answered " + command.type().word() + " with " + reply.type().word()
                    + ", not " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
        return type.cast(reply);
    }

    /** The unit's id, or "on the cable" for whichever unit is on it, for messages. */
    public String unit() {
        return unit;
    }

    /** Over what the unit is reached, for messages: {@code over MQTT tcp://...} or {@code over serial /dev/...}. */
    public String via() {
        return via;
    }

    @Override
    public void close() {
        if (mqtt != null) {
            closeQuietly(mqtt);
        } else {
            serial.close();
        }
    }

    private static void closeQuietly(MqttUnitClient client) {
        try {
            client.close();
        } catch (MqttException e) {
            // Leaving anyway: the broker drops the connection when the process ends.
        }
    }

    public static String connectFailure(LinkOptions options, MqttException e) {
        String reason = e.getReasonCode() == 134 || e.getReasonCode() == 135
                ? "the broker refused the login (check --user and --password-file or --credentials)"
                : e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "");
        return "cannot connect to broker " + options.login() + ": " + reason;
    }

    public static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", e);
        }
    }
}
