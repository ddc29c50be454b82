package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cabintune.tuner.ui.Xvfb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement wizard's modal dialogs clicked in a real window under Xvfb, against the
 * rendered simulator unit heard in the virtual hatchback: {@link WizardDialogs}, in one JVM of
 * its own, goes through the steps in order as an installer does (one JVM: its start and the
 * measurement's warm-up are paid once); each test here is one step, failing with the run's output
 * when that step did not hold, or was not reached. Skipped, saying why, where Xvfb is not
 * installed.
 */
class WizardDialogTest {

    /** The longest the run may take: each of its waits gives up after a minute. */
    private static final long CHILD_SECONDS = 240;

    @TempDir
    static Path dir;
    private static String output;

    @BeforeAll
    static void clickThrough() throws Exception {
        try (Xvfb xvfb = Xvfb.start()) {
            Path log = dir.resolve("wizard-dialogs.log");
            Process p = Xvfb.java(xvfb.display(), log, List.of("-XX:+UseSerialGC", "-Xmx512m"),
                    WizardDialogs.class.getName(), dir.toString());
            boolean ended = p.waitFor(CHILD_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            output = Files.readString(log) + (ended ? "" : "\n(did not end within " + CHILD_SECONDS + " s)");
        }
    }

    @Test
    void closingTheDialogsWindowStopsOnlyTheStep() {
        held("close");
    }

    @Test
    void continueRecordsThereAndGoesOnToTheNextPosition() {
        held("continue");
    }

    @Test
    void stopEndsTheCalibrationAndTheUnitPlaysItsPreviousProfileAgain() {
        held("stop");
    }

    @Test
    void newCalibrationGoesBackToTheSetup() {
        held("new");
    }

    @Test
    void theSetupsBoardAndVirtualCarAreChosenInTheirFileDialogs() {
        held("files");
    }

    @Test
    void theReportsFolderIsChosenInTheSaveDialogAndCancelWritesNothing() {
        held("save");
    }

    private static void held(String step) {
        assertTrue(output.lines().anyMatch(("held: " + step)::equals), () -> "the step '" + step + "' "
                + (output.lines().anyMatch(("failed: " + step)::equals) ? "failed" : "was not reached") + ":\n" + output);
    }
}
