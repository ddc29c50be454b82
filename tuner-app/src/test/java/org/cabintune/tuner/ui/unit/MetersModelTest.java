package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javax.swing.SwingUtilities;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.ui.unit.MetersModel.State;
import org.cabintune.tuner.unit.TestUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live meters from a unit on a real Mosquitto, streaming every 20 ms as a unit asked for a stream does. */
class MetersModelTest extends OnBench {

    private MetersModel m;

    @Override
    String unitId() {
        return "car-5";
    }

    @BeforeEach
    void setUp() {
        m = new MetersModel(session, ui.threads, Duration.ofMillis(300));
    }

    private State await(Predicate<State> condition, String what) throws InterruptedException {
        return UiThread.await(m.state(), State::status, condition, what);
    }

    @Test
    void streamsTheProgrammesLoudnessTheLoadAndEachOutputOnTheUiThread() throws Exception {
        m.start(100);
        State s = await(x -> x.status().error() != null, "no unit");
        assertEquals("Connect to a head unit first.", s.status().error());

        session.connect(bench.options(), "car-5");
        s = await(x -> x.unit() != null, "the unit");
        assertEquals(List.of("front-left", "front-right"), s.outputs());
        m.start(10);
        s = await(x -> x.status().error() != null && x.status().error().contains("interval"), "a refused interval");
        assertEquals("The interval 10 ms is outside 50..5000 ms.", s.status().error());

        m.start(100);
        s = await(x -> x.latest() != null && x.rate() > 0, "snapshots");
        assertTrue(s.streaming());
        assertTrue(bench.unit.streaming());
        assertEquals(1, bench.unit.calls("streamMeters 100"));
        Reply.Meters latest = s.latest();
        assertEquals(TestUnit.METERS.programme(), latest.programme());
        assertEquals(TestUnit.METERS.dspLoad(), latest.dspLoad());
        assertEquals(TestUnit.METERS.outputs(), latest.outputs());
        long first = latest.sequence();
        s = await(x -> x.latest().sequence() >= first + 5, "five more snapshots");

        // The view hears of each change on the event dispatch thread, which the stream never holds up.
        MetersPanel panel = PanelImages.make(() -> new MetersPanel(m));
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            SwingUtilities.invokeAndWait(() -> { });
            assertTrue(System.nanoTime() - t0 < 200_000_000L, "the event dispatch thread answered within 200 ms");
            Thread.sleep(5);
        }
        PanelImages.save(panel, 960, 640, "meters");
        PanelImages.onEdt(() -> assertEquals("-14.5", panelReadout(panel, 0)));

        m.stop();
        s = await(x -> !x.streaming() && !x.status().isBusy(), "the stream stopped");
        assertFalse(bench.unit.streaming());
        assertEquals(1, bench.unit.calls("streamMeters 0"));
    }

    private static String panelReadout(MetersPanel panel, int which) {
        List<ProgrammeMeters.Readout> readouts = new java.util.ArrayList<>();
        collect(panel, readouts);
        return readouts.get(which).text();
    }

    private static void collect(java.awt.Container c, List<ProgrammeMeters.Readout> out) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof ProgrammeMeters.Readout r) {
                out.add(r);
            } else if (child instanceof java.awt.Container k) {
                collect(k, out);
            }
        }
    }

    @Test
    void aStreamThatStopsArrivingIsReportedAndTheConnectionClosingEndsIt() throws Exception {
        session.connect(bench.options(), "car-5");
        m.start(50);
        await(x -> x.latest() != null, "snapshots");
        bench.unit.stopPump();
        State s = await(x -> x.status().error() != null, "the stall");
        assertEquals("No meter snapshot from test-unit within 0.35 s; is the unit still on?", s.status().error());
        assertTrue(s.streaming(), "still asked for; the snapshots may come back");

        session.disconnect();
        s = await(x -> x.unit() == null && !x.streaming(), "the stream gone with the connection");
        assertTrue(s.latest() == null);
    }
}
