package org.cabintune.hu.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cabintune.hu.audition.Audition;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.controls.OutputControl;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.meters.Meters;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.remote.EmbeddedBroker;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.hu.remote.UnitLink;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.link.mqtt.BrokerLogin;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.ProtectionLimits;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.serial.SerialLink;
import org.eclipse.paho.mqttv5.common.MqttException;
import picocli.CommandLine.Option;

/**
 * The control link's options of {@code run} ({@code docs/head-unit-link.md}): where the tuner
 * reaches the unit, over MQTT, the serial cable or both. Defaults come from the board's
 * {@code link} section; with neither, the unit runs without a link.
 */
final class LinkOptions {

    /** Where the trusted keys live when the unit has no profile store to sit beside. */
    static final Path DEFAULT_KEYS = Path.of("/var/lib/cabintune/keys");
    /** The meter stream's interval until a client asks for another, ms: modest, for a phone's display. */
    static final int DEFAULT_METER_INTERVAL_MS = 500;
    /** The {@code --mqtt} value for the broker inside the unit. */
    static final String EMBEDDED = "embedded";

    @Option(names = "--mqtt", paramLabel = "URL",
            description = {"Broker to serve the link through: tcp://HOST:PORT, ssl://HOST:PORT, or embedded (a broker in"
                    + " the unit); default: the board's link.mqtt."})
    String mqtt;

    @Option(names = "--mqtt-port", paramLabel = "N", description = "The embedded broker's port; default 1883.")
    int mqttPort = 1883;

    @Option(names = "--mqtt-bind", paramLabel = "ADDRESS",
            description = "One more address for the embedded broker to listen on besides 127.0.0.1 (the tuner's network).")
    String mqttBind;

    @Option(names = "--mqtt-accounts", paramLabel = "F",
            description = "The embedded broker's client accounts, one USER:PASSWORD a line (readable by the unit's user only).")
    Path mqttAccounts;

    @Option(names = "--mqtt-user", paramLabel = "NAME", description = "The unit's broker login; default: the unit id.")
    String mqttUser;

    @Option(names = "--mqtt-password-file", paramLabel = "F",
            description = "File whose first line is the broker password (readable by the unit's user only).")
    Path mqttPasswordFile;

    @Option(names = "--serial", paramLabel = "PORT", description = "Serial port of the tuner's cable; default: the board's link.serial.")
    String serial;

    @Option(names = "--serial-baud", paramLabel = "BAUD", description = "Serial speed; default 115200.")
    int serialBaud = SerialLink.DEFAULT_BAUD;

    @Option(names = "--unit-id", paramLabel = "ID", description = "The unit's id in its MQTT topics; default: the board's link.unitId, else the board id.")
    String unitId;

    @Option(names = "--trust-store", paramLabel = "F",
            description = "Trusted installer keys; default: keys/trust.json beside the profile store, else /var/lib/cabintune/keys/trust.json.")
    Path trustStore;

    /** A setting that keeps the link from starting, said in one line. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** True when a transport is asked for, here or by the board. */
    boolean wanted(BoardConfig board) {
        return mqtt(board) != null || serial(board) != null;
    }

    /**
     * Builds the unit and starts its link; a broker that is down is retried, not refused.
     *
     * @param audition the audition of masters, or null without a media directory; closed with the link
     */
    UnitLink start(BoardConfig board, AudioEngine engine, OutputControl output, ProfileService service, Meters meters,
                   Supplier<String> playing, SwitchableSource source, Path storeDir, Audition audition, PrintStream err)
            throws Refused, IOException {
        String id = unitId(board);
        String broker = mqtt(board);
        String password = null;
        Map<String, String> accounts = null;
        if (EMBEDDED.equals(broker)) {
            accounts = accounts(id);
            // The unit's own login, known only inside this process.
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            password = HexFormat.of().formatHex(secret);
            accounts.put(id, password);
        } else if (broker != null) {
            if (!BoardConfig.Link.BROKER_URI.matcher(broker).matches()) {
                throw new Refused("--mqtt = " + broker + " is not a broker address; allowed: tcp://HOST:PORT, ssl://HOST:PORT");
            }
            if (mqttPasswordFile == null) {
                throw new Refused("--mqtt needs --mqtt-password-file: the broker must refuse clients without a login");
            }
            List<String> lines = Files.readAllLines(mqttPasswordFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.getFirst().isEmpty()) {
                throw new Refused("--mqtt-password-file " + mqttPasswordFile + " is empty");
            }
            password = lines.getFirst();
        }
        HeadUnitRemote unit = unit(board, engine, output, service, meters, playing, source, audition);
        unit.streamMeters(DEFAULT_METER_INTERVAL_MS);
        Path keys = trustStore(storeDir);
        UnitLink link = new UnitLink(unit, keys, engine::stats, err);
        if (audition != null) {
            link.closeWith(audition);
        }
        String port = serial(board);
        if (port != null) {
            link.serveSerial(port, serialBaud);
        }
        if (broker != null) {
            String uri = broker;
            String user = mqttUser != null ? mqttUser : id;
            try {
                if (accounts != null) {
                    EmbeddedBroker embedded = EmbeddedBroker.start(mqttPort, mqttBind, accounts);
                    link.closeWith(embedded);
                    uri = embedded.uri();
                    user = id;
                    err.println("link: embedded MQTT broker on 127.0.0.1" + (mqttBind != null ? " and " + mqttBind : "")
                            + " port " + mqttPort + ", " + (accounts.size() - 1) + " client account(s)");
                }
                link.serveMqtt(new BrokerLogin(uri, user, password), id);
            } catch (MqttException | IOException | IllegalArgumentException e) {
                link.close();
                throw new Refused("--mqtt " + broker + ": " + e.getMessage());
            }
        }
        link.start();
        err.println("link: unit " + id + (port != null ? ", serial " + port : "") + (broker != null ? ", mqtt " + broker : "")
                + ", trusted keys in " + keys);
        return link;
    }

    /** The head unit as the link (and the driver's page) drive it, under the unit id these options give. */
    HeadUnitRemote unit(BoardConfig board, AudioEngine engine, OutputControl output, ProfileService service, Meters meters,
                        Supplier<String> playing, SwitchableSource source, Audition audition) throws Refused {
        List<String> outputs = board.outputs().stream().map(BoardConfig.Output::speaker).toList();
        Reply.Info info;
        try {
            info = new Reply.Info(unitId(board), board.name(), "0.1.0", List.of(Limits.PROTOCOL_VERSION),
                    Limits.MAX_MESSAGE_BYTES, engine.context().sampleRate(), outputs);
        } catch (RuntimeException e) {
            throw new Refused("the unit's info is not valid for the link: " + e.getMessage());
        }
        return new HeadUnitRemote(info, board, output, service, meters, playing,
                new ProtectionLimits(HeadUnitRemote.ENGINE_MAX_VOLUME_DB, Command.MAX_LEVEL_DBFS), source, audition);
    }

    /** The trusted keys' file of this run ({@link #trustStorePath}). */
    Path trustStore(Path storeDir) {
        return trustStorePath(trustStore, storeDir);
    }

    private String unitId(BoardConfig board) {
        return unitId != null ? unitId : board.link() != null && board.link().unitId() != null
                ? board.link().unitId() : board.id();
    }

    /**
     * The trusted keys' file, for {@code run} and {@code trust} alike: {@code given} when there is
     * one, else {@code keys/trust.json} beside the profile store {@code storeDir}, else
     * {@code /var/lib/cabintune/keys/trust.json}.
     */
    static Path trustStorePath(Path given, Path storeDir) {
        if (given != null) {
            return given;
        }
        return (storeDir != null ? storeDir.toAbsolutePath().resolveSibling("keys") : DEFAULT_KEYS).resolve("trust.json");
    }

    /** The embedded broker's client accounts from {@code --mqtt-accounts}; the unit id is the unit's own. */
    private Map<String, String> accounts(String unitId) throws Refused, IOException {
        if (mqttAccounts == null) {
            throw new Refused("--mqtt embedded needs --mqtt-accounts F (USER:PASSWORD lines): the broker lets in only"
                    + " clients with an account");
        }
        Map<String, String> accounts = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(mqttAccounts, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1 || colon == line.length() - 1) {
                throw new Refused("--mqtt-accounts " + mqttAccounts + " line " + (i + 1) + " is not USER:PASSWORD");
            }
            String user = line.substring(0, colon);
            if (user.equals(unitId) || accounts.put(user, line.substring(colon + 1)) != null) {
                throw new Refused("--mqtt-accounts " + mqttAccounts + " line " + (i + 1) + ": user " + user
                        + (user.equals(unitId) ? " is the unit's own login" : " is given twice"));
            }
        }
        if (accounts.isEmpty()) {
            throw new Refused("--mqtt-accounts " + mqttAccounts + " holds no account");
        }
        return accounts;
    }

    private String mqtt(BoardConfig board) {
        return mqtt != null ? mqtt : board.link() == null ? null : board.link().mqtt();
    }

    private String serial(BoardConfig board) {
        return serial != null ? serial : board.link() == null ? null : board.link().serial();
    }
}
