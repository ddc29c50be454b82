package org.cabintune.tuner.ui;

import java.nio.file.Path;
import java.util.List;
import org.cabintune.tuner.ui.align.AlignmentPanel;
import org.cabintune.tuner.ui.eq.EqEditorPanel;
import org.cabintune.tuner.ui.plot.PlotsPanel;
import org.cabintune.tuner.ui.unit.AuditionPanel;
import org.cabintune.tuner.ui.unit.ConnectPanel;
import org.cabintune.tuner.ui.unit.MetersPanel;
import org.cabintune.tuner.ui.unit.ProfilesPanel;
import org.cabintune.tuner.ui.unit.WizardPanel;

/**
 * The main window's tabs, in order. A panel is added with one line here: an id (for
 * {@code --tab}), a title, and how to make it from the {@link Shell} (a panel that does not need
 * the shell ignores it: {@code shell -> new SomePanel(new SomeViewModel())}). The head-unit tabs
 * share one connection and one set of model threads per window ({@link UnitTabs}).
 */
public final class Tabs {

    private Tabs() {
    }

    /** A new window's tabs; {@code home} is the checkout the wizard finds boards, targets and cabins in. */
    public static List<MainWindow.Tab> all(Path home) {
        UnitTabs unit = new UnitTabs(home);
        return List.of(
                new MainWindow.Tab("unit", "Head unit", s -> ConnectPanel.of(unit.session(s), unit.threads(s))),
                new MainWindow.Tab("profiles", "Profiles", s -> ProfilesPanel.of(unit.session(s), unit.threads(s))),
                new MainWindow.Tab("meters", "Meters", s -> MetersPanel.of(unit.session(s), unit.threads(s))),
                new MainWindow.Tab("audition", "Audition", s -> AuditionPanel.of(unit.session(s), unit.threads(s))),
                new MainWindow.Tab("measure", "Measure", s -> {
                    WizardPanel wizard = WizardPanel.of(unit.session(s), unit.threads(s), unit.home());
                    // Closed before the connection (closers run last first), so the unit gets its profile back.
                    s.onClose(wizard.model()::close);
                    return wizard;
                }),
                new MainWindow.Tab("plots", "Plots", PlotsPanel::new),
                new MainWindow.Tab("eq", "EQ editor", EqEditorPanel::new),
                new MainWindow.Tab("alignment", "Time alignment", AlignmentPanel::new));
    }
}
