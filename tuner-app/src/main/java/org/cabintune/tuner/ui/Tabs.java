package org.cabintune.tuner.ui;

import java.util.List;
import org.cabintune.tuner.ui.align.AlignmentPanel;
import org.cabintune.tuner.ui.eq.EqEditorPanel;
import org.cabintune.tuner.ui.plot.PlotsPanel;

/**
 * The main window's tabs, in order. A panel is added with one line here: an id (for
 * {@code --tab}), a title, and how to make it from the {@link Shell} (a panel that does not need
 * the shell ignores it: {@code shell -> new SomePanel(new SomeViewModel())}).
 */
public final class Tabs {

    private Tabs() {
    }

    public static List<MainWindow.Tab> all() {
        return List.of(
                new MainWindow.Tab("plots", "Plots", PlotsPanel::new),
                new MainWindow.Tab("eq", "EQ editor", EqEditorPanel::new),
                new MainWindow.Tab("alignment", "Time alignment", AlignmentPanel::new));
    }
}
