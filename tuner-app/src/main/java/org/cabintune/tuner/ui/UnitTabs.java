package org.cabintune.tuner.ui;

import java.nio.file.Path;
import org.cabintune.tuner.ui.unit.ModelThreads;
import org.cabintune.tuner.ui.unit.UnitSession;

/**
 * What the head-unit tabs of one window share: the connection to the unit ({@link UnitSession})
 * and the threads their models work on ({@link ModelThreads}). Made when the first of those tabs
 * is, on the event dispatch thread, and closed with the window.
 */
final class UnitTabs {

    private final Path home;
    private UnitSession session;
    private ModelThreads threads;

    /** @param home the checkout the wizard's default files (boards, targets, cabins) are found in */
    UnitTabs(Path home) {
        this.home = home;
    }

    UnitSession session(Shell shell) {
        open(shell);
        return session;
    }

    ModelThreads threads(Shell shell) {
        open(shell);
        return threads;
    }

    Path home() {
        return home;
    }

    private void open(Shell shell) {
        if (session == null) {
            session = new UnitSession();
            threads = ModelThreads.swing();
            shell.onClose(() -> {
                session.close();
                threads.close();
            });
        }
    }
}
