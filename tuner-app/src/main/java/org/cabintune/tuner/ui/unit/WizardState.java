package org.cabintune.tuner.ui.unit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.cabintune.tuner.audio.Prompt;
import org.cabintune.tuner.calibrate.CalibrationResult;
import org.cabintune.tuner.calibrate.CalibrationSteps;
import org.cabintune.tuner.calibrate.CalibrationSteps.Phase;
import org.cabintune.tuner.calibrate.LevelCheck;
import org.cabintune.tuner.calibrate.Results;

/**
 * What the measurement wizard shows, and what the installer is told to do at each take. One
 * immutable value: each change the calibration makes ({@link WizardModel} runs it) is a method
 * here returning the next value, so the words and the grid are worked out in one place, away
 * from the threads.
 *
 * @param stage       where it is
 * @param phase       through which profile the car is being measured
 * @param take        the take (position) at hand
 * @param takes       the positions' names, one entry per take
 * @param rows        the steps of a take: each speaker, then all together
 * @param cells       {@code cells.get(row).get(take)}
 * @param level       the last level check, or null
 * @param instruction what to do now, for the installer
 * @param ask         the move the microphone waits for (Continue or Stop), or null
 * @param log         the calibration's log, latest last
 * @param result      the result once done, or null
 * @param table       per output, before and after, once done
 * @param status      what runs, or how the last action ended
 */
public record WizardState(Stage stage, Phase phase, int take, List<String> takes, List<String> rows,
                          List<List<Cell>> cells, LevelCheck level, String instruction, Prompt.Move ask,
                          List<String> log, CalibrationResult result, List<Results.Row> table, Status status) {

    /** Lines of the calibration's log kept for the view. */
    static final int LOG_LINES = 200;

    /** Where the wizard is. */
    public enum Stage {
        /** Nothing started: choose the unit, microphone, board and target. */
        SETUP,
        /** At a take (a position, for a microphone moved by hand): check the level, measure, or take one again. */
        POSITION,
        /** Every position measured flat: design the correction. */
        DESIGN,
        /** Measured through the correction: the result is there. */
        DONE,
        /** Left, or failed before it could start: a new calibration starts from the setup. */
        STOPPED
    }

    /** A cell of the progress grid: one step (a speaker, or all together) at one take. */
    public enum CellKind {
        PENDING, RUNNING, HEARD, SILENT
    }

    /**
     * One cell.
     *
     * @param kind its state
     * @param text what it says: the SNR, "nothing heard", or empty
     */
    public record Cell(CellKind kind, String text) {
        static final Cell PENDING = new Cell(CellKind.PENDING, "");
        static final Cell RUNNING = new Cell(CellKind.RUNNING, "measuring");

        /** What a step's measurement says: its SNR, heard or too quiet, or "nothing heard" when it failed. */
        static Cell of(CalibrationSteps.Result r) {
            if (r.problem() != null) {
                return new Cell(CellKind.SILENT, "nothing heard");
            }
            String snr = String.format(Locale.ROOT, "%.0f dB SNR", r.snrDb());
            return new Cell(r.heard() ? CellKind.HEARD : CellKind.SILENT, r.heard() ? snr : snr + ": too quiet");
        }
    }

    /** Nothing started yet. */
    static WizardState setup() {
        return setup(List.of(), Status.IDLE);
    }

    /** Back at the setup after a calibration ended, for another; its log and how it ended stay. */
    WizardState toSetup() {
        return setup(log, status);
    }

    private static WizardState setup(List<String> log, Status status) {
        return new WizardState(Stage.SETUP, Phase.FLAT, 0, List.of(), List.of(), List.of(), null,
                "Choose the head unit, the microphone, the board and the target, then start.", null, log, null,
                List.of(), status);
    }

    /** Cells measured over all cells of the phase, 0..1. */
    public double progress() {
        long all = cells.stream().mapToLong(List::size).sum();
        long done = cells.stream().flatMap(List::stream)
                .filter(c -> c.kind() == CellKind.HEARD || c.kind() == CellKind.SILENT).count();
        return all == 0 ? 0 : done / (double) all;
    }

    /** Whether take {@code t} has every step measured. */
    public boolean measured(int t) {
        return !cells.isEmpty() && cells.stream().allMatch(r -> r.get(t).kind() == CellKind.HEARD
                || r.get(t).kind() == CellKind.SILENT);
    }

    /** The first take not measured yet; {@code take} when every one is. */
    int next(int take) {
        for (int t = 0; t < takes.size(); t++) {
            if (!measured(t)) {
                return t;
            }
        }
        return take;
    }

    /** Take {@code take} for people: "center", or "position 2" for a microphone whose positions are numbered. */
    String where(int take) {
        return numbered(take) ? "position " + takes.get(take) : takes.get(take);
    }

    /** A sound card's microphone names its positions by number, a virtual car's by place. */
    private boolean numbered(int take) {
        return takes.get(take).equals(Integer.toString(take + 1));
    }

    /** A calibration prepared: the flat measurement at its first take, nothing measured, no level checked. */
    WizardState prepared(List<String> takes, List<String> rows) {
        return new WizardState(Stage.POSITION, Phase.FLAT, 0, List.copyOf(takes), rows, grid(rows.size(), takes.size()),
                null, "", null, log, null, List.of(), status).at(0);
    }

    /** The correction designed: its steps {@code rows}, measured from the first take, nothing measured yet. */
    WizardState throughCorrection(List<String> rows) {
        return new WizardState(Stage.POSITION, Phase.CORRECTED, 0, takes, rows, grid(rows.size(), takes.size()), level,
                "", ask, log, null, List.of(), status).at(0);
    }

    /** A level check's verdict, with what to do about it. */
    WizardState checked(LevelCheck check) {
        return new WizardState(stage, phase, take, takes, rows, cells, check, "", ask, log, result, table, status)
                .at(take);
    }

    /** Every position measured flat: design the correction. */
    WizardState toDesign() {
        return new WizardState(Stage.DESIGN, phase, take, takes, rows, cells, level, "Every position is measured. "
                + "Design the correction: it is stored on the unit, signed, and played; then the positions are "
                + "measured again through it.", ask, log, null, List.of(), status);
    }

    /** Measured through the correction, which plays on {@code unit}: the result and its table. */
    WizardState done(CalibrationResult calibrated, List<Results.Row> perOutput, String unit) {
        return new WizardState(Stage.DONE, phase, take, takes, rows, cells, level, "Done: the correction plays on "
                + unit + ". Save the report, or take a position again.", ask, log, calibrated, perOutput, status);
    }

    /**
     * Left (or ended at the microphone's prompt): what was measured stays to be seen, and a new
     * calibration starts from the setup.
     */
    WizardState stopped() {
        return new WizardState(Stage.STOPPED, phase, take, takes, rows, cells, level,
                "The calibration has ended. New calibration goes back to the setup.", null, log, result, table, status);
    }

    /** At take {@code at}, with the instruction for it. */
    WizardState at(int at) {
        String name = takes.get(at);
        String through = phase == Phase.FLAT ? "" : " through the correction";
        String says;
        if (takes.size() > 1) {
            // A microphone moved by hand: one position per take.
            String place = numbered(at) ? "position " + name + " of " + takes.size()
                    : String.format(Locale.ROOT, "%s (position %d of %d)", name, at + 1, takes.size());
            says = String.format(Locale.ROOT, "Place the microphone at %s, pointing up, at ear height; keep "
                    + "the car quiet. Then measure%s.", place, through);
        } else {
            says = "The microphone hears " + name + " in one take. Measure" + through + ".";
        }
        if (phase == Phase.FLAT && level == null) {
            says += " Check the level first: a short sweep plays on every output.";
        } else if (phase == Phase.FLAT && level.verdict() != LevelCheck.Verdict.OK) {
            says = level.advice() + " Then check the level again.";
        }
        return new WizardState(Stage.POSITION, phase, at, takes, rows, cells, level, says, ask, log, result, table,
                status);
    }

    /** Cell {@code row} of take {@code at} replaced by {@code cell}. */
    WizardState withCell(int row, int at, Cell cell) {
        List<List<Cell>> grid = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            List<Cell> line = new ArrayList<>(cells.get(r));
            if (r == row) {
                line.set(at, cell);
            }
            grid.add(List.copyOf(line));
        }
        return new WizardState(stage, phase, take, takes, rows, List.copyOf(grid), level, instruction, ask, log,
                result, table, status);
    }

    /** {@code line} added to the log, which keeps its last {@value #LOG_LINES} lines. */
    WizardState withLine(String line) {
        List<String> longer = new ArrayList<>(log);
        longer.add(line);
        List<String> kept = longer.size() > LOG_LINES ? longer.subList(longer.size() - LOG_LINES, longer.size())
                : longer;
        return new WizardState(stage, phase, take, takes, rows, cells, level, instruction, ask, List.copyOf(kept),
                result, table, status);
    }

    /** The microphone waiting for {@code move} (Continue or Stop), or no longer waiting when it is null. */
    WizardState withAsk(Prompt.Move move) {
        return new WizardState(stage, phase, take, takes, rows, cells, level, instruction, move, log, result, table,
                status);
    }

    WizardState withStatus(Status now) {
        return new WizardState(stage, phase, take, takes, rows, cells, level, instruction, ask, log, result, table,
                now);
    }

    private static List<List<Cell>> grid(int rows, int takes) {
        List<List<Cell>> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            cells.add(Collections.nCopies(takes, Cell.PENDING));
        }
        return List.copyOf(cells);
    }
}
