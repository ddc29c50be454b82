package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cabintune.link.mqtt.Mosquitto;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.serial.SerialLink;
import org.cabintune.link.serial.SerialServer;
import org.cabintune.link.serial.Socat;
import org.cabintune.link.testing.Await;
import org.cabintune.tuner.ui.unit.ConnectModel.State;
import org.cabintune.tuner.unit.TestUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting to a head unit over a real Mosquitto and over a real pty cable (socat). */
class ConnectModelTest {

    @TempDir
    Path dir;
    private UiThread ui;
    private UnitSession session;

    @BeforeEach
    void setUp() {
        ui = new UiThread();
        session = new UnitSession(dir.resolve("config"));
    }

    @AfterEach
    void tearDown() {
        session.close();
        ui.close();
    }

    private ConnectModel model(List<ConnectModel.Port> ports) {
        return new ConnectModel(session, ui.threads, () -> ports, 0.5);
    }

    private static State await(ConnectModel m, java.util.function.Predicate<State> condition, String what)
            throws InterruptedException {
        return UiThread.await(m.state(), State::status, condition, what);
    }

    @Test
    void scansTheBrokerConnectsToAUnitAndShowsWhatItPlays() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed");
        try (BenchUnit bench = new BenchUnit(dir, "car-7")) {
            ConnectModel m = model(List.of());
            m.scan(bench.form());
            State s = await(m, x -> !x.units().isEmpty() && !x.status().isBusy(), "the scan");
            assertEquals("car-7", s.units().getFirst().unitId());
            assertEquals("online", s.units().getFirst().status());
            assertEquals("initial", s.units().getFirst().state().activeProfile());
            assertEquals("1 head unit seen on " + bench.broker.uri() + ".", s.status().notice());

            m.connect(bench.form(), "car-7");
            s = await(m, x -> x.connected() != null && !x.status().isBusy(), "the connection");
            assertEquals("test-unit", s.connected().unitId());
            assertEquals("initial", s.unitState().activeProfile());
            assertEquals("over MQTT " + bench.broker.uri(), s.via());
            assertTrue(s.status().notice().startsWith("Connected to test-unit (recording port, firmware test) over MQTT "),
                    s.status().notice());
            assertTrue(session.connected());
            assertEquals("Plays initial  \u00b7  volume -20.0 dB  \u00b7  1 stored profiles",
                    ConnectPanel.playing(s.unitState()));

            ConnectPanel panel = PanelImages.make(() -> new ConnectPanel(m));
            PanelImages.save(panel, 900, 620, "connect");

            m.disconnect();
            s = await(m, x -> x.connected() == null && !x.status().isBusy(), "the disconnection");
            assertEquals("Disconnected from test-unit.", s.status().notice());
            assertFalse(session.connected());
        }
    }

    @Test
    void whatGoesWrongIsSaidInOneSentence() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed");
        try (BenchUnit bench = new BenchUnit(dir, "car-8")) {
            ConnectModel m = model(List.of());
            m.connect(new ConnectModel.Broker("car.local:1883", "", "", null), "car-8");
            State s = await(m, x -> x.status().error() != null, "a refused address");
            assertEquals("broker address \"car.local:1883\" needs tcp://, ssl://, ws:// or wss:// in front, e.g. "
                    + "tcp://car.local:1883", s.status().error());

            m.connect(new ConnectModel.Broker(bench.broker.uri(), Mosquitto.USER, "not it", null), "car-8");
            s = await(m, x -> x.status().error() != null && !x.status().isBusy(), "a refused login");
            assertTrue(s.status().error().startsWith("cannot connect to broker " + Mosquitto.USER + "@"), s.status().error());
            assertTrue(s.status().error().contains("the broker refused the login"), s.status().error());

            long t0 = System.nanoTime();
            m.connect(bench.form(), "nobody");
            assertTrue(System.nanoTime() - t0 < 100_000_000L, "connect returns at once; the link is opened in the background");
            assertTrue(m.state().get().status().isBusy());
            s = await(m, x -> x.status().error() != null && !x.status().isBusy(), "a silent unit");
            assertEquals("no reply from unit nobody to hello within 0.5 s over MQTT " + bench.broker.uri()
                    + "; is the unit on? (--timeout waits longer)", s.status().error());
            assertNull(s.connected());

            m.connect(bench.form(), " ");
            s = await(m, x -> x.status().error() != null && x.status().error().startsWith("Choose"), "no unit chosen");
            assertEquals("Choose a head unit from the list (Scan finds them), or type its id.", s.status().error());
        }
    }

    @Test
    void connectsOverTheSerialCable() throws Exception {
        assumeTrue(Socat.available(), "socat is not installed");
        Socat cable = new Socat(dir).start();
        TestUnit unit = new TestUnit(dir);
        SerialServer server = new SerialServer(cable.a().toString(), SerialLink.DEFAULT_BAUD, unit.dispatcher,
                new SerialLink.Events() { });
        try {
            Await.until(() -> server.link().isOpen(), "the unit's end of the cable", Duration.ofSeconds(5));
            MessageIds ids = new MessageIds("unit");
            unit.pumpMeters(meters -> server.publish(Envelope.of(ids.next(), System.currentTimeMillis(), meters)));
            ConnectModel m = model(List.of(new ConnectModel.Port("/dev/ttyS0", "Physical Port"),
                    new ConnectModel.Port("/dev/ttyUSB0", "FT232R USB UART")));
            m.refreshPorts();
            State s = await(m, x -> !x.ports().isEmpty() && !x.status().isBusy(), "the ports");
            assertEquals(2, s.ports().size());
            assertTrue(s.ports().get(1).usb() && !s.ports().get(0).usb());

            m.connectSerial(dir.resolve("no-such-port").toString(), SerialLink.DEFAULT_BAUD);
            s = await(m, x -> x.status().error() != null && !x.status().isBusy(), "a missing port");
            assertTrue(s.status().error().startsWith("serial port " + dir.resolve("no-such-port") + " did not open within "
                    + "0.5 s: "), s.status().error());

            m.connectSerial(cable.b().toString(), 1234);
            s = await(m, x -> x.status().error() != null && x.status().error().startsWith("1234"), "a wrong speed");
            assertEquals("1234 baud is not a supported rate; choose from " + SerialLink.BAUD_RATES + ".", s.status().error());

            m.connectSerial(cable.b().toString(), SerialLink.DEFAULT_BAUD);
            s = await(m, x -> x.connected() != null && !x.status().isBusy(), "the connection over the cable");
            assertEquals("over serial " + cable.b(), s.via());
            assertEquals("test-unit", session.info().unitId());
        } finally {
            unit.close();
            server.close();
            cable.stop();
        }
    }

    @Test
    void listsThisComputersRealSerialPorts() {
        List<ConnectModel.Port> ports = SerialPorts.list();
        for (ConnectModel.Port p : ports) {
            assertTrue(Files.exists(Path.of(p.path())) || p.path().startsWith("COM"), p.toString());
        }
    }
}
