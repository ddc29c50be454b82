package org.cabintune.tuner.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cabintune.link.mqtt.MqttServer;
import org.cabintune.link.mqtt.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit commands over a real Mosquitto, against the link's {@link MqttServer}. */
class MqttCommandsTest extends UnitCommandsContract {

    @TempDir
    static Path brokerDir;
    private static Mosquitto broker;
    private static Path credentials;
    private static int units;

    @TempDir
    Path unitDir;
    private TestUnit unit;
    private MqttServer server;
    private String unitId;

    @BeforeAll
    static void startBroker() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed (apt-get install mosquitto); MQTT tests skipped");
        broker = new Mosquitto(brokerDir).start();
        credentials = brokerDir.resolve("car.properties");
        Files.writeString(credentials, "user=" + Mosquitto.USER + "\npassword=" + Mosquitto.PASSWORD + "\n");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @BeforeEach
    void startUnit() throws Exception {
        unitId = "car-" + ++units;
        unit = new TestUnit(unitDir);
        server = new MqttServer(broker.login(), unitId, unit.dispatcher, unit.port::state, unit.presence);
        server.start();
        unit.pumpMeters(server::publishMeters);
    }

    @AfterEach
    void stopUnit() throws Exception {
        unit.close();
        server.close();
    }

    @Override
    TestUnit unit() {
        return unit;
    }

    @Override
    List<String> via() {
        return List.of("--mqtt", broker.uri(), "--credentials", credentials.toString());
    }

    @Override
    List<String> unitOption() {
        return List.of("--unit", unitId);
    }

    @Override
    String expectedStatus() {
        return "online";
    }

    @Override
    void allowPairing() {
        unit.presence.open(Duration.ofSeconds(30));
    }

    @Test
    void pairingOverTheNetworkNeedsTheUnitsButton() {
        assertEquals(0, keys("init").exit());
        Cli refused = run("keys pair", "--config-dir", config.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("cabintune keys pair: unit " + unitId + " refused pair-key: presence-required: "),
                refused::toString);
        assertTrue(refused.err().contains("hold its button until it blinks, or connect with the serial cable"),
                refused::toString);
        assertEquals(1, refused.err().lines().count());
        allowPairing();
        Cli paired = run("keys pair", "--config-dir", config.toString());
        assertEquals(0, paired.exit(), paired::toString);
        assertEquals(1, unit.trust.keys().size());
    }

    @Test
    void aSilentUnitTimesOutSayingWhatWasAwaited() {
        Cli select = Cli.run("select", "--mqtt", broker.uri(), "--credentials", credentials.toString(), "--unit", "nobody",
                "--profile", "initial", "--timeout", "0.5");
        assertEquals(1, select.exit());
        assertEquals("cabintune select: no reply from unit nobody to get-state within 0.5 s over MQTT " + broker.uri()
                + "; is the unit on? (--timeout waits longer)", select.err().strip());
    }

    @Test
    void aWrongPasswordIsRefusedByTheBroker() throws Exception {
        Path wrong = unitDir.resolve("wrong");
        Files.writeString(wrong, "not it\n");
        Cli select = Cli.run("select", "--mqtt", broker.uri(), "--user", Mosquitto.USER, "--password-file",
                wrong.toString(), "--unit", unitId, "--profile", "initial");
        assertEquals(1, select.exit());
        assertTrue(select.err().startsWith("cabintune select: cannot connect to broker " + Mosquitto.USER + "@"), select::toString);
        assertTrue(select.err().contains("the broker refused the login"), select::toString);
    }
}
