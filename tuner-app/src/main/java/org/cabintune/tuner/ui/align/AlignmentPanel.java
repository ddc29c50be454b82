package org.cabintune.tuner.ui.align;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.HierarchyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.ui.InfoLine;
import org.cabintune.tuner.ui.NumberRenderer;
import org.cabintune.tuner.ui.Shell;
import org.cabintune.tuner.ui.Theme;
import org.cabintune.tuner.ui.plot.ChartStyle;
import org.cabintune.tuner.ui.plot.Palette;
import org.cabintune.tuner.ui.plot.Role;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The time alignment tab: each speaker's delay in ms and cm, from a virtual car's seat or a
 * profile, editable, drawn as bars, and saved into a profile.
 */
public final class AlignmentPanel extends JPanel {

    private static final int RATE = 48_000;
    /** The car shown first: the demo's. */
    private static final String DEFAULT_CAR = "sedan";

    private final Shell shell;
    private final DelayTable table;
    private final JComboBox<String> cars = new JComboBox<>();
    private final JComboBox<String> seats = new JComboBox<>();
    private final InfoLine info = new InfoLine();
    private final DefaultCategoryDataset bars = new DefaultCategoryDataset();
    private final ChartPanel chart;
    private final JButton save = new JButton("Save profile");
    private AlignmentModel model;
    private Profile base;
    private CabinSpec cabin;
    private boolean updating;

    public AlignmentPanel(Shell shell) {
        super(new BorderLayout());
        this.shell = shell;
        this.table = new DelayTable(info::refuse);
        JTable grid = new JTable(table);
        grid.setRowHeight(grid.getRowHeight() + 4);
        int[] decimals = {0, 3, 3, 1, 1};
        for (int c = 1; c < decimals.length; c++) {
            grid.getColumnModel().getColumn(c).setCellRenderer(new NumberRenderer(decimals[c]));
        }
        CategoryPlot plot = new CategoryPlot(bars, new CategoryAxis(null), new NumberAxis("Delay (ms)"), new BarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        this.chart = new ChartPanel(new JFreeChart("Delays", JFreeChart.DEFAULT_TITLE_FONT, plot, false)) {
            @Override
            public void updateUI() {
                super.updateUI();
                restyle();
            }
        };

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 6));
        bar.add(new JLabel("Car"));
        bar.add(cars);
        bar.add(new JLabel("Seat"));
        bar.add(seats);
        JButton fromSeat = new JButton("Align to the seat");
        fromSeat.setToolTipText("Delay every speaker so it arrives with the last one at the seat's head centre");
        fromSeat.addActionListener(e -> fromSeat(false));
        bar.add(fromSeat);
        JButton fromProfile = new JButton("Open profile...");
        fromProfile.setToolTipText("Show a profile's delays; Save writes the edited delays into it");
        fromProfile.addActionListener(e -> openProfile());
        bar.add(fromProfile);
        save.setToolTipText("Open a profile (or a calibration folder) first: the delays are saved into it");
        save.addActionListener(e -> saveProfile());
        save.setEnabled(false);
        bar.add(save);
        add(bar, BorderLayout.NORTH);

        JScrollPane rows = new JScrollPane(grid);
        rows.setBorder(BorderFactory.createTitledBorder("Delays: type in ms or cm"));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, rows, chart);
        split.setResizeWeight(0.55);
        add(split, BorderLayout.CENTER);
        add(info, BorderLayout.SOUTH);

        cars.addActionListener(e -> {
            if (!updating) {
                loadCar();
            }
        });
        updating = true;
        try {
            List<String> names = carNames();
            names.forEach(cars::addItem);
            if (names.contains(DEFAULT_CAR)) {
                cars.setSelectedItem(DEFAULT_CAR);
            }
        } finally {
            updating = false;
        }
        loadCar();
        shell.workspace().onChange(this::workspaceChanged);
        // Aligning to a seat reads every speaker's arrival: done when the tab is first shown with
        // nothing else to show, not at every start.
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing() && model == null) {
                fromSeat(true);
            }
        });
        restyle();
    }

    /** The delays shown now, or null. */
    public AlignmentModel model() {
        return model;
    }

    private List<String> carNames() {
        try (Stream<Path> files = Files.list(shell.workspace().cabins())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A calibration's profile: its delays are shown, and saved into it. */
    private void workspaceChanged() {
        shell.workspace().calibration().ifPresent(c -> {
            if (base != c.profile()) {
                base = c.profile();
                install(AlignmentModel.of(base));
            }
        });
    }

    /** Reads the chosen car off the event thread and lists its seats; aligns to the first when shown with nothing else. */
    private void loadCar() {
        String car = (String) cars.getSelectedItem();
        if (car == null) {
            return;
        }
        Path file = shell.workspace().cabins().resolve(car + ".yaml");
        shell.tasks().run("Reading the " + car, p -> CabinReader.read(file), spec -> {
            cabin = spec;
            updating = true;
            try {
                seats.removeAllItems();
                spec.seats().forEach(s -> seats.addItem(s.name()));
            } finally {
                updating = false;
            }
            if (model == null && isShowing()) {
                fromSeat(true);
            }
        });
    }

    /** Aligns to the chosen seat; {@code automatic} (not asked for) gives way to delays shown meanwhile. */
    private void fromSeat(boolean automatic) {
        CabinSpec spec = cabin;
        String seat = (String) seats.getSelectedItem();
        if (spec == null || seat == null) {
            return;
        }
        shell.tasks().run("Aligning the " + spec.name() + " to the " + seat + " seat", p -> {
            p.step("reading every speaker's arrival", Double.NaN);
            return AlignmentModel.of(spec, seat, base != null ? base.sampleRate() : RATE);
        }, made -> {
            if (!automatic || model == null) {
                install(made);
            }
        });
    }

    private void openProfile() {
        JFileChooser chooser = new JFileChooser(shell.workspace().home().toFile());
        if (chooser.showOpenDialog(shell.frame()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        shell.tasks().run("Reading " + file.getFileName(), p -> {
            try {
                return ProfileParser.parse(file);
            } catch (NoSuchFileException e) {
                throw new IOException(file + ": no such file");
            } catch (ProfileException e) {
                throw new IOException(file + ": " + String.join("; ", e.problems()), e);
            }
        }, profile -> {
            base = profile;
            install(AlignmentModel.of(profile));
        });
    }

    private void saveProfile() {
        if (base == null || model == null) {
            return;
        }
        Profile changed;
        try {
            changed = model.applyTo(base);
        } catch (IllegalArgumentException e) {
            info.refuse(e.getMessage());
            return;
        }
        JFileChooser chooser = new JFileChooser(shell.workspace().home().toFile());
        chooser.setSelectedFile(shell.workspace().home().resolve("profile-aligned.json").toFile());
        if (chooser.showSaveDialog(shell.frame()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        shell.tasks().run("Saving " + file.getFileName(), p -> {
            try {
                ProfileWriter.write(changed, file);
            } catch (ProfileException e) {
                throw new IOException(String.join("; ", e.problems()), e);
            }
            return file;
        }, written -> shell.status("saved profile " + written));
    }

    private void install(AlignmentModel made) {
        model = made;
        made.onChange(this::changed);
        table.setModel(made);
        save.setEnabled(base != null);
        changed();
    }

    private void changed() {
        table.fireTableDataChanged();
        bars.clear();
        List<AlignmentModel.Row> rows = model.rows();
        for (AlignmentModel.Row r : rows) {
            bars.addValue(r.delayMs(), "delay", r.name());
        }
        info.say(String.format(Locale.ROOT, "%s: %d speakers, speed of sound %.1f m/s, %d Hz%s", model.source(),
                rows.size(), model.speedOfSound(), model.sampleRate(),
                base != null ? "; Save writes the delays into profile '" + base.name() + "'" : ""));
    }


    private void restyle() {
        if (chart == null || !ChartStyle.apply(chart.getChart())) {
            return;
        }
        BarRenderer renderer = (BarRenderer) chart.getChart().getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, Palette.color(Role.AFTER, 0, Theme.current() == Theme.DARK));
        renderer.setMaximumBarWidth(0.08);
    }
}
