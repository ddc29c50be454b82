package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingConstants;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;

/**
 * The connected unit's meters, live: the programme's loudness (momentary, short-term,
 * integrated, LUFS) and true peak, the DSP load, and each output's peak and RMS, at the rate
 * the unit streams them.
 */
public final class MetersPanel extends JPanel {

    /** Output levels are shown from this, dBFS. */
    static final double FLOOR_DBFS = -60;
    /** Loudness is shown from this, LUFS. */
    static final double FLOOR_LUFS = -50;
    /** Loudness bars are one colour: no loudness is wrong in itself. */
    static final java.awt.Color LOUDNESS = new java.awt.Color(0x3D7BD9);

    private final MetersModel model;
    private final JLabel subtitle = Look.hint(" ");
    private final JSpinner interval = new JSpinner(new SpinnerNumberModel(MetersModel.DEFAULT_INTERVAL_MS,
            Command.MIN_METER_INTERVAL_MS, Command.MAX_METER_INTERVAL_MS, 50));
    private final JButton start = Look.primary("Start");
    private final JButton stop = new JButton("Stop");
    private final Readout momentary = new Readout("Momentary", "LUFS");
    private final Readout shortTerm = new Readout("Short-term", "LUFS");
    private final Readout integrated = new Readout("Integrated", "LUFS");
    private final Readout truePeak = new Readout("True peak", "dBTP");
    private final Readout load = new Readout("DSP load", "%");
    private final LevelBar momentaryBar = new LevelBar(FLOOR_LUFS, 0, 10, LOUDNESS);
    private final LevelBar shortTermBar = new LevelBar(FLOOR_LUFS, 0, 10, LOUDNESS);
    private final LevelBar loadBar = new LevelBar(0, 100, 60, 85, 25);
    private final JLabel momentaryValue = value();
    private final JLabel shortTermValue = value();
    private final JLabel loadValue = value();
    private final JPanel outputs = new JPanel(new GridBagLayout());
    private final List<LevelBar> outputBars = new ArrayList<>();
    private final List<JLabel> outputValues = new ArrayList<>();
    private final JLabel stream = Look.hint(" ");
    private final StatusLine status;
    private List<String> shownOutputs = List.of();

    /** The panel for the main window: its model on {@code threads}, over {@code session}. */
    public static MetersPanel of(UnitSession session, ModelThreads threads) {
        return new MetersPanel(new MetersModel(session, threads));
    }

    public MetersPanel(MetersModel model) {
        super(new BorderLayout(0, Look.GAP));
        this.model = model;
        this.status = new StatusLine(() -> { });
        setBorder(Look.margin());

        JPanel controls = new JPanel();
        controls.setOpaque(false);
        controls.add(new JLabel("Every"));
        controls.add(interval);
        controls.add(new JLabel("ms"));
        controls.add(Box.createHorizontalStrut(8));
        controls.add(stop);
        controls.add(start);
        JPanel heading = new JPanel(new BorderLayout(0, 4));
        heading.setOpaque(false);
        heading.add(Look.title("Live meters"), BorderLayout.NORTH);
        heading.add(subtitle, BorderLayout.CENTER);
        JPanel top = new JPanel(new BorderLayout());
        top.setOpaque(false);
        top.add(heading, BorderLayout.CENTER);
        top.add(controls, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);

        JPanel body = new JPanel(new BorderLayout(0, Look.GAP + 6));
        body.setOpaque(false);
        body.add(programme(), BorderLayout.NORTH);
        outputs.setOpaque(false);
        JPanel outputsTop = new JPanel(new BorderLayout());
        outputsTop.setOpaque(false);
        outputsTop.add(outputs, BorderLayout.NORTH);
        JPanel out = Look.section("Outputs (bar: RMS over 300 ms; line: peak, held 1 s; peak / RMS dBFS)", outputsTop);
        body.add(out, BorderLayout.CENTER);
        add(body, BorderLayout.CENTER);

        JPanel south = new JPanel(new BorderLayout(0, 6));
        south.setOpaque(false);
        south.add(stream, BorderLayout.NORTH);
        south.add(status, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);

        start.addActionListener(e -> model.start((Integer) interval.getValue()));
        stop.addActionListener(e -> model.stop());
        model.state().listen(this::show);
    }

    private JPanel programme() {
        JPanel readouts = new JPanel(new GridLayout(1, 5, Look.GAP, 0));
        readouts.setOpaque(false);
        for (Readout r : List.of(momentary, shortTerm, integrated, truePeak, load)) {
            readouts.add(r);
        }
        JPanel bars = new JPanel(new GridBagLayout());
        bars.setOpaque(false);
        barRow(bars, 0, new JLabel("Momentary"), momentaryBar, momentaryValue);
        barRow(bars, 1, new JLabel("Short-term"), shortTermBar, shortTermValue);
        rulerRow(bars, 2, new Ruler(shortTermBar, 10, "LUFS"));
        barRow(bars, 3, new JLabel("DSP load"), loadBar, loadValue);
        rulerRow(bars, 4, new Ruler(loadBar, 25, "%"));
        JPanel p = new JPanel(new BorderLayout(0, 12));
        p.setOpaque(false);
        p.add(readouts, BorderLayout.NORTH);
        p.add(bars, BorderLayout.CENTER);
        return Look.section("Programme (ITU-R BS.1770 loudness at the chain's input) and processing", p);
    }

    private static JLabel value() {
        JLabel value = new JLabel("-", SwingConstants.TRAILING);
        value.setFont(new Font(Font.MONOSPACED, Font.PLAIN, value.getFont().getSize()));
        value.setPreferredSize(new java.awt.Dimension(140, value.getPreferredSize().height));
        return value;
    }

    /** A row of the three columns bars share: name, bar, value. */
    private static void barRow(JPanel panel, int row, JLabel name, LevelBar bar, JLabel value) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 0;
        c.anchor = GridBagConstraints.LINE_START;
        c.insets = new Insets(4, 0, 4, 12);
        name.setPreferredSize(new java.awt.Dimension(170, name.getPreferredSize().height));
        panel.add(name, c);
        c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(4, 0, 4, 12);
        panel.add(bar, c);
        c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 2;
        c.anchor = GridBagConstraints.LINE_END;
        panel.add(value, c);
    }

    private static void rulerRow(JPanel panel, int row, Ruler ruler) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(0, 0, 6, 12);
        panel.add(ruler, c);
    }

    /** Lays out one row per output when the unit's outputs change. */
    private void layOutputs(List<String> names) {
        if (names.equals(shownOutputs)) {
            return;
        }
        shownOutputs = names;
        outputs.removeAll();
        outputBars.clear();
        outputValues.clear();
        LevelBar last = null;
        for (int i = 0; i < names.size(); i++) {
            LevelBar bar = new LevelBar(FLOOR_DBFS, 0, -12, -3, 6);
            JLabel value = value();
            value.setText("-  /  -");
            barRow(outputs, i, new JLabel(names.get(i)), bar, value);
            outputBars.add(bar);
            outputValues.add(value);
            last = bar;
        }
        if (last != null) {
            rulerRow(outputs, names.size(), new Ruler(last, 12, "dBFS"));
        }
        if (names.isEmpty()) {
            outputs.add(Look.hint("Connect to a head unit to see its outputs."));
        }
        outputs.revalidate();
        outputs.repaint();
    }

    private void show(MetersModel.State s) {
        subtitle.setText(s.unit() == null ? "No head unit connected." : "From " + s.unit()
                + (s.streaming() ? ", every " + s.intervalMs() + " ms." : "; press Start to stream its meters."));
        layOutputs(s.outputs());
        Reply.Meters m = s.latest();
        Reply.Programme p = m == null ? null : m.programme();
        momentary.set(p == null ? Double.NaN : p.momentaryLufs());
        shortTerm.set(p == null ? Double.NaN : p.shortTermLufs());
        integrated.set(p == null ? Double.NaN : p.integratedLufs());
        truePeak.set(p == null ? Double.NaN : p.truePeakDbtp());
        load.set(m == null || m.dspLoad() == null ? Double.NaN : m.dspLoad() * 100);
        momentaryBar.set(p == null ? Double.NaN : p.momentaryLufs(), Double.NaN);
        shortTermBar.set(p == null ? Double.NaN : p.shortTermLufs(), Double.NaN);
        loadBar.set(m == null || m.dspLoad() == null ? Double.NaN : m.dspLoad() * 100, Double.NaN);
        momentaryValue.setText(p == null ? "-" : db(p.momentaryLufs()) + " LUFS");
        shortTermValue.setText(p == null ? "-" : db(p.shortTermLufs()) + " LUFS");
        loadValue.setText(m == null || m.dspLoad() == null ? "-"
                : String.format(Locale.ROOT, "%5.1f %%", m.dspLoad() * 100));
        for (int i = 0; i < outputBars.size(); i++) {
            Reply.Level level = m != null && i < m.outputs().size() ? m.outputs().get(i) : null;
            outputBars.get(i).set(level == null ? Double.NaN : level.rmsDbfs(), level == null ? Double.NaN : level.peakDbfs());
            outputValues.get(i).setText(level == null ? "-  /  -" : db(level.peakDbfs()) + " / " + db(level.rmsDbfs()));
        }
        stream.setText(m == null ? (s.streaming() ? "Waiting for the first snapshot..." : " ")
                : String.format(Locale.ROOT, "Snapshot #%d  \u00b7  %.1f per second%s", m.sequence(), s.rate(),
                        p == null ? "  \u00b7  this unit does not send loudness or load" : ""));
        boolean busy = s.status().isBusy();
        start.setEnabled(!busy && !s.streaming() && s.unit() != null);
        stop.setEnabled(!busy && s.streaming());
        interval.setEnabled(!s.streaming());
        if (s.streaming()) {
            interval.setValue(s.intervalMs());
        }
        status.show(s.status());
    }

    /** A level as the panel prints it: one decimal, "-inf" for silence. */
    static String db(double value) {
        return value <= Reply.METER_FLOOR_DBFS || Double.isNaN(value) ? " -inf"
                : String.format(Locale.ROOT, "%5.1f", value);
    }

    /** A big number with its name above and its unit beside. */
    static final class Readout extends JPanel {

        private final JLabel value = new JLabel("-");

        Readout(String name, String unit) {
            super(new BorderLayout(0, 2));
            setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(Look.line()),
                    BorderFactory.createEmptyBorder(8, 12, 8, 12)));
            JLabel n = Look.hint(name);
            value.setFont(value.getFont().deriveFont(Font.BOLD, value.getFont().getSize2D() * 2.0f));
            JLabel u = Look.hint(unit);
            JPanel line = new JPanel(new BorderLayout(6, 0));
            line.setOpaque(false);
            line.add(value, BorderLayout.CENTER);
            line.add(u, BorderLayout.EAST);
            u.setVerticalAlignment(SwingConstants.BOTTOM);
            add(n, BorderLayout.NORTH);
            add(line, BorderLayout.CENTER);
        }

        void set(double v) {
            value.setText(Double.isNaN(v) ? "-" : v <= Reply.METER_FLOOR_DBFS ? "-inf"
                    : String.format(Locale.ROOT, "%.1f", v));
        }

        String text() {
            return value.getText();
        }
    }
}
