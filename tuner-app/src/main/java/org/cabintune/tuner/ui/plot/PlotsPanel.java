package org.cabintune.tuner.ui.plot;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.cabintune.tuner.ui.Shell;

/**
 * The plots tab: every open trace on one of the plots ({@link PlotKind}), with the smoothing,
 * the calibration output in view, which curves show, zoom and the readout under the cursor.
 */
public final class PlotsPanel extends JPanel {

    private static final String ALL_OUTPUTS = "All outputs";

    private final Shell shell;
    private final PlotModel model = new PlotModel();
    private final ChartView chart = new ChartView(PlotKind.RESPONSE);
    private final JComboBox<PlotKind> kinds = new JComboBox<>(PlotKind.values());
    private final JComboBox<String> smoothing = new JComboBox<>(PlotModel.SMOOTHINGS.toArray(String[]::new));
    private final JComboBox<String> outputs = new JComboBox<>();
    private final JPanel curves = new JPanel();
    private final JLabel readout = new JLabel(" ");
    private boolean updating;

    public PlotsPanel(Shell shell) {
        super(new BorderLayout());
        this.shell = shell;
        smoothing.setSelectedItem("1/12");
        kinds.addActionListener(e -> {
            model.setKind((PlotKind) kinds.getSelectedItem());
            redraw();
        });
        smoothing.addActionListener(e -> {
            model.setSmoothing((String) smoothing.getSelectedItem());
            redraw();
        });
        outputs.addActionListener(e -> {
            if (!updating) {
                String o = (String) outputs.getSelectedItem();
                model.setOutput(o == null || o.equals(ALL_OUTPUTS) ? "" : o);
                rebuildCurves();
                redraw();
            }
        });
        JButton reset = new JButton("Reset zoom");
        reset.setToolTipText("Back to 20 Hz - 20 kHz (or double-click the plot); drag a rectangle or turn the wheel to zoom");
        reset.addActionListener(e -> chart.resetZoom());

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 6));
        bar.add(new JLabel("Plot"));
        bar.add(kinds);
        bar.add(new JLabel("Smoothing"));
        bar.add(smoothing);
        bar.add(new JLabel("Output"));
        bar.add(outputs);
        bar.add(reset);
        add(bar, BorderLayout.NORTH);
        add(chart, BorderLayout.CENTER);

        curves.setLayout(new BoxLayout(curves, BoxLayout.Y_AXIS));
        curves.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        JScrollPane side = new JScrollPane(curves);
        side.setBorder(BorderFactory.createTitledBorder("Curves"));
        side.setPreferredSize(new Dimension(260, 200));
        add(side, BorderLayout.EAST);

        readout.setBorder(BorderFactory.createEmptyBorder(4, 10, 4, 10));
        add(readout, BorderLayout.SOUTH);
        chart.onCursor(x -> readout.setText(Double.isNaN(x) ? " " : model.readout(x, chart.shown())));

        shell.workspace().onChange(this::workspaceChanged);
        workspaceChanged();
    }

    /** The view model, for tests and other panels. */
    public PlotModel model() {
        return model;
    }

    private void workspaceChanged() {
        model.setTraces(shell.workspace().traces());
        updating = true;
        try {
            String selected = model.output().isEmpty() ? ALL_OUTPUTS : model.output();
            outputs.removeAllItems();
            outputs.addItem(ALL_OUTPUTS);
            model.outputs().forEach(outputs::addItem);
            if (!model.outputs().contains(selected)) {
                selected = model.outputs().isEmpty() ? ALL_OUTPUTS : model.outputs().getFirst();
            }
            outputs.setSelectedItem(selected);
            model.setOutput(selected.equals(ALL_OUTPUTS) ? "" : selected);
            outputs.setEnabled(!model.outputs().isEmpty());
        } finally {
            updating = false;
        }
        rebuildCurves();
        redraw();
    }

    private void rebuildCurves() {
        curves.removeAll();
        for (Trace t : model.traces()) {
            if (!model.output().isEmpty() && !t.output().isEmpty() && !t.output().equals(model.output())) {
                continue;
            }
            JCheckBox box = new JCheckBox(t.name(), model.visible(t));
            box.setToolTipText(t.role().label());
            box.addActionListener(e -> {
                model.setHidden(t.name(), !box.isSelected());
                redraw();
            });
            curves.add(box);
        }
        curves.add(Box.createVerticalGlue());
        curves.revalidate();
        curves.repaint();
    }

    private void redraw() {
        try {
            chart.show(model.kind(), model.series());
        } catch (RuntimeException e) {
            shell.error("drawing the " + model.kind().title().toLowerCase(java.util.Locale.ROOT), e);
        }
    }
}
