package org.cabintune.tuner.ui.unit;

import java.nio.file.Path;
import java.util.Base64;
import org.cabintune.link.mqtt.Mosquitto;
import org.cabintune.link.mqtt.MqttServer;
import org.cabintune.tuner.unit.InstallerKeyFile;
import org.cabintune.tuner.unit.LinkHeadUnit;
import org.cabintune.tuner.unit.LinkOptions;
import org.cabintune.tuner.unit.TestUnit;

/**
 * A head unit on a real Mosquitto for the panels' tests: the link's MQTT server in front of the
 * tuner tests' {@link TestUnit} (a real dispatcher and trust store over the link's recording
 * port), streaming meters while asked to.
 */
final class BenchUnit implements AutoCloseable {

    final Mosquitto broker;
    final TestUnit unit;
    final MqttServer server;
    final String unitId;

    BenchUnit(Path dir, String unitId) throws Exception {
        this.unitId = unitId;
        broker = new Mosquitto(java.nio.file.Files.createDirectories(dir.resolve("broker"))).start();
        unit = new TestUnit(dir);
        server = new MqttServer(broker.login(), unitId, unit.dispatcher, unit.port::state, unit.presence);
        server.start();
        unit.pumpMeters(server::publishMeters);
    }

    /** The broker's login as the connect panel's form takes it. */
    ConnectModel.Broker form() {
        return new ConnectModel.Broker(broker.uri(), Mosquitto.USER, Mosquitto.PASSWORD, null);
    }

    /** The options that reach the unit. */
    LinkOptions options() {
        return LinkOptions.mqtt(broker.uri(), Mosquitto.USER, Mosquitto.PASSWORD, null, 2);
    }

    /** A new installer key in {@code configDir}, trusted by the unit when {@code trusted}. */
    void installerKey(Path configDir, boolean trusted) throws Exception {
        LinkHeadUnit.newKey(configDir, "Bench");
        if (trusted) {
            unit.trust.trust(Base64.getEncoder().encodeToString(
                    InstallerKeyFile.load(configDir).key().rawPublicKey()), "Bench");
        }
    }

    @Override
    public void close() throws Exception {
        unit.close();
        server.close();
        broker.stop();
    }
}
