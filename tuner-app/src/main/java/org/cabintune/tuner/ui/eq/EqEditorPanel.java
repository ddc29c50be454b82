package org.cabintune.tuner.ui.eq;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.swing.BorderFactory;
import javax.swing.DefaultCellEditor;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import org.cabintune.tuner.correct.AutoEq;
import org.cabintune.tuner.correct.EqExport;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.ui.CalibrationFolder;
import org.cabintune.tuner.ui.InfoLine;
import org.cabintune.tuner.ui.NumberRenderer;
import org.cabintune.tuner.ui.Shell;
import org.cabintune.tuner.ui.plot.Trace;
import org.cabintune.tuner.ui.plot.Units;

/**
 * The EQ editor tab: one output's filters as handles on the plot and rows of a table, the
 * prediction updated as they change, the auto-EQ on demand, exports and profile saving.
 */
public final class EqEditorPanel extends JPanel {

    private final Shell shell;
    private final EqChart chart;
    private final FilterTable table;
    private final JTable grid;
    private final JComboBox<Source> sources = new JComboBox<>();
    private final JComboBox<TargetChoice> targets = new JComboBox<>();
    private final InfoLine info = new InfoLine();
    private final List<JButton> editing = new ArrayList<>();
    private EqEditorModel model;
    private boolean updating;

    /** What can be edited: a calibration's output or a measured trace. */
    private record Source(String label, String output, Trace trace) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A target: open in the workspace, or a file shipped in calibration/targets. */
    private record TargetChoice(String label, HouseCurve curve, Path file) {
        @Override
        public String toString() {
            return label;
        }

        HouseCurve read() throws IOException {
            return curve != null ? curve : file != null ? HouseCurve.read(file) : HouseCurve.flat();
        }
    }

    public EqEditorPanel(Shell shell) {
        super(new BorderLayout());
        this.shell = shell;
        this.table = new FilterTable(info::refuse);
        this.grid = new JTable(table);
        this.chart = new EqChart(new EqChart.Handles() {
            @Override
            public void selected(int index) {
                select(index);
            }

            @Override
            public void moved(int index, double freqHz, double gainDb) {
                edit(() -> model.move(index, freqHz, gainDb));
            }

            @Override
            public void qScaled(int index, double factor) {
                select(index);
                edit(() -> model.scaleQ(index, factor));
            }
        });
        grid.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        grid.setDefaultEditor(EqBand.Kind.class, new DefaultCellEditor(new JComboBox<>(EqBand.Kind.values())));
        grid.setRowHeight(grid.getRowHeight() + 4);
        grid.getColumnModel().getColumn(0).setMaxWidth(50);
        grid.getColumnModel().getColumn(2).setCellRenderer(new NumberRenderer(1));
        grid.getColumnModel().getColumn(3).setCellRenderer(new NumberRenderer(2));
        grid.getColumnModel().getColumn(4).setCellRenderer(new NumberRenderer(3));
        grid.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !updating) {
                chart.select(grid.getSelectedRow());
                if (model != null) {
                    chart.show(model);
                }
            }
        });

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 6));
        bar.add(new JLabel("Edit"));
        bar.add(sources);
        bar.add(new JLabel("Target"));
        bar.add(targets);
        bar.add(button("Add filter", "A peaking filter where the prediction misses the target most", () -> edit(
                () -> {
                    model.add(model.suggestion());
                    select(model.bands().size() - 1);
                })));
        bar.add(button("Delete", "Delete the selected filter", () -> {
            int row = grid.getSelectedRow();
            if (row >= 0) {
                edit(() -> model.remove(row));
            }
        }));
        bar.add(button("Auto EQ", "Fit the filters afresh with the auto-EQ (the current ones are replaced)", this::autoEq));
        JButton export = button("Export", "Write the EQ for another equaliser", () -> { });
        export.addActionListener(e -> exportMenu().show(export, 0, export.getHeight()));
        bar.add(export);
        bar.add(button("Save profile", "Save the profile with this EQ", this::saveProfile));
        add(bar, BorderLayout.NORTH);

        JScrollPane rows = new JScrollPane(grid);
        rows.setBorder(BorderFactory.createTitledBorder("Filters: drag a handle to move it, wheel or Shift-drag for Q,"
                + " or type values"));
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, chart, rows);
        split.setResizeWeight(0.72);
        add(split, BorderLayout.CENTER);
        add(info, BorderLayout.SOUTH);

        sources.addActionListener(e -> {
            if (!updating) {
                rebuild(false);
            }
        });
        targets.addActionListener(e -> {
            if (!updating) {
                rebuild(true);
            }
        });
        shell.workspace().onChange(this::workspaceChanged);
        workspaceChanged();
    }

    /** The editor shown now, or null. */
    public EqEditorModel model() {
        return model;
    }

    private JButton button(String text, String tip, Runnable action) {
        JButton b = new JButton(text);
        b.setToolTipText(tip);
        b.addActionListener(e -> {
            if (model != null) {
                action.run();
            }
        });
        b.setEnabled(false);
        editing.add(b);
        return b;
    }

    private void workspaceChanged() {
        Source oldSource = (Source) sources.getSelectedItem();
        TargetChoice oldTarget = (TargetChoice) targets.getSelectedItem();
        updating = true;
        try {
            sources.removeAllItems();
            shell.workspace().calibration().ifPresent(c -> c.outputs().forEach(o -> sources.addItem(
                    new Source(o.output().name() + " (calibration)", o.output().name(), null))));
            for (Trace t : shell.workspace().traces()) {
                if (t.output().isEmpty() && !(t instanceof Trace.Target)) {
                    sources.addItem(new Source(t.name(), "", t));
                }
            }
            targets.removeAllItems();
            for (Trace t : shell.workspace().traces()) {
                if (t instanceof Trace.Target target) {
                    targets.addItem(new TargetChoice(t.name(), target.curve(), null));
                }
            }
            for (Path f : shippedTargets()) {
                targets.addItem(new TargetChoice(f.getFileName().toString().replace(".txt", ""), null, f));
            }
            targets.addItem(new TargetChoice("flat", HouseCurve.flat(), null));
            reselect(sources, oldSource);
            reselect(targets, oldTarget);
        } finally {
            updating = false;
        }
        Source now = (Source) sources.getSelectedItem();
        if (now == null) {
            install(null);
        } else if (!now.equals(oldSource) || model == null) {
            rebuild(false);
        }
    }

    private static <T> void reselect(JComboBox<T> box, T old) {
        for (int i = 0; old != null && i < box.getItemCount(); i++) {
            if (box.getItemAt(i).toString().equals(old.toString())) {
                box.setSelectedIndex(i);
                return;
            }
        }
        if (box.getItemCount() > 0) {
            box.setSelectedIndex(0);
        }
    }

    private List<Path> shippedTargets() {
        Path dir = shell.workspace().targets();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted((a, b) -> a.getFileName().toString()
                    .equals("car-default.txt") ? -1 : b.getFileName().toString().equals("car-default.txt") ? 1
                    : a.compareTo(b)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Makes the editor for the chosen source and target off the event thread; {@code keepFilters} keeps the EQ. */
    private void rebuild(boolean keepFilters) {
        Source source = (Source) sources.getSelectedItem();
        TargetChoice target = (TargetChoice) targets.getSelectedItem();
        if (source == null || target == null) {
            return;
        }
        List<org.cabintune.dsp.profile.FilterSpec> keep = keepFilters && model != null
                ? model.bands().stream().map(EqBand::spec).toList() : null;
        CalibrationFolder folder = shell.workspace().calibration().orElse(null);
        shell.tasks().run("Preparing the EQ editor for " + source.label(), p -> {
            HouseCurve curve = target.read();
            EqEditorModel made = !source.output().isEmpty() && folder != null
                    ? EqSetups.calibration(folder, source.output(), curve)
                    : EqSetups.trace(source.trace(), curve, EqSetups.DEFAULT_RATE);
            if (keep != null) {
                made.replace(keep);
            }
            return made;
        }, this::install);
    }

    private void install(EqEditorModel made) {
        model = made;
        editing.forEach(b -> b.setEnabled(made != null));
        table.setModel(made);
        if (made == null) {
            chart.show(org.cabintune.tuner.ui.plot.PlotKind.RESPONSE, List.of());
            info.say("");
            return;
        }
        made.onChange(this::changed);
        chart.resetZoom();
        changed();
    }

    private void changed() {
        updating = true;
        try {
            int row = grid.getSelectedRow();
            table.fireTableDataChanged();
            if (row >= 0 && row < table.getRowCount()) {
                grid.setRowSelectionInterval(row, row);
            }
        } finally {
            updating = false;
        }
        chart.show(model);
        AutoEq.Result r = model.prediction();
        EqEditorModel.Setup s = model.setup();
        info.say(String.format(Locale.ROOT, "%s: %d filters; predicted residual %.2f dB RMS, max %.2f dB in %s - %s"
                        + " (%d nulls left out); level to the target %+.1f dB; %d Hz", s.title(), model.bands().size(),
                r.residualRmsDb(), r.residualMaxDb(), Units.hz(s.lowHz()), Units.hz(s.highHz()), r.nullCount(),
                r.levelOffsetDb(), s.sampleRate()));
    }

    private void select(int index) {
        chart.select(index);
        if (index >= 0 && index < table.getRowCount()) {
            grid.setRowSelectionInterval(index, index);
        }
    }

    /** Runs an edit; a refused one leaves the filters as they were and says why. */
    private void edit(Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            info.refuse(e.getMessage());
        }
    }


    private void autoEq() {
        EqEditorModel m = model;
        shell.tasks().run("Auto EQ for " + m.setup().title(), p -> m.autoEq(AutoEq.Limits.DEFAULT,
                (placed, most) -> p.step(placed + " of at most " + most + " filters placed", placed / (double) most)),
                result -> {
                    if (model == m) {
                        edit(() -> m.replace(result.filters()));
                        shell.status(String.format(Locale.ROOT, "Auto EQ: %d filters, predicted residual %.2f dB RMS",
                                result.filters().size(), result.residualRmsDb()));
                    }
                });
    }

    private JPopupMenu exportMenu() {
        JPopupMenu menu = new JPopupMenu();
        for (EqExport.Format f : EqExport.Format.values()) {
            String label = switch (f) {
                case APO -> "Equalizer APO (config.txt)";
                case REW -> "REW filter settings";
                case CAMILLADSP -> "CamillaDSP (YAML)";
                case MINIDSP -> "miniDSP biquads";
                case PROFILE -> "CabinTune profile (JSON)";
            };
            JMenuItem item = new JMenuItem(label + "...");
            item.addActionListener(e -> export(f));
            menu.add(item);
        }
        return menu;
    }

    private void export(EqExport.Format format) {
        String text;
        try {
            text = model.export(format);
        } catch (IllegalArgumentException e) {
            info.refuse(e.getMessage());
            return;
        }
        Path file = choose(model.setup().outputName() + switch (format) {
            case APO -> ".apo.txt";
            case REW -> ".rew.txt";
            case CAMILLADSP -> ".camilladsp.yaml";
            case MINIDSP -> ".minidsp.txt";
            case PROFILE -> ".json";
        });
        if (file != null) {
            shell.tasks().run("Writing " + file.getFileName(), p -> Files.writeString(file, text, StandardCharsets.UTF_8),
                    written -> shell.status("wrote " + written));
        }
    }

    private void saveProfile() {
        EqEditorModel m = model;
        Path file = choose("profile.json");
        if (file != null) {
            shell.tasks().run("Saving " + file.getFileName(), p -> {
                m.saveProfile(file);
                return file;
            }, written -> shell.status("saved profile " + written));
        }
    }

    private Path choose(String suggested) {
        JFileChooser chooser = new JFileChooser(shell.workspace().home().toFile());
        chooser.setSelectedFile(shell.workspace().home().resolve(suggested).toFile());
        return chooser.showSaveDialog(shell.frame()) == JFileChooser.APPROVE_OPTION ? chooser.getSelectedFile().toPath() : null;
    }
}
