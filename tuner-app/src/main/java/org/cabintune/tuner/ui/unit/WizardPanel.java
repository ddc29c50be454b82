package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import org.cabintune.tuner.calibrate.CalibrationSteps.Phase;
import org.cabintune.tuner.calibrate.LevelCheck;
import org.cabintune.tuner.calibrate.Results;
import org.cabintune.tuner.ui.unit.WizardState.Cell;
import org.cabintune.tuner.ui.unit.WizardState.Stage;

/**
 * The measurement wizard: a setup (which unit plays, which microphone hears, the board, the
 * target), then position by position and speaker by speaker, with a level check, a progress
 * grid, retakes, the correction designed and stored, the measurement through it, and the
 * result with its report. Once a calibration has ended (left, or stopped at the microphone's
 * prompt), New calibration goes back to the setup.
 */
public final class WizardPanel extends JPanel {

    private static final String SETUP = "setup";
    private static final String MEASURE = "measure";

    private final WizardModel model;
    private final CardLayout cards = new CardLayout();
    private final JPanel body = new JPanel(cards);
    private final WrappingLabel instruction = new WrappingLabel();
    private final JLabel level = new JLabel(" ");
    private final JPanel instructionBox = new JPanel(new BorderLayout());
    private final JLabel where = Look.heading(" ");
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final GridTable grid = new GridTable();
    private final JTable gridTable = new JTable(grid);
    private final RowTable<Results.Row> result = new RowTable<>(WizardPanel::resultCell, "Output", "Before (dB RMS)",
            "Predicted", "After", "Delay (ms)", "Level (dB)", "Filters");
    private final JTable resultTable = new JTable(result);
    private final JTextArea log = new JTextArea(8, 60);
    private final JTabbedPane tabs = new JTabbedPane();
    private final JButton checkLevel = new JButton("Check level");
    private final JButton measure = Look.primary("Measure");
    private final JComboBox<String> retakeWhich = new JComboBox<>();
    private final JButton retake = new JButton("Take again");
    private final JButton design = Look.primary("Design and store");
    private final JButton save = new JButton("Save report...");
    private final JButton leave = new JButton("Leave");
    private final JButton again = new JButton("New calibration");
    private final StatusLine status;
    private final MoveDialog move;
    private List<String> shownTakes = List.of();

    /**
     * The panel for the main window: its model on {@code threads}; the connected unit comes from
     * {@code session}, default files from the checkout at {@code home}, real microphones from
     * the desktop's capture devices (listed at once, in the background).
     */
    public static WizardPanel of(UnitSession session, ModelThreads threads, Path home) {
        CaptureDevices devices = new CaptureDevices(threads);
        devices.refresh();
        return new WizardPanel(new WizardModel(threads), devices, session, home);
    }

    /** The wizard this panel shows. */
    public WizardModel model() {
        return model;
    }

    public WizardPanel(WizardModel model, CaptureDevices devices, UnitSession session, Path home) {
        super(new BorderLayout(0, Look.GAP));
        this.model = model;
        this.status = new StatusLine(model::cancel);
        this.move = new MoveDialog(model, this);
        setBorder(Look.margin());

        JPanel top = new JPanel(new BorderLayout(0, 4));
        top.setOpaque(false);
        top.add(Look.title("Measurement"), BorderLayout.NORTH);
        top.add(Look.hint("Measure every speaker at every microphone position, design the correction, store it "
                + "signed, and measure again through it."), BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
        body.setOpaque(false);
        body.add(new WizardSetup(session, home, devices, model::start), SETUP);
        body.add(measuring(), MEASURE);
        add(body, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        model.state().listen(this::show);
    }

    private JPanel measuring() {
        instructionBox.add(instruction, BorderLayout.CENTER);
        level.setBorder(BorderFactory.createEmptyBorder(6, 0, 0, 0));
        instructionBox.add(level, BorderLayout.SOUTH);
        instructionBox.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(0, 4, 0, 0,
                Look.GOOD), BorderFactory.createEmptyBorder(10, 12, 10, 12)));

        JPanel progressRow = new JPanel(new BorderLayout(Look.GAP, 0));
        progressRow.setOpaque(false);
        progressRow.add(where, BorderLayout.WEST);
        progressRow.add(progress, BorderLayout.CENTER);
        progress.setStringPainted(true);

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        buttons.setOpaque(false);
        for (Component c : new Component[] {checkLevel, measure, Box.createHorizontalStrut(Look.GAP * 2), retakeWhich,
                retake, Box.createHorizontalStrut(Look.GAP * 2), design, save, Box.createHorizontalStrut(Look.GAP * 2),
                leave, again}) {
            if (buttons.getComponentCount() > 0 && !(c instanceof Box.Filler)) {
                buttons.add(Box.createHorizontalStrut(6));
            }
            buttons.add(c);
        }
        checkLevel.addActionListener(e -> model.checkLevel());
        measure.addActionListener(e -> model.measure());
        retake.addActionListener(e -> {
            if (retakeWhich.getSelectedIndex() >= 0) {
                model.retake(retakeWhich.getSelectedIndex());
            }
        });
        design.addActionListener(e -> model.design());
        save.addActionListener(e -> saveReport());
        leave.addActionListener(e -> model.leave());
        again.addActionListener(e -> model.newCalibration());

        gridTable.setDefaultRenderer(Object.class, new CellRenderer());
        gridTable.setRowSelectionAllowed(false);
        resultTable.setDefaultRenderer(Object.class, new NumberRenderer());
        resultTable.getColumnModel().getColumn(0).setPreferredWidth(220);
        log.setEditable(false);
        log.setFont(new Font(Font.MONOSPACED, Font.PLAIN, log.getFont().getSize() - 1));
        tabs.addTab("Progress", Look.table(gridTable));
        tabs.addTab("Result", Look.table(resultTable));
        tabs.addTab("Log", new JScrollPane(log));

        JPanel north = new JPanel(new BorderLayout(0, Look.GAP));
        north.setOpaque(false);
        north.add(instructionBox, BorderLayout.NORTH);
        north.add(progressRow, BorderLayout.CENTER);
        north.add(buttons, BorderLayout.SOUTH);
        JPanel p = new JPanel(new BorderLayout(0, Look.GAP));
        p.setOpaque(false);
        p.add(north, BorderLayout.NORTH);
        p.add(tabs, BorderLayout.CENTER);
        return p;
    }

    private void saveReport() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle("Folder for the report, profile, measurements and exports");
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            model.save(chooser.getSelectedFile().toPath());
        }
    }

    private void show(WizardState s) {
        boolean setup = s.stage() == Stage.SETUP || s.stage() == Stage.STOPPED && s.takes().isEmpty();
        cards.show(body, setup ? SETUP : MEASURE);
        boolean busy = s.status().isBusy();
        instruction.setPlain(s.ask() != null ? MoveDialog.message(s.ask()) : s.instruction());
        move.show(s.ask());
        showLevel(s.level());
        boolean warn = s.level() != null && s.level().verdict() != LevelCheck.Verdict.OK && s.phase() == Phase.FLAT
                && s.stage() == Stage.POSITION;
        Color edge = warn ? Look.WARN : s.stage() == Stage.DONE ? Look.GOOD : new Color(0x3D7BD9);
        instructionBox.setBackground(warn ? Look.BANNER : new Color(0xF3F6FB));
        instructionBox.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(0, 4, 0, 0, edge),
                BorderFactory.createEmptyBorder(10, 12, 10, 12)));
        String phase = s.phase() == Phase.FLAT ? "Flat measurement" : "Through the correction";
        where.setText(s.takes().isEmpty() ? " " : phase + "  \u00b7  position " + (s.take() + 1) + " of "
                + s.takes().size());
        progress.setValue((int) Math.round(s.progress() * 1000));
        progress.setString(Math.round(s.progress() * 100) + " %");
        grid.set(s.rows(), s.takes(), s.cells());
        result.set(s.table());
        if (!s.takes().equals(shownTakes)) {
            shownTakes = s.takes();
            retakeWhich.removeAllItems();
            s.takes().forEach(retakeWhich::addItem);
        }
        String text = String.join("\n", s.log());
        if (!text.equals(log.getText())) {
            log.setText(text);
            log.setCaretPosition(text.length());
        }
        boolean hadResult = tabs.isEnabledAt(1);
        tabs.setEnabledAt(1, !s.table().isEmpty());
        if (s.stage() == Stage.DONE && !hadResult && !s.table().isEmpty()) {
            tabs.setSelectedIndex(1);
        }
        boolean at = s.stage() == Stage.POSITION && !busy;
        checkLevel.setEnabled(at && s.phase() == Phase.FLAT);
        measure.setEnabled(at);
        boolean anyMeasured = false;
        for (int t = 0; t < s.takes().size(); t++) {
            anyMeasured |= s.measured(t);
        }
        retake.setEnabled(!busy && anyMeasured && s.stage() != Stage.STOPPED);
        retakeWhich.setEnabled(retake.isEnabled());
        design.setEnabled(!busy && s.stage() == Stage.DESIGN);
        save.setEnabled(!busy && s.result() != null);
        leave.setEnabled(s.stage() != Stage.STOPPED && s.stage() != Stage.SETUP);
        // Once the calibration has ended, the way back to the setup takes Leave's place.
        leave.setVisible(s.stage() != Stage.STOPPED);
        again.setVisible(s.stage() == Stage.STOPPED);
        status.show(s.status());
    }

    /** The last level check in one line, coloured by its verdict. */
    private void showLevel(LevelCheck check) {
        if (check == null) {
            level.setText(" ");
            return;
        }
        boolean ok = check.verdict() == LevelCheck.Verdict.OK;
        level.setForeground(ok ? Look.NOTICE_TEXT : Look.ERROR_TEXT);
        level.setText((ok ? "\u2713 Level right: " : "\u26a0 Level " + (check.verdict() == LevelCheck.Verdict.CLIPPING
                ? "clipping: " : "too low: ")) + check.summary());
    }

    /** The progress grid: a row per step, a column per position. */
    private static final class GridTable extends AbstractTableModel {

        private List<String> rows = List.of();
        private List<String> takes = List.of();
        private List<List<Cell>> cells = List.of();

        void set(List<String> rows, List<String> takes, List<List<Cell>> cells) {
            boolean shape = !rows.equals(this.rows) || !takes.equals(this.takes);
            this.rows = rows;
            this.takes = takes;
            this.cells = cells;
            if (shape) {
                fireTableStructureChanged();
            } else {
                fireTableDataChanged();
            }
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return takes.size() + 1;
        }

        @Override
        public String getColumnName(int column) {
            return column == 0 ? "Speaker" : takes.get(column - 1);
        }

        @Override
        public Object getValueAt(int row, int column) {
            return column == 0 ? rows.get(row) : cells.get(row).get(column - 1);
        }
    }

    /** A cell coloured by what its step heard. */
    private static final class CellRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            if (value instanceof Cell c) {
                super.getTableCellRendererComponent(table, switch (c.kind()) {
                    case PENDING -> "";
                    case RUNNING -> "\u25b6 measuring";
                    case HEARD -> "\u2713 " + c.text();
                    case SILENT -> "\u2717 " + c.text();
                }, false, false, row, column);
                setHorizontalAlignment(CENTER);
                setForeground(switch (c.kind()) {
                    case HEARD -> Look.NOTICE_TEXT;
                    case SILENT -> Look.ERROR_TEXT;
                    case RUNNING -> new Color(0x3D7BD9);
                    case PENDING -> Look.MUTED_TEXT;
                });
                setBackground(switch (c.kind()) {
                    case HEARD -> new Color(0xE8F5EC);
                    case SILENT -> new Color(0xFCEBEA);
                    case RUNNING -> new Color(0xE8F0FC);
                    case PENDING -> table.getBackground();
                });
            } else {
                super.getTableCellRendererComponent(table, value, false, false, row, column);
                setHorizontalAlignment(LEADING);
                setForeground(table.getForeground());
                setBackground(table.getBackground());
            }
            return this;
        }
    }

    private static Object resultCell(Results.Row r, int column) {
        if (!r.connected()) {
            return column == 0 ? r.name() : column == 1 ? "muted" : "";
        }
        return switch (column) {
            case 0 -> r.name();
            case 1 -> String.format(Locale.ROOT, "%.2f", r.beforeDb());
            case 2 -> String.format(Locale.ROOT, "%.2f", r.predictedDb());
            case 3 -> String.format(Locale.ROOT, "%.2f", r.afterDb());
            case 4 -> String.format(Locale.ROOT, "%.3f", r.delayMs());
            case 5 -> String.format(Locale.ROOT, "%+.1f", r.gainDb());
            default -> Integer.toString(r.filters());
        };
    }

    /** Numbers right-aligned, names left. */
    private static final class NumberRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            super.getTableCellRendererComponent(table, value, selected, focus, row, column);
            setHorizontalAlignment(column == 0 ? LEADING : TRAILING);
            return this;
        }
    }
}
