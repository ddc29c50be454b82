package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.audio.Prompt;
import org.cabintune.tuner.audio.SoundCardInput;
import org.cabintune.tuner.audio.SoundCardMicrophone;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.calibrate.LevelCheck;
import org.cabintune.tuner.calibrate.RenderedUnit;
import org.cabintune.tuner.ui.unit.WizardState.CellKind;
import org.cabintune.tuner.ui.unit.WizardState.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement wizard with a measurement microphone on a sound card: the real
 * {@link SoundCardMicrophone}, asking through the wizard ({@link WizardModel#prompt}) before each
 * position, its recordings read through Java Sound's {@code AudioInputStream} from what the
 * virtual hatchback hears of the board's chain rendered here ({@link CarThroughSoundCard}).
 */
class WizardMicrophoneTest {

    @TempDir
    Path dir;
    private UiThread ui;
    private BoardConfig board;
    private CabinSpec cabin;
    private RenderedUnit unit;
    /** Every move the microphone asked for, in order. */
    private final List<Prompt.Move> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ui = new UiThread();
        board = Rig.board(WizardModelTest.twoMidwooferBoard(dir));
        cabin = Rig.cabin(WizardModelTest.ROOT.resolve("calibration/cabins/hatchback.yaml"));
        unit = new RenderedUnit(board);
    }

    @AfterEach
    void tearDown() {
        ui.close();
    }

    /**
     * The rig: {@code unit} heard in the hatchback by a sound card's microphone moved to two
     * positions around the driver, asking through {@code prompt} before each.
     */
    static Rig soundCard(RenderedUnit unit, BoardConfig board, CabinSpec cabin, Prompt prompt) {
        return new Rig(unit, new SoundCardMicrophone(CarThroughSoundCard.opener(unit, cabin, "driver"),
                unit.sampleRate(), 0, 2, "driver", null, prompt), board, "hatchback");
    }

    /** The wizard on the unit, heard by a sound card's microphone moved to two positions. */
    private WizardModel wizard() throws InterruptedException {
        WizardModel w = new WizardModel(ui.threads);
        WizardModelTest.trace(w);
        // The wizard's prompt, each move noted as the microphone asks for it.
        w.start((prompt, log) -> soundCard(unit, board, cabin, move -> {
            asked.add(move);
            prompt.await(move);
        }), WizardModelTest.options(WizardModelTest.SWEEP_SECONDS));
        WizardState s = UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.POSITION && !x.status().isBusy(),
                "prepared");
        assertEquals(List.of("1", "2"), s.takes());
        assertTrue(s.instruction().startsWith("Place the microphone at position 1 of 2, pointing up"), s.instruction());
        return w;
    }

    private static WizardState asked(WizardModel w, int position) throws InterruptedException {
        WizardState s = UiThread.await(w.state(), WizardState::status, x -> x.ask() != null, "the move to position " + position);
        assertEquals(new Prompt.Move(position, 2, "driver"), s.ask());
        assertTrue(s.status().isBusy(), s.status().toString());
        return s;
    }

    @Test
    void asksBeforeEachPositionAndMeasuresWhatTheSoundCardRecords() throws Exception {
        WizardModel w = wizard();
        WizardPanel panel = PanelImages.make(() -> new WizardPanel(w, new CaptureDevices(ui.threads),
                new UnitSession(dir), WizardModelTest.ROOT));

        // The level check is the first recording at position 1: it asks first, then reads the microphone's level.
        w.checkLevel();
        Prompt.Move first = asked(w, 1).ask();
        assertEquals("Move the microphone to position 1 of 2 around the driver's head", first.text());
        PanelImages.save(panel, 1000, 680, "wizard-move");
        PanelImages.save(PanelImages.make(() -> MoveDialog.content(first, w::proceed, w::stopAtPrompt)), 470, 190,
                "wizard-move-dialog");
        w.proceed();
        WizardState level = UiThread.await(w.state(), WizardState::status, x -> x.level() != null && !x.status().isBusy(),
                "the level check");
        assertNull(level.ask());
        assertEquals(LevelCheck.Verdict.OK, level.level().verdict(), level.level().toString());
        double peak = level.level().positions().getFirst().peakDbfs();
        assertTrue(peak > LevelCheck.LOW_PEAK_DBFS && peak < LevelCheck.CLIP_DBFS, "peak " + peak);

        // Still at position 1: measured without asking again.
        w.measure();
        WizardState s = UiThread.await(w.state(), WizardState::status, x -> x.take() == 1 && !x.status().isBusy(), "position 1 measured");
        assertEquals(List.of(new Prompt.Move(1, 2, "driver")), asked);
        for (List<WizardState.Cell> row : s.cells()) {
            assertEquals(CellKind.HEARD, row.get(0).kind(), s.cells().toString());
            assertTrue(row.get(0).text().endsWith(" dB SNR"), row.get(0).text());
        }
        assertTrue(s.instruction().startsWith("Place the microphone at position 2 of 2"), s.instruction());

        w.measure();
        asked(w, 2);
        w.proceed();
        s = UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.DESIGN && !x.status().isBusy(),
                "the flat measurement");
        assertEquals(1.0, s.progress());

        // Taking position 1 again needs the microphone back there.
        int logged = s.log().size();
        w.retake(0);
        asked(w, 1);
        w.proceed();
        s = UiThread.await(w.state(), WizardState::status, x -> x.log().size() > logged && !x.status().isBusy(), "the retake");
        assertEquals(Stage.DESIGN, s.stage());
        assertTrue(s.log().subList(logged, s.log().size()).contains("measuring 1/2: front-left-midwoofer at 1"),
                String.join("\n", s.log()));
        assertEquals(List.of(new Prompt.Move(1, 2, "driver"), new Prompt.Move(2, 2, "driver"),
                new Prompt.Move(1, 2, "driver")), asked);
    }

    @Test
    void stopAtThePromptOfPosition2PlaysThePreviousProfileAgain() throws Exception {
        WizardModelTest.playDriverSeat(unit);
        WizardModel w = wizard();
        assertEquals("calibration-flat", unit.activeProfile());

        // The status line's Stop while the wizard asks ends only the step: the position stays, and is asked for again.
        w.measure();
        asked(w, 1);
        w.cancel();
        WizardState s = UiThread.await(w.state(), WizardState::status, x -> !x.status().isBusy(), "the step stopped");
        assertNull(s.ask());
        assertEquals(Stage.POSITION, s.stage());
        assertEquals("Stopped measuring position 1.", s.status().notice());
        assertFalse(s.measured(0));
        assertTrue(s.cells().stream().allMatch(r -> r.getFirst().kind() == CellKind.PENDING), s.cells().toString());

        w.measure();
        asked(w, 1);
        w.proceed();
        UiThread.await(w.state(), WizardState::status, x -> x.take() == 1 && !x.status().isBusy(), "position 1 measured");

        w.measure();
        asked(w, 2);
        w.stopAtPrompt();
        s = UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.STOPPED && !x.status().isBusy(), "stopped");
        assertEquals("Stopped at position 2 of 2; the unit plays its previous profile again.", s.status().notice());
        assertNull(s.ask());
        assertEquals("driver-seat", unit.activeProfile());
        assertTrue(s.log().contains("the calibration did not finish; unit simulator-rendered plays driver-seat again"),
                String.join("\n", s.log()));
        assertTrue(s.measured(0) && !s.measured(1), s.cells().toString());
        assertEquals(List.of(new Prompt.Move(1, 2, "driver"), new Prompt.Move(1, 2, "driver"),
                new Prompt.Move(2, 2, "driver")), asked);

        // Nothing waits any more: a late answer is refused, and a new calibration can start.
        w.proceed();
        s = UiThread.await(w.state(), WizardState::status, x -> x.status().error() != null, "the late answer");
        assertEquals("Nothing waits for the microphone to be moved.", s.status().error());
    }

    /** Closing the window while the wizard waits for the microphone ends the calibration as Leave does. */
    @Test
    void closingTheWindowWhileAskedPlaysThePreviousProfileAgain() throws Exception {
        WizardModelTest.playDriverSeat(unit);
        WizardModel w = wizard();
        assertEquals("calibration-flat", unit.activeProfile());
        w.measure();
        asked(w, 1);
        w.close();
        assertEquals("driver-seat", unit.activeProfile());
        WizardState s = UiThread.await(w.state(), WizardState::status, x -> x.stage() == Stage.STOPPED && !x.status().isBusy(),
                "stopped");
        assertNull(s.ask());
        assertTrue(s.log().contains("the calibration did not finish; unit simulator-rendered plays driver-seat again"),
                String.join("\n", s.log()));
        w.close();
        assertEquals("driver-seat", unit.activeProfile(), "a second close changes nothing");
    }

    @Test
    void aBadCalibrationFileIsNamedWithItsLineInTheStatus() throws Exception {
        Path cal = Files.writeString(dir.resolve("umik1_90deg.txt"),
                "\"Sens Factor =-1.2dB, SERNO: 7000001\"\n20 -1.5\n1000 x\n20000 2\n");
        WizardModel w = new WizardModel(ui.threads);
        WizardPanel panel = PanelImages.make(() -> new WizardPanel(w, new CaptureDevices(ui.threads),
                new UnitSession(dir), WizardModelTest.ROOT));
        Path boardFile = WizardModelTest.twoMidwooferBoard(dir);
        w.start((prompt, log) -> Rig.soundCard(new UnitSession(dir), boardFile, SoundCardInput.of("UMIK", 0, cal),
                "driver", 2, "", prompt, log), WizardModelTest.options(WizardModelTest.SWEEP_SECONDS));
        WizardState s = UiThread.await(w.state(), WizardState::status, x -> x.status().error() != null && !x.status().isBusy(),
                "the failure");
        assertEquals(cal + ":3: expected 'frequency dB', got '1000 x'", s.status().error());
        assertEquals(Stage.SETUP, s.stage());
        PanelImages.save(panel, 1000, 680, "wizard-bad-calibration");

        // A good file gets as far as the unit: none is connected here.
        Files.writeString(cal, "\"Sens Factor =-1.2dB, SERNO: 7000001\"\n20 -1.5\n1000 0\n20000 2\n");
        w.start((prompt, log) -> Rig.soundCard(new UnitSession(dir), boardFile, SoundCardInput.of("UMIK", 0, cal),
                "driver", 2, "", prompt, log), WizardModelTest.options(WizardModelTest.SWEEP_SECONDS));
        s = UiThread.await(w.state(), WizardState::status, x -> x.status().error() != null && !x.status().isBusy(),
                "the second failure");
        assertEquals("no head unit is connected; connect to one first", s.status().error());
    }
}
