package org.cabintune.tuner.ui.unit;

import static org.cabintune.tuner.ui.unit.ProgrammeMeters.barRow;
import static org.cabintune.tuner.ui.unit.ProgrammeMeters.db;
import static org.cabintune.tuner.ui.unit.ProgrammeMeters.rulerRow;
import static org.cabintune.tuner.ui.unit.ProgrammeMeters.value;

import java.awt.BorderLayout;
import java.awt.GridBagLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.ui.unit.ProgrammeMeters.Readout;

/**
 * The connected unit's meters, live: the programme's loudness (momentary, short-term,
 * integrated, LUFS) and true peak, the DSP load, and each output's peak and RMS, at the rate
 * the unit streams them.
 */
public final class MetersPanel extends JPanel {

    /** Output levels are shown from this, dBFS. */
    static final double FLOOR_DBFS = -60;

    private final MetersModel model;
    private final JLabel subtitle = Look.hint(" ");
    private final JSpinner interval = new JSpinner(new SpinnerNumberModel(MetersModel.DEFAULT_INTERVAL_MS,
            Command.MIN_METER_INTERVAL_MS, Command.MAX_METER_INTERVAL_MS, 50));
    private final JButton start = Look.primary("Start");
    private final JButton stop = new JButton("Stop");
    private final Readout load = new Readout("DSP load", "%");
    private final ProgrammeMeters programme = new ProgrammeMeters(load);
    private final LevelBar loadBar = new LevelBar(0, 100, 60, 85, 25);
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
        programme.addBar("DSP load", loadBar, loadValue, new Ruler(loadBar, 25, "%"));
        return Look.section("Programme (ITU-R BS.1770 loudness at the chain's input) and processing", programme);
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
        programme.show(p);
        load.set(m == null || m.dspLoad() == null ? Double.NaN : m.dspLoad() * 100);
        loadBar.set(m == null || m.dspLoad() == null ? Double.NaN : m.dspLoad() * 100, Double.NaN);
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
}
