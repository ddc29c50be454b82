package org.cabintune.hu.remote;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cabintune.hu.engine.EngineStats;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.mqtt.BrokerLogin;
import org.cabintune.link.mqtt.MqttServer;
import org.cabintune.link.protocol.Body;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Event;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.security.PresenceWindow;
import org.cabintune.link.security.TrustStore;
import org.cabintune.link.serial.FrameError;
import org.cabintune.link.serial.SerialLink;
import org.cabintune.link.serial.SerialServer;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The head unit's link: one {@link CommandDispatcher} in front of the {@link HeadUnitRemote},
 * reached over MQTT, the serial cable, or both; and one watcher thread that publishes what the
 * unit says unasked: {@code profile-changed} (whoever changed it: a button, a command, the
 * start), {@code xrun} when the stream's count rises, {@code fault} once when the stream fails,
 * and the meter stream at the interval a client asked for.
 *
 * <p>The audio never waits for the link: everything here runs on the transports' threads and
 * this watcher, which read the engine's lock-free statistics. A broker that cannot be reached at
 * start is tried again every {@link #RETRY_S} s (after the first connection Paho reconnects by
 * itself); a serial port that goes away is reopened by its {@link SerialLink}. Failures are
 * logged, one line each, never thrown at the audio.
 */
public final class UnitLink implements AutoCloseable {

    /** How often the watcher looks at the engine, ms: fine enough for the fastest meter stream. */
    static final int TICK_MS = 50;
    /** Seconds between tries to reach a broker that was down at start. */
    static final int RETRY_S = 5;

    private final HeadUnitRemote unit;
    private final CommandDispatcher dispatcher;
    private final PresenceWindow presence;
    private final PrintStream log;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cabintune-link");
        t.setDaemon(true);
        return t;
    });
    private final Supplier<EngineStats> stats;
    private final MessageIds ids = new MessageIds("unit");
    private final List<AutoCloseable> closing = new ArrayList<>();
    private volatile MqttServer mqtt;
    private volatile SerialServer serial;
    private String lastProfile;
    private long lastXruns;
    private boolean faultSent;
    private long lastMetersNanos;

    /**
     * @param unit       the head unit
     * @param trustStore the trusted installer keys' file (made, with its directory, when absent)
     * @param stats      the engine's counters
     * @param log        where transport failures are told, one line each
     */
    public UnitLink(HeadUnitRemote unit, Path trustStore, Supplier<EngineStats> stats,
                    PrintStream log) throws IOException {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.log = Objects.requireNonNull(log, "log");
        Clock clock = Clock.systemUTC();
        Files.createDirectories(trustStore.toAbsolutePath().getParent());
        this.presence = new PresenceWindow(clock);
        this.dispatcher = new CommandDispatcher(unit, TrustStore.open(trustStore, clock), clock,
                CommandDispatcher.DEFAULT_REMEMBERED_IDS);
        this.lastProfile = unit.playingId();
    }

    /** The pairing window a long press opens. */
    public PresenceWindow presence() {
        return presence;
    }

    /** Opens the pairing window for its default length: someone is at the unit. */
    public void openPairing() {
        presence.open(PresenceWindow.DEFAULT_WINDOW);
        log.println("link: pairing window open for " + PresenceWindow.DEFAULT_WINDOW.toSeconds() + " s");
    }

    public CommandDispatcher dispatcher() {
        return dispatcher;
    }

    /** The head unit the link serves. */
    public HeadUnitRemote unit() {
        return unit;
    }

    /** Something outside the link (the driver's page) changed the unit: the retained state follows. */
    public void stateChanged() {
        publishState();
    }

    /** Serves the serial cable at {@code path}; the port is opened (and reopened) by its own thread. */
    public void serveSerial(String path, int baud) {
        serial = new SerialServer(path, baud, dispatcher, new SerialLink.Events() {
            @Override
            public void connected(String p) {
                log.println("link: serial " + p + " open");
            }

            @Override
            public void disconnected(String p, String reason) {
                log.println("link: serial " + p + " closed (" + reason + "); reopening");
            }

            @Override
            public void refused(FrameError error, String detail) {
                log.println("link: serial frame refused: " + error + " " + detail);
            }

            @Override
            public void failed(String p, RuntimeException error) {
                log.println("link: serial " + p + " failed: " + error);
            }
        });
        closing.add(serial);
    }

    /** Serves MQTT through {@code broker} under {@code unitId}; a broker that is down is tried again. */
    public void serveMqtt(BrokerLogin broker, String unitId) throws MqttException {
        MqttServer server = new MqttServer(broker, unitId, dispatcher, unit::state, presence);
        mqtt = server;
        closing.add(server);
        watcher.execute(() -> connect(server));
    }

    /** Closes {@code resource} when the link closes, after everything added later (e.g. an embedded broker). */
    public void closeWith(AutoCloseable resource) {
        closing.add(Objects.requireNonNull(resource, "resource"));
    }

    /** Starts the watcher: events and the meter stream. */
    public void start() {
        watcher.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** The MQTT server, or null without one. */
    public MqttServer mqtt() {
        return mqtt;
    }

    private void connect(MqttServer server) {
        try {
            server.start();
            log.println("link: mqtt connected to " + server.topics().cmd());
        } catch (MqttException e) {
            log.println("link: mqtt broker not reachable (" + e.getMessage() + "); trying again in " + RETRY_S + " s");
            if (!watcher.isShutdown()) {
                watcher.schedule(() -> connect(server), RETRY_S, TimeUnit.SECONDS);
            }
        }
    }

    private void tick() {
        try {
            String name = unit.playingName();
            String profile = unit.idOf(name);
            if (profile != null && !profile.equals(lastProfile)) {
                publishEvent(new Event.ProfileChanged(profile, name));
                publishState();
            }
            lastProfile = profile;
            EngineStats s = stats.get();
            if (s.xruns() > lastXruns) {
                lastXruns = s.xruns();
                publishEvent(new Event.Xrun(lastXruns));
            }
            if (s.failure() != null && !faultSent) {
                faultSent = true;
                publishEvent(new Event.Fault("stream-failed", "the audio stream stopped: " + s.failure()));
            }
            int interval = unit.meterIntervalMs();
            long now = System.nanoTime();
            if (interval > 0 && now - lastMetersNanos >= interval * 1_000_000L) {
                lastMetersNanos = now;
                Reply.Meters m = unit.meters();
                MqttServer server = mqtt;
                if (server != null) {
                    server.publishMeters(m);
                }
                publishSerial(m);
            }
        } catch (RuntimeException e) {
            log.println("link: watcher failed: " + e);
        }
    }

    private void publishEvent(Event event) {
        MqttServer server = mqtt;
        if (server != null) {
            server.publishEvent(event);
        }
        publishSerial(event);
    }

    private void publishState() {
        MqttServer server = mqtt;
        if (server != null) {
            server.publishState(unit.state());
        }
    }

    private void publishSerial(Body body) {
        SerialServer s = serial;
        if (s != null) {
            s.publish(Envelope.of(ids.next(), System.currentTimeMillis(), body));
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        for (AutoCloseable c : closing.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                log.println("link: closing " + c + " failed: " + e);
            }
        }
    }
}
