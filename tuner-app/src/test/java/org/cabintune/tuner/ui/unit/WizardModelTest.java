package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.calibrate.CalibrationOptions;
import org.cabintune.tuner.calibrate.CalibrationSteps.Phase;
import org.cabintune.tuner.calibrate.LevelCheck;
import org.cabintune.tuner.calibrate.RenderedUnit;
import org.cabintune.tuner.calibrate.Results;
import org.cabintune.tuner.calibrate.VirtualCar;
import org.cabintune.tuner.ui.unit.WizardState.CellKind;
import org.cabintune.tuner.ui.unit.WizardState.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement wizard on the head unit's chain rendered here, heard in the virtual
 * hatchback by a microphone moved by hand from position to position: a two-speaker board and
 * one-second sweeps keep it short, every step is the calibration's own.
 */
class WizardModelTest {

    static final Path ROOT = Path.of("..");
    /** The shortest sweep the stimulus allows. */
    static final double SWEEP_SECONDS = 0.5;

    @TempDir
    Path dir;
    private UiThread ui;
    private Path board;

    @BeforeEach
    void setUp() throws Exception {
        ui = new UiThread();
        board = twoMidwooferBoard(dir);
    }

    @AfterEach
    void tearDown() {
        ui.close();
    }

    /** The simulator board cut down to the front mid-woofers, which the hatchback's speakers of those names answer. */
    static Path twoMidwooferBoard(Path dir) throws Exception {
        String yaml = Files.readString(ROOT.resolve("board-configs/simulator.yaml"))
                .replace("channels: 8", "channels: 2")
                .replaceAll("(?m)^  - \\{channel: [0-9], speaker: (front-[a-z]+-tweeter|rear-[a-z]+-coaxial|subwoofer-[0-9]),.*\\n",
                        "")
                .replace("channel: 2, speaker: front-left-midwoofer", "channel: 0, speaker: front-left-midwoofer")
                .replace("channel: 3, speaker: front-right-midwoofer", "channel: 1, speaker: front-right-midwoofer");
        Path file = dir.resolve("two-midwoofers.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Stores and plays the driver's everyday profile, "driver-seat": the stereo example on the two mid-woofers. */
    static void playDriverSeat(RenderedUnit unit) throws Exception {
        unit.install("driver-seat", ProfileParser.parse(Files.readString(ROOT.resolve(
                "calibration/profiles/stereo-fullrange.json")).replace("\"front-left\"", "\"front-left-midwoofer\"")
                .replace("\"front-right\"", "\"front-right-midwoofer\"").replace("fullrange", "midwoofer")));
    }

    static CalibrationOptions options(double sweepSeconds) {
        return new CalibrationOptions("driver", sweepSeconds, CalibrationOptions.LEVEL_DBFS, 0, "calibrated-driver",
                "Calibrated driver", ROOT.resolve("calibration/targets/car-default.txt"));
    }

    /** Prints the calibration's log as it comes, with the time of each line. */
    static void trace(WizardModel w) {
        long t0 = System.nanoTime();
        int[] shown = {0};
        w.state().listen(s -> {
            for (; shown[0] < s.log().size(); shown[0]++) {
                System.out.printf(java.util.Locale.ROOT, "[%5.1f s] %s%n", (System.nanoTime() - t0) / 1e9,
                        s.log().get(shown[0]));
            }
        });
    }

    @Test
    void measuresPositionByPositionDesignsAndMeasuresThroughTheCorrection() throws Exception {
        WizardModel w = new WizardModel(ui.threads);
        trace(w);
        WizardPanel panel = PanelImages.make(() -> new WizardPanel(w, new CaptureDevices(ui.threads), new UnitSession(dir), ROOT));
        PanelImages.save(panel, 1000, 680, "wizard-setup");
        w.start((prompt, log) -> Rig.rehearsal(board, ROOT.resolve("calibration/cabins/hatchback.yaml"), "driver", 2, true),
                options(SWEEP_SECONDS));
        WizardState s = UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.POSITION && !x.status().isBusy(), "prepared");
        assertEquals(List.of("center", "left-ear"), s.takes());
        assertEquals(List.of("front-left-midwoofer", "front-right-midwoofer", "all outputs"), s.rows());
        assertTrue(s.instruction().startsWith("Place the microphone at center (position 1 of 2)"), s.instruction());
        assertTrue(s.instruction().endsWith("Check the level first: a short sweep plays on every output."));

        w.checkLevel();
        s = UiThread.await(w.state(), WizardState::status, x -> x.level() != null && !x.status().isBusy(), "the level check");
        assertEquals(LevelCheck.Verdict.OK, s.level().verdict(), s.level().toString());
        assertEquals("", s.level().advice());
        double peak = s.level().positions().getFirst().peakDbfs();
        assertTrue(peak > -40 && peak < LevelCheck.CLIP_DBFS, "peak " + peak);

        w.measure();
        s = UiThread.await(w.state(), WizardState::status, x -> x.take() == 1 && !x.status().isBusy(), "the first position measured");
        assertTrue(s.measured(0) && !s.measured(1), s.cells().toString());
        for (List<WizardState.Cell> row : s.cells()) {
            assertEquals(CellKind.HEARD, row.get(0).kind(), s.cells().toString());
            assertTrue(row.get(0).text().endsWith(" dB SNR"), row.get(0).text());
        }
        assertEquals(0.5, s.progress());
        assertTrue(s.instruction().startsWith("Place the microphone at left-ear (position 2 of 2)"), s.instruction());
        PanelImages.save(panel, 1000, 680, "wizard-position");

        // A retake measures the same position again; the wizard stays at the next one.
        int logged = s.log().size();
        w.retake(0);
        s = UiThread.await(w.state(), WizardState::status, x -> x.log().size() > logged && !x.status().isBusy(), "the retake");
        assertEquals(1, s.take());
        assertTrue(s.log().subList(logged, s.log().size()).contains("measuring 1/2: front-left-midwoofer at center"),
                String.join("\n", s.log()));

        w.measure();
        s = UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.DESIGN && !x.status().isBusy(), "the flat measurement");
        assertEquals(1.0, s.progress());

        w.design();
        s = UiThread.await(w.state(), WizardState::status, x -> x.phase() == Phase.CORRECTED && !x.status().isBusy(), "the design");
        assertEquals(Stage.POSITION, s.stage());
        assertEquals(0, s.take());
        assertEquals(0.0, s.progress());
        assertTrue(s.instruction().contains("Then measure through the correction."), s.instruction());

        w.measure();
        UiThread.await(w.state(), WizardState::status, x -> x.take() == 1 && !x.status().isBusy(), "the first corrected position");
        w.measure();
        s = UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.DONE && !x.status().isBusy(), "the result");
        assertNull(s.status().error(), s.status().toString());
        assertEquals(List.of("center", "left-ear"), s.result().positions());
        assertEquals("calibrated-driver", s.result().profileId());
        for (Results.Row row : s.table()) {
            assertTrue(row.connected(), row.toString());
            // Two positions of one-second sweeps: the correction brings each speaker within a few dB of the target.
            assertTrue(row.afterDb() < row.beforeDb(), row.toString());
            assertTrue(row.afterDb() < 3, row.toString());
        }

        PanelImages.save(panel, 1000, 680, "wizard-done");

        w.save(dir.resolve("report"));
        s = UiThread.await(w.state(), WizardState::status, x -> !x.status().isBusy() && x.status().notice() != null, "the report");
        assertEquals("Report written: " + dir.resolve("report/report.html"), s.status().notice());
        assertEquals(s.result().profile(), ProfileParser.parse(dir.resolve("report/profile.json")));
    }

    @Test
    void aQuietOrClippingMicrophoneIsToldWhatToDo() throws Exception {
        WizardModel w = new WizardModel(ui.threads);
        BoardConfig b = Rig.board(board);
        CabinSpec cabin = Rig.cabin(ROOT.resolve("calibration/cabins/hatchback.yaml"));
        double[] gainDb = {-60};
        RenderedUnit unit = new RenderedUnit(b);
        w.start((prompt, log) -> new Rig(unit, new Preamp(new VirtualCar(cabin, unit, "driver", 1, 3), gainDb[0]), b, "hatchback"),
                options(SWEEP_SECONDS));
        UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.POSITION && !x.status().isBusy(), "prepared");

        w.checkLevel();
        WizardState low = UiThread.await(w.state(), WizardState::status, x -> x.level() != null && !x.status().isBusy(), "a quiet level check");
        assertEquals(LevelCheck.Verdict.TOO_LOW, low.level().verdict(), low.level().toString());
        double quiet = low.level().positions().getFirst().peakDbfs();
        assertEquals(String.format(java.util.Locale.ROOT, "center: the microphone peaks at only %.1f dBFS (-40 dBFS or "
                + "more needed): turn the microphone gain up by about %.0f dB.", quiet, Math.floor(-15 - quiet)),
                low.level().advice());
        assertTrue(low.instruction().startsWith(low.level().advice()), low.instruction());
        assertNull(low.status().notice());
        WizardPanel panel = PanelImages.make(() -> new WizardPanel(w, new CaptureDevices(ui.threads), new UnitSession(dir), ROOT));
        PanelImages.save(panel, 1000, 680, "wizard-level-too-low");

        w.leave();
        UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.STOPPED && !x.status().isBusy(), "left");
        gainDb[0] = 40;
        w.start((prompt, log) -> new Rig(unit, new Preamp(new VirtualCar(cabin, unit, "driver", 1, 3), gainDb[0]), b, "hatchback"),
                options(SWEEP_SECONDS));
        UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.POSITION && x.level() == null && !x.status().isBusy(),
                "prepared again");
        w.checkLevel();
        WizardState hot = UiThread.await(w.state(), WizardState::status, x -> x.level() != null && !x.status().isBusy(), "a hot level check");
        assertEquals(LevelCheck.Verdict.CLIPPING, hot.level().verdict(), hot.level().toString());
        assertTrue(hot.level().advice().startsWith("center: the microphone peaks at 0.0 dBFS, at the recorder's full scale "
                + "(clipping): turn the microphone gain down by "), hot.level().advice());
    }

    @Test
    void aStoppedPositionStaysToBeMeasuredAndLeavingPlaysThePreviousProfileAgain() throws Exception {
        WizardModel w = new WizardModel(ui.threads);
        BoardConfig b = Rig.board(board);
        CabinSpec cabin = Rig.cabin(ROOT.resolve("calibration/cabins/hatchback.yaml"));
        RenderedUnit unit = new RenderedUnit(b);
        playDriverSeat(unit);
        w.start((prompt, log) -> new Rig(unit, VirtualCar.handHeld(cabin, unit, "driver", 2, 5), b, "hatchback"), options(SWEEP_SECONDS));
        UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.POSITION && !x.status().isBusy(), "prepared");
        assertEquals("calibration-flat", unit.activeProfile());

        w.measure();
        UiThread.await(w.state(), WizardState::status, x -> x.cells().getFirst().getFirst().kind() == CellKind.RUNNING, "the first step");
        w.cancel();
        WizardState s = UiThread.await(w.state(), WizardState::status, x -> !x.status().isBusy(), "stopped");
        assertTrue(s.status().notice().startsWith("Stopped measuring center"), s.status().toString());
        assertEquals(0, s.take());
        assertEquals(Stage.POSITION, s.stage());
        assertTrue(!s.measured(0));
        assertEquals(CellKind.PENDING, s.cells().getLast().getFirst().kind(), "all together was not reached");
        assertTrue(s.cells().stream().noneMatch(r -> r.getFirst().kind() == CellKind.RUNNING), s.cells().toString());

        w.leave();
        s = UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.STOPPED && !x.status().isBusy(), "left");
        assertEquals("Left the calibration; the unit plays its previous profile again.", s.status().notice());
        assertEquals("driver-seat", unit.activeProfile());
        assertTrue(s.log().contains("the calibration did not finish; unit simulator-rendered plays driver-seat again"),
                String.join("\n", s.log()));
        assertNotNull(s.instruction());

        // Back to the setup for another calibration, the log kept; only once one has ended.
        int logged = s.log().size();
        w.newCalibration();
        s = UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.SETUP, "the setup");
        assertTrue(s.takes().isEmpty() && s.cells().isEmpty(), s.toString());
        assertEquals(logged, s.log().size());
        w.newCalibration();
        s = UiThread.await(w.state(), WizardState::status, x -> x.status().error() != null, "refused");
        assertEquals("Leave the calibration first.", s.status().error());
    }
}
