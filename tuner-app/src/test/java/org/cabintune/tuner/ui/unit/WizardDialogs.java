package org.cabintune.tuner.ui.unit;

import static org.cabintune.tuner.ui.unit.OnScreen.assertNoDialog;
import static org.cabintune.tuner.ui.unit.OnScreen.button;
import static org.cabintune.tuner.ui.unit.OnScreen.click;
import static org.cabintune.tuner.ui.unit.OnScreen.close;
import static org.cabintune.tuner.ui.unit.OnScreen.dialog;
import static org.cabintune.tuner.ui.unit.OnScreen.onEdt;
import static org.cabintune.tuner.ui.unit.OnScreen.press;
import static org.cabintune.tuner.ui.unit.OnScreen.row;
import static org.cabintune.tuner.ui.unit.OnScreen.texts;
import static org.cabintune.tuner.ui.unit.OnScreen.waitFor;
import static org.cabintune.tuner.ui.unit.OnScreen.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.swing.AbstractButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.calibrate.CalibrationSteps.Phase;
import org.cabintune.tuner.calibrate.RenderedUnit;
import org.cabintune.tuner.ui.unit.WizardState.CellKind;
import org.cabintune.tuner.ui.unit.WizardState.Stage;

/**
 * The measurement wizard in a real window, its modal dialogs used as an installer uses them
 * ({@link OnScreen}): the dialog that shows is found among the application's windows, its real
 * button is clicked ({@code doClick}, on the event thread), a key is pressed, or its window is
 * closed by the event its title bar's close button sends. What follows is checked on the wizard's state, the window and the rendered
 * unit.
 *
 * <p>{@link WizardDialogTest} runs it in a JVM of its own on a virtual display: the tests' own JVM
 * is headless, where no dialog can show. The steps run in order in one window, as an installer
 * goes through them, each printing {@code held: STEP} when every check in it held; the first
 * that fails prints {@code failed: STEP}, why, and the wizard's state, and the JVM exits 1. An
 * exception on the event thread fails the step it happened in.
 *
 * <ol>
 *   <li>{@code close}: a sound card's microphone asks for position 1; the dialog's window is
 *       closed. Only the step stops, as the status line's Stop stops it: the calibration goes on
 *       and the position stays to be measured.</li>
 *   <li>{@code continue}: measured again, it asks again in a new dialog; Continue records there
 *       and the wizard goes on to position 2.</li>
 *   <li>{@code enter}: Enter, pressed on the keyboard in position 2's dialog, is Continue: the
 *       flat measurement is complete.</li>
 *   <li>{@code stop}: position 1 taken again asks for the microphone there; Stop in that dialog
 *       ends the calibration, and the unit plays the profile it played before
 *       ({@code HeadUnit.restore}).</li>
 *   <li>{@code new}: New calibration shows the setup again.</li>
 *   <li>{@code files}: the board and the virtual car chosen in the setup's file dialogs; a
 *       calibration of one take started there runs on them to its result.</li>
 *   <li>{@code save}: the report's folder chosen in the save dialog is written; a cancelled save
 *       dialog writes nothing.</li>
 * </ol>
 */
final class WizardDialogs {

    private static final Path HATCHBACK = WizardModelTest.ROOT.resolve("calibration/cabins/hatchback.yaml").toAbsolutePath()
            .normalize();
    private static final String REPORT_DIALOG = "Folder for the report, profile, measurements and exports";

    /** A step of the run: its checks throw when one does not hold. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private final Path dir;
    private final ModelThreads threads = ModelThreads.swing();
    private final WizardModel wizard = new WizardModel(threads);
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private JFrame frame;
    private RenderedUnit unit;

    private WizardDialogs(Path dir) {
        this.dir = dir;
    }

    /** {@code main(DIR)}: the files it writes go to {@code DIR}. */
    public static void main(String[] args) {
        WizardDialogs run = new WizardDialogs(Path.of(args[0]));
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("open", run::open);
        steps.put("close", run::closingTheDialogStopsOnlyTheStep);
        steps.put("continue", run::continueRecordsAndGoesOnToTheNextPosition);
        steps.put("enter", run::enterContinues);
        steps.put("stop", run::stopEndsTheCalibrationWithThePreviousProfile);
        steps.put("new", run::newCalibrationShowsTheSetup);
        steps.put("files", run::theSetupsFilesAreChosenInTheirDialogs);
        steps.put("save", run::theReportsFolderIsChosenInTheSaveDialog);
        for (Map.Entry<String, Step> step : steps.entrySet()) {
            try {
                step.getValue().run();
                assertTrue(run.uncaught.isEmpty(), "exceptions on the event thread: " + run.uncaught);
                System.out.println("held: " + step.getKey());
            } catch (Throwable e) {
                System.out.println("failed: " + step.getKey());
                e.printStackTrace(System.out);
                run.uncaught.forEach(u -> u.printStackTrace(System.out));
                System.out.println("the wizard's state: " + run.wizard.state().get());
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /**
     * The wizard's panel in a window of its own, showing, and a calibration started on a rendered
     * unit playing the driver's everyday profile, heard by a sound card's microphone moved by hand
     * to two positions (the setup offers a microphone only on a real capture device).
     */
    private void open() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        SwingUtilities.invokeAndWait(() -> {
            FlatLightLaf.setup();
            frame = new JFrame("Measurement");
            frame.setContentPane(new WizardPanel(wizard, new CaptureDevices(threads), new UnitSession(dir),
                    WizardModelTest.ROOT));
            frame.setSize(1000, 700);
            frame.setVisible(true);
        });
        BoardConfig board = Rig.board(WizardModelTest.twoMidwooferBoard(dir));
        unit = new RenderedUnit(board);
        WizardModelTest.playDriverSeat(unit);
        wizard.start((prompt, log) -> WizardMicrophoneTest.soundCard(unit, board, Rig.cabin(HATCHBACK), prompt),
                WizardModelTest.options(WizardModelTest.SWEEP_SECONDS));
        await(x -> x.stage() == Stage.POSITION && !x.status().isBusy(), "prepared");
        assertEquals("calibration-flat", unit.activeProfile());
    }

    // ---- the steps ----

    private void closingTheDialogStopsOnlyTheStep() throws Exception {
        click(button(frame, "Measure"));
        close(dialog("Position 1 of 2"));
        WizardState s = await(x -> x.ask() == null && !x.status().isBusy(), "the step stopped");
        assertNoDialog();
        assertEquals("Stopped measuring position 1.", s.status().notice());
        assertEquals(Stage.POSITION, s.stage());
        assertEquals(0, s.take());
        assertTrue(s.cells().stream().allMatch(r -> r.getFirst().kind() == CellKind.PENDING), s.cells().toString());
        assertEquals("calibration-flat", unit.activeProfile(), "the calibration goes on");
    }

    private void continueRecordsAndGoesOnToTheNextPosition() throws Exception {
        click(button(frame, "Measure"));
        JDialog asked = dialog("Position 1 of 2");
        List<String> says = texts(asked);
        assertTrue(says.stream().anyMatch(t -> t.contains("Move the microphone to position 1 of 2 around the driver's "
                + "head")), "the dialog says where: " + says);
        click(button(asked, "Continue"));
        WizardState s = await(x -> x.measured(0) && !x.status().isBusy(), "position 1 measured");
        assertNoDialog();
        assertEquals("Measured position 1: every speaker heard.", s.status().notice());
        assertEquals(1, s.take());
        assertTrue(s.measured(0) && !s.measured(1), s.cells().toString());
        assertTrue(s.cells().stream().allMatch(r -> r.getFirst().kind() == CellKind.HEARD), s.cells().toString());
        assertTrue(s.instruction().startsWith("Place the microphone at position 2 of 2"), s.instruction());
        assertEquals("calibration-flat", unit.activeProfile());
    }

    private void enterContinues() throws Exception {
        click(button(frame, "Measure"));
        press(dialog("Position 2 of 2"), KeyEvent.VK_ENTER);
        WizardState s = await(x -> x.stage() == Stage.DESIGN && !x.status().isBusy(), "the flat measurement");
        assertNoDialog();
        assertEquals(1.0, s.progress());
        assertEquals("calibration-flat", unit.activeProfile());
    }

    private void stopEndsTheCalibrationWithThePreviousProfile() throws Exception {
        JComboBox<?> which = within(frame.getContentPane(), JComboBox.class);
        onEdt(() -> {
            which.setSelectedItem("1");
            return null;
        });
        click(button(frame, "Take again"));
        click(button(dialog("Position 1 of 2"), "Stop"));
        WizardState s = await(x -> x.stage() == Stage.STOPPED && !x.status().isBusy(), "the calibration ended");
        assertNoDialog();
        assertEquals("Stopped at position 1 of 2; the unit plays its previous profile again.", s.status().notice());
        assertNull(s.ask());
        assertEquals("driver-seat", unit.activeProfile());
        assertTrue(s.log().contains("the calibration did not finish; unit simulator-rendered plays driver-seat again"),
                String.join("\n", s.log()));
        assertEquals(1.0, s.progress(), "what was measured stands");
        AbstractButton measure = button(frame, "Measure");
        waitFor(() -> !measure.isEnabled(), "Measure disabled: nothing is left to measure");
    }

    private void newCalibrationShowsTheSetup() throws Exception {
        click(button(frame, "New calibration"));
        WizardState s = await(x -> x.stage() == Stage.SETUP, "the setup");
        assertTrue(s.takes().isEmpty() && s.cells().isEmpty(), s.toString());
        AbstractButton start = button(frame, "Start");
        waitFor(start::isShowing, "the setup's Start showing");
    }

    private void theSetupsFilesAreChosenInTheirDialogs() throws Exception {
        Path board = WizardModelTest.twoMidwooferBoard(dir);
        choose(browse("Board"), board, UIManager.getString("FileChooser.openButtonText"));
        choose(browse("Virtual car"), HATCHBACK, UIManager.getString("FileChooser.openButtonText"));
        assertEquals(board.toString(), onEdt(() -> ((JTextField) row(frame, "Board").getFirst()).getText()));
        assertEquals(HATCHBACK.toString(), onEdt(() -> ((JTextField) row(frame, "Virtual car").getFirst()).getText()));
        // One take, every position at once, the shortest sweep.
        JSpinner positions = within(row(frame, "Positions").getFirst(), JSpinner.class);
        JSpinner sweep = within(row(frame, "Stimulus").getFirst(), JSpinner.class);
        onEdt(() -> {
            positions.setValue(1);
            sweep.setValue(WizardModelTest.SWEEP_SECONDS);
            return null;
        });
        click(within(row(frame, "Positions").getFirst(), JCheckBox.class));
        click(button(frame, "Start"));
        WizardState s = await(x -> x.stage() == Stage.POSITION && !x.status().isBusy(), "prepared");
        assertEquals(List.of("front-left-midwoofer", "front-right-midwoofer", "all outputs"), s.rows(),
                "the board chosen in the dialog");

        click(button(frame, "Measure"));
        await(x -> x.stage() == Stage.DESIGN && !x.status().isBusy(), "the flat measurement");
        click(button(frame, "Design and store"));
        await(x -> x.phase() == Phase.CORRECTED && !x.status().isBusy(), "the design");
        click(button(frame, "Measure"));
        s = await(x -> x.stage() == Stage.DONE && !x.status().isBusy(), "the result");
        assertEquals(Rig.cabin(HATCHBACK).name(), s.result().car(), "the virtual car chosen in the dialog");
    }

    private void theReportsFolderIsChosenInTheSaveDialog() throws Exception {
        Path report = dir.resolve("report");
        click(button(frame, "Save report..."));
        choose(dialog(REPORT_DIALOG), report, UIManager.getString("FileChooser.saveButtonText"));
        WizardState s = await(x -> !x.status().isBusy() && x.status().notice() != null
                && x.status().notice().startsWith("Report written"), "the report");
        assertEquals("Report written: " + report.resolve("report.html"), s.status().notice());
        assertEquals(s.result().profile(), ProfileParser.parse(report.resolve("profile.json")));

        Path cancelled = dir.resolve("cancelled");
        click(button(frame, "Save report..."));
        JDialog save = dialog(REPORT_DIALOG);
        type(save, cancelled);
        click(button(save, UIManager.getString("FileChooser.cancelButtonText")));
        assertNoDialog();
        // Time for a save to start, had Cancel started one.
        Thread.sleep(300);
        assertEquals(s.status(), wizard.state().get().status(), "a cancelled save does nothing");
        assertFalse(Files.exists(cancelled), cancelled + " was written");
    }

    // ---- the setup's and the report's file dialogs ----

    /** Clicks the "..." of the setup's row {@code label}; the file dialog it opens. */
    private JDialog browse(String label) throws Exception {
        click((AbstractButton) row(frame, label).get(1));
        return dialog(UIManager.getString("FileChooser.openDialogTitleText"));
    }

    /** In a file dialog: types {@code file}'s path as the name, then clicks {@code approve}. */
    private static void choose(JDialog chooser, Path file, String approve) throws Exception {
        type(chooser, file);
        click(button(chooser, approve));
        assertNoDialog();
    }

    private static void type(JDialog chooser, Path file) throws Exception {
        onEdt(() -> {
            within(within(chooser.getContentPane(), JFileChooser.class), JTextField.class).setText(file.toString());
            return null;
        });
    }

    private WizardState await(Predicate<WizardState> condition, String what) throws InterruptedException {
        return UiThread.await(wizard.state(), WizardState::status, condition, what);
    }
}
