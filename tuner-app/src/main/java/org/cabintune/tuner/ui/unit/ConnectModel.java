package org.cabintune.tuner.ui.unit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.cabintune.link.mqtt.UnitDirectory;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.serial.SerialLink;
import org.cabintune.tuner.unit.Failure;
import org.cabintune.tuner.unit.LinkOptions;
import org.cabintune.tuner.unit.UnitScan;

/**
 * The connect panel's model: the head units a broker knows of and the serial ports this
 * computer has; connecting to one puts it in the {@link UnitSession} every panel shares.
 * Scanning and connecting run in the background and can be stopped.
 */
public final class ConnectModel {

    /** How long a scan collects the broker's retained messages, s. */
    public static final double SCAN_SECONDS = 1.0;
    /** How long each request waits for the unit's reply, s (the CLI's default). */
    public static final double TIMEOUT_SECONDS = 5;

    /** How the unit is reached. */
    public enum Transport {
        MQTT, SERIAL
    }

    /**
     * A broker login as typed.
     *
     * @param url      e.g. tcp://car.local:1883 or ssl://car.local:8883
     * @param user     the broker account; blank for the default ({@code tuner})
     * @param password its password; blank for none
     * @param caFile   the car's CA certificate for ssl://, or null
     */
    public record Broker(String url, String user, String password, Path caFile) {

        LinkOptions options(double timeoutSeconds) {
            String u = url == null ? "" : url.strip();
            if (u.isEmpty()) {
                throw new Failure("give the broker's address, e.g. tcp://car.local:1883");
            }
            String scheme = u.contains("://") ? u.substring(0, u.indexOf("://")).toLowerCase(Locale.ROOT) : "";
            if (!List.of("tcp", "ssl", "ws", "wss").contains(scheme)) {
                throw new Failure("broker address \"" + u + "\" needs tcp://, ssl://, ws:// or wss:// in front, "
                        + "e.g. tcp://car.local:1883");
            }
            return LinkOptions.mqtt(u, user == null || user.isBlank() ? null : user.strip(),
                    password == null ? "" : password, caFile, timeoutSeconds);
        }
    }

    /**
     * A serial port.
     *
     * @param path        e.g. /dev/ttyUSB0
     * @param description what the system calls it, e.g. the USB adapter's product name
     */
    public record Port(String path, String description) {

        /** Whether it looks like a USB serial adapter (the usual cable to a head unit). */
        public boolean usb() {
            return path.contains("USB") || path.contains("ACM") || path.contains("usbserial")
                    || description != null && description.toLowerCase(Locale.ROOT).contains("usb");
        }
    }

    /**
     * What the connect panel shows.
     *
     * @param units     the units the last scan found
     * @param scanned   the broker the last scan asked, or null
     * @param ports     this computer's serial ports
     * @param connected what the connected unit said it is, or null
     * @param unitState its latest state, or null
     * @param via       over what it is reached, or null
     * @param status    what runs, or how the last action ended
     */
    public record State(List<UnitDirectory.Unit> units, String scanned, List<Port> ports, Reply.Info connected,
                        Reply.State unitState, String via, Status status) {
    }

    private final UnitSession session;
    private final ModelState<State> state;
    private final Tasks tasks;
    private final Supplier<List<Port>> portLister;
    private final double timeoutSeconds;

    public ConnectModel(UnitSession session, ModelThreads threads) {
        this(session, threads, SerialPorts::list, TIMEOUT_SECONDS);
    }

    /**
     * @param portLister     lists this computer's serial ports
     * @param timeoutSeconds how long each request waits for the unit's reply
     */
    ConnectModel(UnitSession session, ModelThreads threads, Supplier<List<Port>> portLister, double timeoutSeconds) {
        this.session = session;
        this.portLister = portLister;
        this.timeoutSeconds = timeoutSeconds;
        this.state = new ModelState<>(new State(List.of(), null, List.of(), session.info(), session.state(),
                session.via(), Status.IDLE), threads);
        this.tasks = new Tasks(threads, change -> state.update(s -> withStatus(s, change.apply(s.status()))));
        session.listen(() -> state.update(s -> new State(s.units(), s.scanned(), s.ports(), session.info(),
                session.state(), session.via(), s.status())));
    }

    public ModelState<State> state() {
        return state;
    }

    /** Lists the units {@code broker} knows of. */
    public void scan(Broker broker) {
        tasks.start("Looking for head units on " + shown(broker) + "...", true, () -> {
            LinkOptions options = broker.options(timeoutSeconds);
            List<UnitDirectory.Unit> units = UnitScan.broker(options, SCAN_SECONDS);
            state.update(s -> new State(units, options.login().uri(), s.ports(), s.connected(), s.unitState(), s.via(),
                    s.status()));
            return units.isEmpty() ? "No head unit has connected to " + options.login().uri() + " yet."
                    : units.size() + (units.size() == 1 ? " head unit" : " head units") + " seen on "
                    + options.login().uri() + ".";
        });
    }

    /** Lists this computer's serial ports again. */
    public void refreshPorts() {
        tasks.start("Listing serial ports...", false, () -> {
            List<Port> ports = portLister.get();
            state.update(s -> new State(s.units(), s.scanned(), ports, s.connected(), s.unitState(), s.via(), s.status()));
            return ports.isEmpty() ? "No serial port found; plug in the cable, or type its path." : null;
        });
    }

    /** Connects to unit {@code unitId} through {@code broker}. */
    public void connect(Broker broker, String unitId) {
        if (unitId == null || unitId.isBlank()) {
            state.update(s -> withStatus(s, Status.failed("Choose a head unit from the list (Scan finds them), "
                    + "or type its id.")));
            return;
        }
        connect("Connecting to " + unitId.strip() + " on " + shown(broker) + "...", () -> broker.options(timeoutSeconds), unitId.strip());
    }

    /** Connects to the unit on the serial cable at {@code port}. */
    public void connectSerial(String port, int baud) {
        if (port == null || port.isBlank()) {
            state.update(s -> withStatus(s, Status.failed("Choose the serial port of the unit's cable, or type its path.")));
            return;
        }
        if (!SerialLink.BAUD_RATES.contains(baud)) {
            state.update(s -> withStatus(s, Status.failed(baud + " baud is not a supported rate; choose from "
                    + SerialLink.BAUD_RATES + ".")));
            return;
        }
        connect("Connecting over " + port.strip() + "...", () -> LinkOptions.serial(port.strip(), baud, timeoutSeconds),
                null);
    }

    /** Closes the connection. */
    public void disconnect() {
        tasks.start("Disconnecting...", false, () -> {
            String was = session.info() == null ? null : session.info().unitId();
            session.disconnect();
            return was == null ? null : "Disconnected from " + was + ".";
        });
    }

    /** Stops a scan or a connection attempt. */
    public void cancel() {
        tasks.cancel();
    }

    private void connect(String what, Supplier<LinkOptions> options, String unitId) {
        tasks.start(what, true, () -> {
            Reply.Info info = session.connect(options.get(), unitId);
            if (tasks.cancelled()) {
                // Stopped while the link was opening: the user no longer wants it.
                session.disconnect();
                return null;
            }
            return "Connected to " + info.unitId() + " (" + info.model() + ", firmware " + info.firmware() + ") "
                    + session.via() + ".";
        });
    }

    private static String shown(Broker broker) {
        return broker.url() == null || broker.url().isBlank() ? "the broker" : broker.url().strip();
    }

    private static State withStatus(State s, Status status) {
        return new State(s.units(), s.scanned(), s.ports(), s.connected(), s.unitState(), s.via(), status);
    }
}
