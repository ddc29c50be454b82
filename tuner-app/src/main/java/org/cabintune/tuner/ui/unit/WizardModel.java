package org.cabintune.tuner.ui.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.cabintune.tuner.audio.Prompt;
import org.cabintune.tuner.calibrate.CalibrationOptions;
import org.cabintune.tuner.calibrate.CalibrationResult;
import org.cabintune.tuner.calibrate.CalibrationSteps;
import org.cabintune.tuner.calibrate.CalibrationSteps.Phase;
import org.cabintune.tuner.calibrate.CalibrationSteps.Step;
import org.cabintune.tuner.calibrate.LevelCheck;
import org.cabintune.tuner.calibrate.Results;

/**
 * The measurement wizard's model: the calibration loop ({@link CalibrationSteps}) one step at
 * a time. A level check first (a short sweep on every output: is the microphone neither too
 * quiet nor clipping?), then position by position, speaker by speaker, the flat measurement;
 * the correction designed and stored on the unit; the same positions again through it; and
 * the result. A microphone moved by hand waits at each position until the installer has placed
 * it: a sound card's microphone asks through the wizard ({@link #prompt}: the move is shown
 * until {@link #proceed} or {@link #stopAtPrompt}); a virtual car hears all its positions in one
 * take. Any position can be taken again, the running step stopped, and the whole calibration
 * left, which plays the unit's previous profile again. Every step runs in the background.
 */
public final class WizardModel {

    /** How long closing the window waits for a running step to stop before it restores the unit. */
    static final int CLOSE_WAIT_MS = 5_000;

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
        /** Left, or failed before it could start: start again from the setup. */
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
    }

    /**
     * What the wizard shows.
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
    public record State(Stage stage, Phase phase, int take, List<String> takes, List<String> rows, List<List<Cell>> cells,
                        LevelCheck level, String instruction, Prompt.Move ask, List<String> log,
                        CalibrationResult result, List<Results.Row> table, Status status) {

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
    }

    private final ModelThreads threads;
    private final ModelState<State> state;
    private final Tasks tasks;
    private Rig rig;
    private volatile CalibrationSteps steps;
    private final WizardPrompt prompt;

    public WizardModel(ModelThreads threads) {
        this.threads = threads;
        this.state = new ModelState<>(new State(Stage.SETUP, Phase.FLAT, 0, List.of(), List.of(), List.of(), null,
                "Choose the head unit, the microphone, the board and the target, then start.", null, List.of(), null,
                List.of(), Status.IDLE), threads);
        this.tasks = new Tasks(threads, change -> state.update(s -> with(s, change.apply(s.status()))));
        this.prompt = new WizardPrompt(ask -> state.update(x -> withAsk(x, ask)));
    }

    public ModelState<State> state() {
        return state;
    }

    /**
     * Starts a calibration: opens the rig, checks the unit is its board, and stores the flat
     * measurement profile on it.
     *
     * @param rig     opens the unit and microphone (in the background: it may read files and connect), with
     *                the wizard as the prompt a microphone moved by hand asks through
     * @param options the seat, stimulus, reference output, target and the corrected profile's id and name
     */
    public void start(Rig.Opener rig, CalibrationOptions options) {
        if (state.get().stage != Stage.SETUP && state.get().stage != Stage.STOPPED) {
            fail("A calibration is under way; leave it first.");
            return;
        }
        tasks.start("Preparing the unit...", true, () -> {
            Rig r = rig.open(prompt, this::log);
            CalibrationSteps s = new CalibrationSteps(r.unit(), r.microphone(), r.board(), options, this::log);
            this.rig = r;
            this.steps = s;
            try {
                s.prepare();
            } catch (IOException | RuntimeException e) {
                closeRig();
                throw e;
            }
            List<String> takes = new ArrayList<>();
            for (int t = 0; t < s.takes(); t++) {
                takes.add(String.join(", ", s.positions(t)));
            }
            List<String> rows = s.steps(Phase.FLAT, 0).stream().map(Step::label).toList();
            state.update(x -> at(new State(Stage.POSITION, Phase.FLAT, 0, List.copyOf(takes), rows,
                    grid(rows.size(), takes.size()), null, "", null, x.log(), null, List.of(), x.status()), 0));
            return "The flat measurement profile plays on " + r.unit().id() + ".";
        });
    }

    /** Plays a short sweep on every output and judges the level the microphone hears at the take at hand. */
    public void checkLevel() {
        State s = state.get();
        if (s.stage != Stage.POSITION || s.phase != Phase.FLAT) {
            fail("The level is checked before measuring, at a position.");
            return;
        }
        int take = s.take;
        tasks.start("Checking the microphone's level at " + where(s, take) + "...", true, recording(() -> {
            LevelCheck level = steps.checkLevel(take);
            state.update(x -> at(new State(x.stage, x.phase, x.take, x.takes, x.rows, x.cells, level, "", x.ask, x.log,
                    x.result, x.table, x.status), x.take));
            return level.verdict() == LevelCheck.Verdict.OK ? "The level is right: " + level.summary() + "." : null;
        }));
    }

    /** Measures the take at hand: every speaker alone, then all together. */
    public void measure() {
        State s = state.get();
        if (s.stage != Stage.POSITION) {
            fail("There is no position to measure now.");
            return;
        }
        measureTake(s.take, false);
    }

    /** Measures take {@code take} of the phase at hand again, replacing what it measured. */
    public void retake(int take) {
        State s = state.get();
        boolean open = s.stage == Stage.POSITION || s.stage == Stage.DESIGN
                || s.stage == Stage.DONE && s.phase == Phase.CORRECTED;
        if (!open || take < 0 || take >= s.takes.size() || !s.measured(take)) {
            fail(take >= 0 && take < s.takes.size() && !s.measured(take)
                    ? Problems.capitalised(where(s, take)) + " has not been measured yet."
                    : "There is nothing to take again now.");
            return;
        }
        measureTake(take, true);
    }

    /** Designs the correction from the flat measurement and stores it on the unit, signed; then measures through it. */
    public void design() {
        if (state.get().stage != Stage.DESIGN) {
            fail("Measure every position first.");
            return;
        }
        tasks.start("Designing the correction and storing it on the unit...", false, () -> {
            steps.design();
            List<String> rows = steps.steps(Phase.CORRECTED, 0).stream().map(Step::label).toList();
            state.update(x -> at(new State(Stage.POSITION, Phase.CORRECTED, 0, x.takes, rows,
                    grid(rows.size(), x.takes.size()), x.level, "", x.ask, x.log, null, List.of(), x.status), 0));
            return "The correction plays on " + rig.unit().id() + "; measure again through it.";
        });
    }

    /** Writes the report, the profile, the measurements and the exports to {@code dir}. */
    public void save(Path dir) {
        CalibrationResult result = state.get().result;
        if (result == null) {
            fail("There is no result to save yet.");
            return;
        }
        tasks.start("Writing the report to " + dir + "...", false, () -> {
            Results.write(result, dir);
            return "Report written: " + dir.resolve("report.html");
        });
    }

    /** Stops the step that runs; the position stays to be measured (or taken again). */
    public void cancel() {
        tasks.cancel();
    }

    /**
     * Leaves the calibration: stops what runs, plays the unit's previous profile again (unless
     * the calibration finished) and closes the microphone.
     */
    public void leave() {
        tasks.cancel();
        threads.work(() -> {
            try {
                awaitIdle(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                return;
            }
            tasks.start("Leaving the calibration...", false, () -> end() ? "Closed; the correction keeps playing."
                    : "Left the calibration; the unit plays its previous profile again.");
        });
    }

    /**
     * Ends the calibration for the window's closing, on the calling thread: stops what runs,
     * waits up to {@value #CLOSE_WAIT_MS} ms for it to stop, then plays the unit's previous
     * profile again (unless the calibration finished), so closing the window in the middle of a
     * calibration leaves the unit as Leave does. Nothing happens when no calibration is open.
     */
    public void close() throws InterruptedException {
        tasks.cancel();
        awaitIdle(CLOSE_WAIT_MS * 1_000_000L);
        if (steps != null) {
            end();
        }
    }

    /** Waits until no step runs, or {@code nanos} have passed. */
    private void awaitIdle(long nanos) throws InterruptedException {
        long start = System.nanoTime();
        while (tasks.busy() && System.nanoTime() - start < nanos) {
            Thread.sleep(10);
        }
    }

    /**
     * Ends the calibration on the thread that asks: plays the unit's previous profile again
     * (unless the calibration finished) and closes the microphone; true when it had finished.
     */
    private boolean end() {
        if (steps != null) {
            steps.abandon();
        }
        closeRig();
        steps = null;
        boolean finished = state.get().stage == Stage.DONE;
        state.update(x -> new State(Stage.STOPPED, x.phase, x.take, x.takes, x.rows, x.cells, x.level,
                "Start again from the setup.", null, x.log, x.result, x.table, x.status));
        return finished;
    }

    /** The wizard as the microphone's {@link Prompt}: the move is shown ({@link State#ask}) until Continue or Stop. */
    public Prompt prompt() {
        return prompt;
    }

    /** Continue: the microphone is at the position asked for; the measurement goes on. */
    public void proceed() {
        answer(true);
    }

    /**
     * Stop at the microphone's prompt: the calibration ends, the test signal is stopped and the
     * unit plays its previous profile again, as when the command-line calibration is ended.
     */
    public void stopAtPrompt() {
        answer(false);
    }

    private void answer(boolean proceed) {
        if (!prompt.answer(proceed)) {
            fail("Nothing waits for the microphone to be moved.");
        }
    }

    /** Work that records: Stop at the microphone's prompt ends the calibration there. */
    private Tasks.Work recording(Tasks.Work work) {
        return () -> {
            try {
                return work.run();
            } catch (Prompt.Stopped e) {
                end();
                return "Stopped at position " + e.move().position() + " of " + e.move().positions()
                        + "; the unit plays its previous profile again.";
            }
        };
    }

    private void measureTake(int take, boolean again) {
        State s = state.get();
        Phase phase = s.phase;
        String where = where(s, take);
        tasks.start("Measuring " + where + (again ? " again" : "") + "...", true, recording(() -> {
            List<Step> todo = steps.steps(phase, take);
            for (int row = 0; row < todo.size(); row++) {
                if (tasks.cancelled()) {
                    break;
                }
                int r = row;
                cell(r, take, Cell.RUNNING);
                try {
                    cell(r, take, cellOf(steps.measure(todo.get(row))));
                } finally {
                    if (state.get().cells.get(r).get(take).kind() == CellKind.RUNNING) {
                        // Stopped in the middle: what it measured before (if anything) stands.
                        CalibrationSteps.Result before = steps.result(todo.get(row));
                        cell(r, take, before == null ? Cell.PENDING : cellOf(before));
                    }
                }
            }
            if (tasks.cancelled()) {
                return null;
            }
            advance(take);
            List<String> silent = new ArrayList<>();
            for (Step step : todo) {
                if (!steps.result(step).heard()) {
                    silent.add(step.label());
                }
            }
            return "Measured " + where + ": " + (silent.isEmpty() ? "every speaker heard."
                    : "nothing heard from " + String.join(", ", silent) + " (muted in the design if so everywhere).");
        }));
    }

    /** After a take: the next position, or the design, or the result. */
    private void advance(int take) {
        State s = state.get();
        if (s.phase == Phase.CORRECTED && steps.complete(Phase.CORRECTED)) {
            CalibrationResult result = steps.result(rig.car(), rig.car());
            List<Results.Row> table = Results.rows(result);
            state.update(x -> new State(Stage.DONE, x.phase, x.take, x.takes, x.rows, x.cells, x.level,
                    "Done: the correction plays on " + rig.unit().id() + ". Save the report, or take a position again.",
                    x.ask, x.log, result, table, x.status));
            return;
        }
        if (s.phase == Phase.FLAT && steps.complete(Phase.FLAT)) {
            state.update(x -> new State(Stage.DESIGN, x.phase, x.take, x.takes, x.rows, x.cells, x.level,
                    "Every position is measured. Design the correction: it is stored on the unit, signed, and "
                            + "played; then the positions are measured again through it.", x.ask, x.log, null,
                    List.of(), x.status));
            return;
        }
        int next = take;
        for (int t = 0; t < s.takes.size(); t++) {
            if (!s.measured(t)) {
                next = t;
                break;
            }
        }
        int at = next;
        state.update(x -> at(x, at));
    }

    /** The state at take {@code take}, with the instruction for it. */
    private static State at(State x, int take) {
        String where = x.takes.get(take);
        boolean handHeld = x.takes.size() > 1;
        String through = x.phase == Phase.FLAT ? "" : " through the correction";
        String instruction;
        if (handHeld) {
            String place = numbered(x, take) ? "position " + where + " of " + x.takes.size()
                    : String.format(Locale.ROOT, "%s (position %d of %d)", where, take + 1, x.takes.size());
            instruction = String.format(Locale.ROOT, "Place the microphone at %s, pointing up, at ear height; keep "
                    + "the car quiet. Then measure%s.", place, through);
        } else {
            instruction = "The microphone hears " + where + " in one take. Measure" + through + ".";
        }
        if (x.phase == Phase.FLAT && x.level == null) {
            instruction += " Check the level first: a short sweep plays on every output.";
        } else if (x.phase == Phase.FLAT && x.level.verdict() != LevelCheck.Verdict.OK) {
            instruction = x.level.advice() + " Then check the level again.";
        }
        return new State(Stage.POSITION, x.phase, take, x.takes, x.rows, x.cells, x.level, instruction, x.ask, x.log,
                x.result, x.table, x.status);
    }

    /** Take {@code take} for people: "center", or "position 2" for a microphone whose positions are numbered. */
    private static String where(State x, int take) {
        return numbered(x, take) ? "position " + x.takes.get(take) : x.takes.get(take);
    }

    /** A sound card's microphone names its positions by number, a virtual car's by place. */
    private static boolean numbered(State x, int take) {
        return x.takes.get(take).equals(Integer.toString(take + 1));
    }

    private static Cell cellOf(CalibrationSteps.Result r) {
        if (r.problem() != null) {
            return new Cell(CellKind.SILENT, "nothing heard");
        }
        String snr = String.format(Locale.ROOT, "%.0f dB SNR", r.snrDb());
        return new Cell(r.heard() ? CellKind.HEARD : CellKind.SILENT, r.heard() ? snr : snr + ": too quiet");
    }

    private void cell(int row, int take, Cell cell) {
        state.update(x -> {
            List<List<Cell>> cells = new ArrayList<>();
            for (int r = 0; r < x.cells.size(); r++) {
                List<Cell> line = new ArrayList<>(x.cells.get(r));
                if (r == row) {
                    line.set(take, cell);
                }
                cells.add(List.copyOf(line));
            }
            return new State(x.stage, x.phase, x.take, x.takes, x.rows, List.copyOf(cells), x.level, x.instruction, x.ask, x.log,
                    x.result, x.table, x.status);
        });
    }

    private static List<List<Cell>> grid(int rows, int takes) {
        List<List<Cell>> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            cells.add(Collections.nCopies(takes, Cell.PENDING));
        }
        return List.copyOf(cells);
    }

    private void log(String line) {
        state.update(x -> {
            List<String> log = new ArrayList<>(x.log);
            log.add(line);
            List<String> kept = log.size() > LOG_LINES ? log.subList(log.size() - LOG_LINES, log.size()) : log;
            return new State(x.stage, x.phase, x.take, x.takes, x.rows, x.cells, x.level, x.instruction, x.ask, List.copyOf(kept),
                    x.result, x.table, x.status);
        });
    }

    private void closeRig() {
        if (rig != null) {
            try {
                rig.close();
            } catch (IOException e) {
                log("could not close the microphone: " + e.getMessage());
            }
            rig = null;
        }
    }

    private void fail(String message) {
        state.update(x -> with(x, Status.failed(message)));
    }

    private static State withAsk(State x, Prompt.Move ask) {
        return new State(x.stage, x.phase, x.take, x.takes, x.rows, x.cells, x.level, x.instruction, ask, x.log, x.result,
                x.table, x.status);
    }

    private static State with(State x, Status status) {
        return new State(x.stage, x.phase, x.take, x.takes, x.rows, x.cells, x.level, x.instruction, x.ask, x.log, x.result,
                x.table, status);
    }
}
