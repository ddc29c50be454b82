package org.cabintune.tuner.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.ButtonGroup;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;

/**
 * The tuner's window: a File menu that opens measurements, targets, calibration folders,
 * recordings and virtual cars; a View menu that switches the theme; one tab per {@link Tab}
 * ({@link Tabs#all}); and a status line with the progress and Cancel of background work.
 * Errors show as a dialog with their readable message (in screenshot mode they go to
 * {@code errors} instead, so nothing waits for a click).
 */
public final class MainWindow implements Shell {

    /** Default size: fits a 1600 x 1000 screen with room for a desktop's bars. */
    public static final Dimension SIZE = new Dimension(1440, 900);

    /**
     * One tab.
     *
     * @param id    its name for {@code --tab}: lower-case, no spaces
     * @param title what the tab says
     * @param panel makes its panel
     */
    public record Tab(String id, String title, Function<Shell, JComponent> panel) {
        public Tab {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(panel, "panel");
        }
    }

    private final Workspace workspace;
    private final JFrame frame = new JFrame("CabinTune tuner");
    private final StatusBar statusBar = new StatusBar();
    private final Tasks tasks;
    private final JTabbedPane tabbed = new JTabbedPane();
    private final List<Tab> tabs;
    private final Consumer<String> errorSink;
    private final Opener opener;
    private volatile int paints;
    /** What closes with the window, the last given first (what opened later may use what opened before). */
    private final List<AutoCloseable> closers = new java.util.ArrayList<>();

    /**
     * @param errorSink where errors go instead of a dialog (screenshot mode), or null for dialogs
     */
    public MainWindow(Workspace workspace, List<Tab> tabs, Consumer<String> errorSink) {
        this.workspace = workspace;
        this.tabs = List.copyOf(tabs);
        this.errorSink = errorSink;
        this.tasks = new Tasks(statusBar, this::status, this::error);
        this.opener = new Opener(this);
        JPanel content = new JPanel(new BorderLayout()) {
            @Override
            protected void paintComponent(Graphics g) {
                super.paintComponent(g);
                paints++;
            }
        };
        for (Tab t : tabs) {
            tabbed.addTab(t.title(), t.panel().apply(this));
        }
        content.add(tabbed, BorderLayout.CENTER);
        content.add(statusBar, BorderLayout.SOUTH);
        frame.setContentPane(content);
        frame.setJMenuBar(menus());
        frame.setSize(SIZE);
        frame.setLocationRelativeTo(null);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                tasks.cancel();
                for (AutoCloseable c : closers.reversed()) {
                    try {
                        c.close();
                    } catch (Exception failure) {
                        System.err.println("closing the window: " + Messages.readable(failure));
                    }
                }
            }
        });
        status("Open a measurement, a target, a calibration folder or a virtual car from the File menu");
    }

    /** Shows tab {@code id}; an unknown id is refused naming the ids there are. */
    public void select(String id) {
        for (int i = 0; i < tabs.size(); i++) {
            if (tabs.get(i).id().equals(id)) {
                tabbed.setSelectedIndex(i);
                return;
            }
        }
        throw new IllegalArgumentException("no tab '" + id + "'; tabs are " + String.join(", ", ids(tabs)));
    }

    /** The tabs' ids. */
    public static List<String> ids(List<Tab> tabs) {
        return tabs.stream().map(Tab::id).toList();
    }

    /** How many times the window's content has been painted. */
    public int paints() {
        return paints;
    }

    public Opener opener() {
        return opener;
    }

    @Override
    public Workspace workspace() {
        return workspace;
    }

    @Override
    public Tasks tasks() {
        return tasks;
    }

    @Override
    public void status(String message) {
        statusBar.message(message, false);
    }

    @Override
    public void error(String what, Throwable e) {
        String message = Messages.readable(e);
        statusBar.message(what + " failed: " + message, true);
        if (errorSink != null) {
            errorSink.accept(what + " failed: " + message);
        } else {
            JOptionPane.showMessageDialog(frame, message, what + " failed", JOptionPane.ERROR_MESSAGE);
        }
    }

    @Override
    public JFrame frame() {
        return frame;
    }

    @Override
    public void onClose(AutoCloseable action) {
        closers.add(action);
    }

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        file.add(item("Open measurement...", KeyEvent.VK_O, opener::chooseMeasurements));
        file.add(item("Open target...", KeyEvent.VK_T, opener::chooseTarget));
        file.add(item("Open calibration folder...", KeyEvent.VK_K, opener::chooseCalibration));
        file.addSeparator();
        file.add(item("Analyse recording...", KeyEvent.VK_R, opener::chooseRecording));
        file.add(item("Measure virtual car...", KeyEvent.VK_M, opener::chooseVirtualCar));
        file.addSeparator();
        file.add(item("Close all", 0, workspace::clear));
        file.add(item("Exit", KeyEvent.VK_Q, frame::dispose));
        bar.add(file);

        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        ButtonGroup group = new ButtonGroup();
        for (Theme t : Theme.values()) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(t == Theme.LIGHT ? "Light theme" : "Dark theme",
                    t == Theme.current());
            item.addActionListener(e -> t.apply());
            group.add(item);
            view.add(item);
        }
        bar.add(view);

        JMenu help = new JMenu("Help");
        help.add(item("About", 0, () -> JOptionPane.showMessageDialog(frame, "CabinTune tuner 0.1.0\n"
                + "Measure a car, design its correction, push it to the head unit.\nHome: " + workspace.home(),
                "About CabinTune", JOptionPane.INFORMATION_MESSAGE)));
        bar.add(help);
        return bar;
    }

    private static JMenuItem item(String text, int key, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        if (key != 0) {
            item.setAccelerator(KeyStroke.getKeyStroke(key, java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()));
        }
        item.addActionListener(e -> action.run());
        return item;
    }
}
