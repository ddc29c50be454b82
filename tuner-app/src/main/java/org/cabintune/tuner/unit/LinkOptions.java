package org.cabintune.tuner.unit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.cabintune.link.mqtt.BrokerLogin;
import org.cabintune.link.serial.SerialLink;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * How to reach a head unit, shared by every command that talks to one: a broker
 * ({@code --mqtt URL} with a login) or the serial cable ({@code --serial PORT}).
 */
public final class LinkOptions {

    /** Exactly one way to the unit. */
    static final class Transport {
        @Option(names = "--mqtt", paramLabel = "URL", required = true,
                description = "The car's broker, e.g. tcp://car.local:1883 or ssl://car.local:8883.")
        String mqtt;

        @Option(names = "--serial", paramLabel = "PORT", required = true,
                description = "The unit's serial cable, e.g. /dev/ttyUSB0.")
        String serial;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Transport transport;

    @Option(names = "--user", paramLabel = "NAME", description = "Broker account (default: tuner, or user= in --credentials).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the broker password.")
    Path passwordFile;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Properties file with user=, password= and optionally cafile= for the broker.")
    Path credentials;

    @Option(names = "--cafile", paramLabel = "PEM", description = "The car's CA certificate, for ssl:// brokers.")
    Path caFile;

    @Option(names = "--baud", paramLabel = "RATE", defaultValue = "115200",
            description = "Serial speed (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long to wait for each reply (default: ${DEFAULT-VALUE} s).")
    double timeoutSeconds;

    /** A password typed rather than read from a file (the desktop tuner's); null on the command line. */
    private String password;

    private static final Set<String> CREDENTIAL_KEYS = Set.of("user", "password", "cafile");

    /** The options of {@code --mqtt url --user user --password-file passwordFile --timeout seconds}. */
    public static LinkOptions mqtt(String url, String user, Path passwordFile, double timeoutSeconds) {
        LinkOptions o = new LinkOptions();
        o.transport = new Transport();
        o.transport.mqtt = url;
        o.user = user;
        o.passwordFile = passwordFile;
        o.baud = 115200;
        o.timeoutSeconds = timeoutSeconds;
        return o;
    }

    /**
     * The options of a broker login typed in a form: {@code url} with {@code user} and
     * {@code password} (empty for none), {@code caFile} for ssl:// brokers or null.
     */
    public static LinkOptions mqtt(String url, String user, String password, Path caFile, double timeoutSeconds) {
        LinkOptions o = mqtt(url, user, (Path) null, timeoutSeconds);
        o.password = password;
        o.caFile = caFile;
        return o;
    }

    /** The options of {@code --serial port --baud baud --timeout seconds}. */
    public static LinkOptions serial(String port, int baud, double timeoutSeconds) {
        LinkOptions o = new LinkOptions();
        o.transport = new Transport();
        o.transport.serial = port;
        o.baud = baud;
        o.timeoutSeconds = timeoutSeconds;
        return o;
    }

    /** Whether the unit is reached through a broker (else over the serial cable). */
    public boolean isMqtt() {
        return transport.mqtt != null;
    }

    public Duration timeout() {
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 600)) {
            throw new Failure("--timeout " + timeoutSeconds + " is outside (0, 600] seconds");
        }
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }

    String serialPort() {
        return transport.serial;
    }

    int baud() {
        if (!SerialLink.BAUD_RATES.contains(baud)) {
            throw new Failure("--baud " + baud + " is not a supported rate; choose from " + SerialLink.BAUD_RATES);
        }
        return baud;
    }

    /** A client id of its own for this run, so two tuners on one broker never collide. */
    public static String clientId() {
        byte[] run = new byte[4];
        ThreadLocalRandom.current().nextBytes(run);
        return "tuner-" + HexFormat.of().formatHex(run);
    }

    /** The broker login from the options and the credentials file; options win. */
    public BrokerLogin login() {
        Properties file = new Properties();
        if (credentials != null) {
            try (Reader in = Files.newBufferedReader(credentials, StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException e) {
                throw new Failure("--credentials " + credentials + ": cannot read it: " + e.getMessage(), e);
            }
            for (String key : file.stringPropertyNames()) {
                if (!CREDENTIAL_KEYS.contains(key)) {
                    throw new Failure("--credentials " + credentials + ": " + key + " is not a setting; allowed: "
                            + String.join(", ", CREDENTIAL_KEYS.stream().sorted().toList()));
                }
            }
        }
        String name = user != null ? user : file.getProperty("user", "tuner");
        String password = this.password != null ? this.password : file.getProperty("password", "");
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                password = lines.isEmpty() ? "" : lines.getFirst();
            } catch (IOException e) {
                throw new Failure("--password-file " + passwordFile + ": cannot read it: " + e.getMessage(), e);
            }
        }
        Path ca = caFile != null ? caFile : file.containsKey("cafile") ? Path.of(file.getProperty("cafile")) : null;
        if (ca != null && !Files.isReadable(ca)) {
            throw new Failure("CA certificate " + ca + " is not a readable file");
        }
        return new BrokerLogin(transport.mqtt, name, password, ca);
    }

    /** Where the replies come from, for messages. */
    public String describe() {
        return isMqtt() ? "over MQTT " + transport.mqtt : "over serial " + transport.serial;
    }
}
