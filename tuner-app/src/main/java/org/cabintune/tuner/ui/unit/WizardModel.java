package org.cabintune.tuner.ui.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cabintune.tuner.audio.Prompt;
import org.cabintune.tuner.calibrate.CalibrationOptions;
import org.cabintune.tuner.calibrate.CalibrationResult;
import org.cabintune.tuner.calibrate.CalibrationSteps;
import org.cabintune.tuner.calibrate.CalibrationSteps.Phase;
import org.cabintune.tuner.calibrate.CalibrationSteps.Step;
import org.cabintune.tuner.calibrate.LevelCheck;
import org.cabintune.tuner.calibrate.Results;
import org.cabintune.tuner.ui.unit.WizardState.Cell;
import org.cabintune.tuner.ui.unit.WizardState.CellKind;
import org.cabintune.tuner.ui.unit.WizardState.Stage;

/**
 * The measurement wizard's model: the calibration loop ({@link CalibrationSteps}) one step at
 * a time. A level check first (a short sweep on every output: is the microphone neither too
 * quiet nor clipping?), then position by position, speaker by speaker, the flat measurement;
 * the correction designed and stored on the unit; the same positions again through it; and
 * the result. A microphone moved by hand waits at each position until the installer has placed
 * it: a sound card's microphone asks through the wizard ({@link #prompt}: the move is shown
 * until {@link #proceed} or {@link #stopAtPrompt}); a virtual car hears all its positions in one
 * take. Any position can be taken again, the running step stopped, and the whole calibration
 * left, which plays the unit's previous profile again. Every step runs in the background; each
 * change it makes to what the wizard shows is one of {@link WizardState}'s.
 */
public final class WizardModel {

    /** How long closing the window waits for a running step to stop before it restores the unit. */
    static final int CLOSE_WAIT_MS = 5_000;

    private final ModelThreads threads;
    private final ModelState<WizardState> state;
    private final Tasks tasks;
    private Rig rig;
    private volatile CalibrationSteps steps;
    private final WizardPrompt prompt;

    public WizardModel(ModelThreads threads) {
        this.threads = threads;
        this.state = new ModelState<>(WizardState.setup(), threads);
        this.tasks = new Tasks(threads, change -> state.update(s -> s.withStatus(change.apply(s.status()))));
        this.prompt = new WizardPrompt(ask -> state.update(x -> x.withAsk(ask)));
    }

    public ModelState<WizardState> state() {
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
        if (state.get().stage() != Stage.SETUP && state.get().stage() != Stage.STOPPED) {
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
            state.update(x -> x.prepared(takes, rows));
            return "The flat measurement profile plays on " + r.unit().id() + ".";
        });
    }

    /** Plays a short sweep on every output and judges the level the microphone hears at the take at hand. */
    public void checkLevel() {
        WizardState s = state.get();
        if (s.stage() != Stage.POSITION || s.phase() != Phase.FLAT) {
            fail("The level is checked before measuring, at a position.");
            return;
        }
        int take = s.take();
        tasks.start("Checking the microphone's level at " + s.where(take) + "...", true, recording(() -> {
            LevelCheck level = steps.checkLevel(take);
            state.update(x -> x.checked(level));
            return level.verdict() == LevelCheck.Verdict.OK ? "The level is right: " + level.summary() + "." : null;
        }));
    }

    /** Measures the take at hand: every speaker alone, then all together. */
    public void measure() {
        WizardState s = state.get();
        if (s.stage() != Stage.POSITION) {
            fail("There is no position to measure now.");
            return;
        }
        measureTake(s.take(), false);
    }

    /** Measures take {@code take} of the phase at hand again, replacing what it measured. */
    public void retake(int take) {
        WizardState s = state.get();
        boolean open = s.stage() == Stage.POSITION || s.stage() == Stage.DESIGN
                || s.stage() == Stage.DONE && s.phase() == Phase.CORRECTED;
        if (!open || take < 0 || take >= s.takes().size() || !s.measured(take)) {
            fail(take >= 0 && take < s.takes().size() && !s.measured(take)
                    ? Problems.capitalised(s.where(take)) + " has not been measured yet."
                    : "There is nothing to take again now.");
            return;
        }
        measureTake(take, true);
    }

    /** Designs the correction from the flat measurement and stores it on the unit, signed; then measures through it. */
    public void design() {
        if (state.get().stage() != Stage.DESIGN) {
            fail("Measure every position first.");
            return;
        }
        tasks.start("Designing the correction and storing it on the unit...", false, () -> {
            steps.design();
            List<String> rows = steps.steps(Phase.CORRECTED, 0).stream().map(Step::label).toList();
            state.update(x -> x.throughCorrection(rows));
            return "The correction plays on " + rig.unit().id() + "; measure again through it.";
        });
    }

    /** Writes the report, the profile, the measurements and the exports to {@code dir}. */
    public void save(Path dir) {
        CalibrationResult result = state.get().result();
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
     * Back to the setup once the calibration has ended (left, or stopped at the microphone's
     * prompt), to start another.
     */
    public void newCalibration() {
        if (state.get().stage() != Stage.STOPPED) {
            fail("Leave the calibration first.");
            return;
        }
        state.update(x -> x.stage() == Stage.STOPPED ? x.toSetup() : x);
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
        boolean finished = state.get().stage() == Stage.DONE;
        state.update(WizardState::stopped);
        return finished;
    }

    /**
     * The wizard as the microphone's {@link Prompt}: the move is shown ({@link WizardState#ask})
     * until Continue or Stop.
     */
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
        WizardState s = state.get();
        Phase phase = s.phase();
        String where = s.where(take);
        tasks.start("Measuring " + where + (again ? " again" : "") + "...", true, recording(() -> {
            List<Step> todo = steps.steps(phase, take);
            for (int row = 0; row < todo.size(); row++) {
                if (tasks.cancelled()) {
                    break;
                }
                int r = row;
                cell(r, take, Cell.RUNNING);
                try {
                    cell(r, take, Cell.of(steps.measure(todo.get(row))));
                } finally {
                    if (state.get().cells().get(r).get(take).kind() == CellKind.RUNNING) {
                        // Stopped in the middle: what it measured before (if anything) stands.
                        CalibrationSteps.Result before = steps.result(todo.get(row));
                        cell(r, take, before == null ? Cell.PENDING : Cell.of(before));
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
        WizardState s = state.get();
        if (s.phase() == Phase.CORRECTED && steps.complete(Phase.CORRECTED)) {
            CalibrationResult result = steps.result(rig.car(), rig.car());
            List<Results.Row> table = Results.rows(result);
            String unit = rig.unit().id();
            state.update(x -> x.done(result, table, unit));
            return;
        }
        if (s.phase() == Phase.FLAT && steps.complete(Phase.FLAT)) {
            state.update(WizardState::toDesign);
            return;
        }
        int next = s.next(take);
        state.update(x -> x.at(next));
    }

    private void cell(int row, int take, Cell cell) {
        state.update(x -> x.withCell(row, take, cell));
    }

    private void log(String line) {
        state.update(x -> x.withLine(line));
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
        state.update(x -> x.withStatus(Status.failed(message)));
    }
}
