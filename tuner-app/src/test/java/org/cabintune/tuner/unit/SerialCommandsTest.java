package org.cabintune.tuner.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.serial.SerialLink;
import org.cabintune.link.serial.SerialServer;
import org.cabintune.link.serial.Socat;
import org.cabintune.link.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit commands over a real pty pair (socat), against the link's {@link SerialServer}. */
class SerialCommandsTest extends UnitCommandsContract {

    @TempDir
    Path dir;
    private Socat cable;
    private TestUnit unit;
    private SerialServer server;

    @BeforeEach
    void plugIn() throws Exception {
        assumeTrue(Socat.available(), "socat is not installed (apt-get install socat); serial tests skipped");
        cable = new Socat(dir).start();
        unit = new TestUnit(dir);
        server = new SerialServer(cable.a().toString(), SerialLink.DEFAULT_BAUD, unit.dispatcher, new SerialLink.Events() { });
        Await.until(() -> server.link().isOpen(), "the unit's end of the cable to open", Duration.ofSeconds(5));
        MessageIds ids = new MessageIds("unit");
        unit.pumpMeters(meters -> server.publish(Envelope.of(ids.next(), System.currentTimeMillis(), meters)));
    }

    @AfterEach
    void unplug() throws Exception {
        if (unit != null) {
            unit.close();
            server.close();
            cable.stop();
        }
    }

    @Override
    TestUnit unit() {
        return unit;
    }

    @Override
    List<String> via() {
        return List.of("--serial", cable.b().toString());
    }

    @Override
    List<String> unitOption() {
        return List.of();
    }

    @Override
    String expectedStatus() {
        return "cable";
    }

    @Override
    void allowPairing() {
        // The cable is presence.
    }

    @Test
    void unitsShowsATable() {
        Cli table = run("units");
        assertEquals(0, table.exit(), table::toString);
        assertEquals(List.of("UNIT STATUS PROFILE VOLUME PROFILES", "test-unit cable initial -20.0 dB initial"),
                table.out().lines().map(l -> l.strip().replaceAll(" +", " ")).toList());
    }

    @Test
    void aPortThatIsNotThereSaysSo() {
        Cli select = Cli.run("select", "--serial", dir.resolve("no-such-port").toString(), "--profile", "initial",
                "--timeout", "0.5");
        assertEquals(1, select.exit());
        assertEquals(true, select.err().startsWith("cabintune select: serial port " + dir.resolve("no-such-port")
                + " did not open within 0.5 s: "), select::toString);
    }
}
