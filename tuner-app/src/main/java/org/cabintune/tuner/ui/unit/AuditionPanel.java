package org.cabintune.tuner.ui.unit;

import static org.cabintune.tuner.audition.StatusLine.time;
import static org.cabintune.tuner.ui.unit.ProgrammeMeters.db;
import static org.cabintune.tuner.ui.unit.ProgrammeMeters.value;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.HierarchyEvent;
import java.util.Locale;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.SpinnerNumberModel;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.audition.AuditionSession;
import org.cabintune.tuner.ui.unit.ProgrammeMeters.Readout;

/**
 * Auditioning masters in the car: the connected unit's masters (pick one and play it), the
 * transport with a position slider, a looped region, an A/B between two of the unit's profiles
 * or a profile and its bypass with the loudness match's trims, a streaming platform's preview,
 * and the programme's loudness as the meters panel shows it. The unit plays; the panel follows
 * what it reads back.
 */
public final class AuditionPanel extends JPanel {

    private final AuditionModel model;
    private final JLabel subtitle = Look.hint(" ");
    private final RowTable<Reply.MediaFile> media = new RowTable<>((f, column) -> switch (column) {
        case 0 -> f.name();
        case 1 -> time(f.seconds());
        case 2 -> f.sampleRate() + " Hz";
        default -> f.channels();
    }, "Master", "Length", "Rate", "Ch");
    private final JTable mediaTable = new JTable(media);
    private final JLabel listed = Look.hint(" ");
    private final JButton refresh = new JButton("Refresh");
    private final JButton play = Look.primary("Play");
    private final JLabel master = Look.heading("Nothing loaded");
    private final JLabel facts = Look.hint(" ");
    private final JLabel position = new JLabel("-:--.- / -:--.-");
    private final JSlider slider = new JSlider(0, 0, 0);
    private final JButton pause = new JButton("Pause");
    private final JButton resume = new JButton("Resume");
    private final JButton stop = new JButton("Stop");
    private final JSpinner loopStart = seconds();
    private final JSpinner loopEnd = seconds();
    private final JButton startHere = new JButton("At position");
    private final JButton endHere = new JButton("At position");
    private final JButton loop = new JButton("Loop");
    private final JButton loopOff = new JButton("Clear loop");
    private final JLabel loopNow = Look.hint(" ");
    private final AbControls ab;
    private final Readout masterLufs = new Readout("Master as a file", "LUFS");
    private final ProgrammeMeters programme = new ProgrammeMeters(masterLufs);
    private final LevelBar outputsBar = new LevelBar(MetersPanel.FLOOR_DBFS, 0, -12, -3, 6);
    private final JLabel outputsValue = value();
    private final StatusLine status;
    /** True while the slider is set from the state, so that setting is not taken for a seek. */
    private boolean following;
    private Command.Region shownLoop;

    /** The panel for the main window: its model on {@code threads}, over {@code session}. */
    public static AuditionPanel of(UnitSession session, ModelThreads threads) {
        return new AuditionPanel(new AuditionModel(session, threads));
    }

    public AuditionPanel(AuditionModel model) {
        super(new BorderLayout(0, Look.GAP));
        this.model = model;
        this.ab = new AbControls(model);
        this.status = new StatusLine(model::cancel);
        setBorder(Look.margin());

        JPanel top = new JPanel(new BorderLayout(0, 4));
        top.setOpaque(false);
        top.add(Look.title("Audition"), BorderLayout.NORTH);
        top.add(subtitle, BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);

        JPanel body = new JPanel(new BorderLayout(Look.GAP * 2, 0));
        body.setOpaque(false);
        body.add(masters(), BorderLayout.WEST);
        JPanel controls = new JPanel();
        controls.setOpaque(false);
        controls.setLayout(new BoxLayout(controls, BoxLayout.Y_AXIS));
        for (JComponent section : new JComponent[] {nowPlaying(), loopSection(), ab.abSection(), ab.previewSection()}) {
            section.setAlignmentX(Component.LEFT_ALIGNMENT);
            if (controls.getComponentCount() > 0) {
                controls.add(Box.createVerticalStrut(Look.GAP));
            }
            controls.add(section);
        }
        JPanel controlsTop = new JPanel(new BorderLayout());
        controlsTop.setOpaque(false);
        controlsTop.add(controls, BorderLayout.NORTH);
        body.add(controlsTop, BorderLayout.CENTER);
        add(body, BorderLayout.CENTER);

        JPanel south = new JPanel(new BorderLayout(0, Look.GAP));
        south.setOpaque(false);
        programme.addBar("Outputs", outputsBar, outputsValue, new Ruler(outputsBar, 12, "dBFS"));
        south.add(Look.section("Meters (loudness of the master at the chain's input; outputs: the loudest peak"
                + " / all RMS summed, dBFS)", programme), BorderLayout.CENTER);
        south.add(status, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);

        refresh.addActionListener(e -> model.listMedia());
        play.addActionListener(e -> chosenMaster());
        mediaTable.getSelectionModel().addListSelectionListener(e -> show(model.state().get()));
        pause.addActionListener(e -> model.pause());
        resume.addActionListener(e -> model.resume());
        stop.addActionListener(e -> model.stop());
        slider.addChangeListener(e -> {
            if (!following && !slider.getValueIsAdjusting()) {
                model.seek(slider.getValue() / 10.0);
            }
        });
        startHere.addActionListener(e -> loopStart.setValue(here()));
        endHere.addActionListener(e -> loopEnd.setValue(here()));
        loop.addActionListener(e -> model.loop((Double) loopStart.getValue(), (Double) loopEnd.getValue()));
        loopOff.addActionListener(e -> model.loopOff());
        // The unit is read while the panel shows, and not while another tab does.
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0) {
                model.watch(isShowing());
            }
        });
        model.state().listen(this::show);
    }

    private JPanel masters() {
        mediaTable.getColumnModel().getColumn(0).setPreferredWidth(230);
        mediaTable.getColumnModel().getColumn(1).setPreferredWidth(70);
        mediaTable.getColumnModel().getColumn(2).setPreferredWidth(80);
        mediaTable.getColumnModel().getColumn(3).setPreferredWidth(36);
        JPanel south = new JPanel(new BorderLayout(0, 6));
        south.setOpaque(false);
        south.add(listed, BorderLayout.NORTH);
        south.add(Look.row(play, refresh), BorderLayout.CENTER);
        JPanel p = Look.section("Masters on the unit", Look.table(mediaTable));
        p.add(south, BorderLayout.SOUTH);
        p.setPreferredSize(new Dimension(460, 10));
        return p;
    }

    private JPanel nowPlaying() {
        position.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.round(position.getFont().getSize2D() * 1.5f)));
        slider.setOpaque(false);
        JPanel heading = new JPanel(new BorderLayout(Look.GAP, 0));
        heading.setOpaque(false);
        heading.add(master, BorderLayout.CENTER);
        heading.add(position, BorderLayout.EAST);
        JPanel p = new JPanel(new BorderLayout(0, 6));
        p.setOpaque(false);
        p.add(heading, BorderLayout.NORTH);
        p.add(slider, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout(Look.GAP, 0));
        south.setOpaque(false);
        south.add(Look.row(pause, resume, stop), BorderLayout.WEST);
        south.add(facts, BorderLayout.CENTER);
        p.add(south, BorderLayout.SOUTH);
        return Look.framed(p);
    }

    private JPanel loopSection() {
        JPanel p = new JPanel(new BorderLayout(0, 4));
        p.setOpaque(false);
        p.add(Look.row(new JLabel("Loop from"), loopStart, startHere, new JLabel("to"), loopEnd, endHere, new JLabel("s"),
                loop, loopOff), BorderLayout.CENTER);
        p.add(loopNow, BorderLayout.SOUTH);
        return Look.section("Loop a region", p);
    }

    private static JSpinner seconds() {
        JSpinner s = new JSpinner(new SpinnerNumberModel(0.0, 0.0, Command.MAX_MEDIA_SECONDS, 0.1));
        s.setEditor(new JSpinner.NumberEditor(s, "0.0##"));
        s.setPreferredSize(new Dimension(90, s.getPreferredSize().height));
        return s;
    }

    private void chosenMaster() {
        int row = mediaTable.getSelectedRow();
        if (row >= 0) {
            model.play(media.row(row).name());
        }
    }

    /** The position read last, to a tenth of a second. */
    private double here() {
        Reply.Audition a = model.state().get().audition();
        return a == null ? 0.0 : Math.round(a.positionSeconds() * 10) / 10.0;
    }

    private void show(AuditionModel.State s) {
        Reply.Audition a = s.audition();
        boolean connected = s.unit() != null;
        boolean busy = s.status().isBusy();
        boolean loaded = s.loaded();
        subtitle.setText(!connected ? "No head unit connected: connect one (Head unit tab) to audition the masters in"
                + " its media directory." : "On " + s.unit() + ": it plays the master in place of its programme, through"
                + " its profiles; everything you hear comes from the car.");
        media.set(s.media());
        if (loaded && mediaTable.getSelectedRow() < 0) {
            // The master playing is the one chosen until another is.
            int row = s.media().stream().map(Reply.MediaFile::name).toList().indexOf(a.file());
            if (row >= 0) {
                mediaTable.setRowSelectionInterval(row, row);
            }
        }
        listed.setText(!connected ? "Connect to a head unit to list its masters."
                : s.total() == 0 ? "No masters in the unit's media directory (cabintune-hu run --media DIR)."
                : s.total() > s.media().size() ? s.total() + " masters, the first " + s.media().size() + " listed."
                : s.total() + " master(s).");
        refresh.setEnabled(connected && !busy);
        play.setEnabled(connected && !busy && mediaTable.getSelectedRow() >= 0);

        master.setText(loaded ? a.file() : connected ? "Nothing loaded: the unit plays its programme" : "Nothing loaded");
        position.setText(loaded ? time(a.positionSeconds()) + " / " + time(a.lengthSeconds()) : "-:--.- / -:--.-");
        facts.setText(loaded ? a.playback().word() + (a.masterLufs() == null ? ", silent" : String.format(Locale.ROOT,
                ",  %.1f LUFS,  true peak %.1f dBTP as a file", a.masterLufs(), a.masterTruePeakDbtp())) : " ");
        following = true;
        try {
            slider.setMaximum(loaded ? (int) Math.round(a.lengthSeconds() * 10) : 0);
            if (!slider.getValueIsAdjusting()) {
                slider.setValue(loaded ? (int) Math.round(a.positionSeconds() * 10) : 0);
            }
        } finally {
            following = false;
        }
        slider.setEnabled(loaded && !busy);
        pause.setEnabled(loaded && !busy && a.playback() == Reply.Playback.PLAYING);
        resume.setEnabled(loaded && !busy && a.playback() != Reply.Playback.PLAYING);
        stop.setEnabled(loaded && !busy);

        for (JComponent c : new JComponent[] {loopStart, loopEnd, startHere, endHere, loop}) {
            c.setEnabled(loaded && !busy);
        }
        loopOff.setEnabled(loaded && !busy && a.loop() != null);
        Command.Region region = loaded ? a.loop() : null;
        if (region != null && !region.equals(shownLoop)) {
            loopStart.setValue(region.startSeconds());
            loopEnd.setValue(region.endSeconds());
        }
        shownLoop = region;
        loopNow.setText(!loaded ? " " : a.loop() == null ? "Plays to the end." : "Loops " + time(a.loop().startSeconds())
                + " - " + time(a.loop().endSeconds()) + ".");

        ab.show(s);
        Reply.Meters m = s.now() == null ? null : s.now().meters();
        programme.show(m == null ? null : m.programme());
        masterLufs.set(loaded && a.masterLufs() != null ? a.masterLufs() : Double.NaN);
        AuditionSession.Status now = s.now();
        outputsBar.set(now == null ? Double.NaN : now.rmsDbfs(), now == null ? Double.NaN : now.peakDbfs());
        outputsValue.setText(now == null ? "-  /  -" : db(now.peakDbfs()) + " / " + db(now.rmsDbfs()));
        status.show(s.status());
    }
}
