package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.audio.AudioDevice;
import org.cabintune.tuner.audio.CaptureFormats;
import org.cabintune.tuner.audio.SoundCardInput;
import org.cabintune.tuner.calibrate.CalibrationOptions;
import org.cabintune.tuner.unit.Failure;

/**
 * The wizard's setup: which unit plays, which microphone hears (a virtual car, or a measurement
 * microphone on one of the sound cards' capture devices, with its channel and calibration), the
 * board, the virtual car and the DAC recording it listens to, the seat, the positions, the
 * target and the stimulus. Start hands the rig (opened later, in the background) and the
 * options to the wizard.
 */
final class WizardSetup extends JPanel {

    private static final String REHEARSAL = "Rehearsal: the board's chain rendered on this computer";
    private static final String CONNECTED = "The connected head unit";

    /** An entry of "Heard by": the virtual car (no device), or a capture device as {@code cabintune devices} lists it. */
    private record Source(AudioDevice device) {
        @Override
        public String toString() {
            return device == null ? "A virtual car"
                    : "Microphone on " + device.title() + ": " + CaptureFormats.summary(device.capture());
        }
    }

    private static final Source VIRTUAL_CAR = new Source(null);

    private final UnitSession session;
    private final CaptureDevices devices;
    private final BiConsumer<Rig.Opener, CalibrationOptions> start;
    private final JComboBox<String> playsOn = new JComboBox<>(new String[] {REHEARSAL, CONNECTED});
    private final JComboBox<Source> heardBy = new JComboBox<>();
    private final JButton refresh = new JButton("Refresh devices");
    private final WrappingLabel devicesNote = new WrappingLabel();
    private final JSpinner channel = new JSpinner(new SpinnerNumberModel(0, 0, CaptureFormats.MAX_CHANNEL, 1));
    private final JTextField micCalibration = new JTextField(24);
    private final JButton micCalibrationBrowse;
    private final JTextField board;
    private final JTextField cabin;
    private final JButton cabinBrowse;
    private final JTextField dacRecording = new JTextField(24);
    private final JButton dacRecordingBrowse;
    private final JTextField seat = new JTextField("driver", 10);
    private final JTextField car = new JTextField("", 14);
    private final JSpinner positions = new JSpinner(new SpinnerNumberModel(6, 1, 9, 1));
    private final JCheckBox handHeld = new JCheckBox("one at a time, moved by hand", true);
    private final JTextField target;
    private final JSpinner sweep = new JSpinner(new SpinnerNumberModel(SweepSpec.DEFAULT_SECONDS, SweepSpec.MIN_SECONDS,
            10.0, 0.5));
    private List<AudioDevice> shownDevices = List.of();

    /**
     * @param home    the checkout the default files come from
     * @param devices the capture devices a real microphone can be on
     * @param start   what Start does: the wizard's {@link WizardModel#start}
     */
    WizardSetup(UnitSession session, Path home, CaptureDevices devices, BiConsumer<Rig.Opener, CalibrationOptions> start) {
        super(new BorderLayout());
        setOpaque(false);
        this.session = session;
        this.devices = devices;
        this.start = start;
        this.board = new JTextField(home.resolve("board-configs/simulator.yaml").toString(), 24);
        this.cabin = new JTextField(home.resolve("calibration/cabins/sedan.yaml").toString(), 24);
        this.target = new JTextField(home.resolve("calibration/targets/car-default.txt").toString(), 24);
        this.micCalibrationBrowse = browse(micCalibration);
        this.cabinBrowse = browse(cabin);
        this.dacRecordingBrowse = browse(dacRecording);
        add(form(), BorderLayout.CENTER);
        devices.state().listen(this::showDevices);
    }

    private JPanel form() {
        heardBy.addItem(VIRTUAL_CAR);
        // The entries are long; the field takes the width the form gives it.
        heardBy.setPrototypeDisplayValue(VIRTUAL_CAR);
        heardBy.addActionListener(e -> enableRows());
        refresh.addActionListener(e -> devices.refresh());
        JButton go = Look.primary("Start");
        go.addActionListener(e -> start());
        JPanel startRow = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        startRow.setOpaque(false);
        startRow.add(go);
        JPanel heardByRow = new JPanel(new BorderLayout(6, 0));
        heardByRow.setOpaque(false);
        heardByRow.add(heardBy, BorderLayout.CENTER);
        heardByRow.add(refresh, BorderLayout.EAST);
        JPanel channelRow = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        channelRow.setOpaque(false);
        channelRow.add(channel);
        channelRow.add(Box.createHorizontalStrut(6));
        channelRow.add(Look.hint("of the capture device, 0 = the first"));
        JPanel positionRow = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        positionRow.setOpaque(false);
        positionRow.add(positions);
        positionRow.add(Box.createHorizontalStrut(Look.GAP));
        positionRow.add(handHeld);
        JPanel sweepRow = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        sweepRow.setOpaque(false);
        sweepRow.add(sweep);
        sweepRow.add(Box.createHorizontalStrut(6));
        sweepRow.add(Look.hint("s per sweep, at " + (int) CalibrationOptions.LEVEL_DBFS + " dBFS"));
        Look.Form form = new Look.Form()
                .row("Plays on", playsOn)
                .row("Heard by", heardByRow)
                .row("Mic channel", channelRow)
                .row("Mic calibration", micCalibration, micCalibrationBrowse)
                .row("Board", board, browse(board))
                .row("Virtual car", cabin, cabinBrowse)
                .row("DAC recording", dacRecording, dacRecordingBrowse)
                .row("Car (report)", car)
                .row("Seat", seat)
                .row("Positions", positionRow)
                .row("Target curve", target, browse(target))
                .row("Stimulus", sweepRow);
        JPanel p = new JPanel(new BorderLayout(0, Look.GAP));
        p.setOpaque(false);
        WrappingLabel note = new WrappingLabel();
        note.setForeground(Look.MUTED_TEXT);
        note.setPlain("A virtual car listening to a connected unit hears the WAV file the unit records its DAC into "
                + "(cabintune-hu run ... --sink wav:FILE). A measurement microphone on a sound card records at the "
                + "unit's rate (cabintune devices lists the same devices) and is moved by hand: before it records at "
                + "a position, the wizard asks for it to be moved there (Continue, or Stop to leave the calibration and "
                + "play the unit's previous profile again). Its calibration file (miniDSP UMIK or REW-style) is "
                + "optional.");
        JPanel notes = new JPanel(new BorderLayout(0, 6));
        notes.setOpaque(false);
        notes.add(devicesNote, BorderLayout.NORTH);
        notes.add(note, BorderLayout.CENTER);
        JPanel north = new JPanel(new BorderLayout(0, Look.GAP));
        north.setOpaque(false);
        north.add(form, BorderLayout.NORTH);
        north.add(notes, BorderLayout.CENTER);
        north.add(startRow, BorderLayout.SOUTH);
        p.add(Look.section("Setup", north), BorderLayout.NORTH);
        enableRows();
        return p;
    }

    /** The capture devices as last found: the entries after the virtual car, the chosen one kept if it is still there. */
    private void showDevices(CaptureDevices.State s) {
        boolean busy = s.status().isBusy();
        refresh.setEnabled(!busy);
        // The window's own text colour (null: the parent's) when there is nothing to record from, muted otherwise.
        devicesNote.setForeground(s.message() != null && s.devices().isEmpty() ? null : Look.MUTED_TEXT);
        devicesNote.setPlain(busy ? "Looking for capture devices..." : s.status().error() != null
                ? "The capture devices could not be listed: " + s.status().error()
                : Objects.requireNonNullElse(s.message(), ""));
        if (s.devices().equals(shownDevices)) {
            return;
        }
        shownDevices = s.devices();
        Source chosen = (Source) heardBy.getSelectedItem();
        heardBy.removeAllItems();
        heardBy.addItem(VIRTUAL_CAR);
        for (AudioDevice d : s.devices()) {
            Source source = new Source(d);
            heardBy.addItem(source);
            if (chosen != null && chosen.device() != null && chosen.device().name().equals(d.name())) {
                heardBy.setSelectedItem(source);
            }
        }
        enableRows();
    }

    /** Only the rows the chosen microphone needs. */
    private void enableRows() {
        Source source = (Source) heardBy.getSelectedItem();
        boolean virtual = source == null || source.device() == null;
        for (JComponent c : new JComponent[] {cabin, cabinBrowse, dacRecording, dacRecordingBrowse,
                handHeld}) {
            c.setEnabled(virtual);
        }
        for (JComponent c : new JComponent[] {channel, micCalibration, micCalibrationBrowse}) {
            c.setEnabled(!virtual);
        }
    }

    private JButton browse(JTextField field) {
        JButton b = new JButton("...");
        b.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser(field.getText().isBlank() ? null : new File(field.getText()));
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                field.setText(chooser.getSelectedFile().toString());
            }
        });
        return b;
    }

    private void start() {
        Path boardFile = path(board);
        Path cabinFile = path(cabin);
        Path recording = path(dacRecording);
        String seatName = seat.getText().strip();
        int count = (Integer) positions.getValue();
        boolean byHand = handHeld.isSelected();
        boolean rehearsal = REHEARSAL.equals(playsOn.getSelectedItem());
        Source source = (Source) heardBy.getSelectedItem();
        AudioDevice device = source == null ? null : source.device();
        String carName = car.getText().strip();
        Rig.Opener rig;
        if (rehearsal && device == null) {
            rig = (prompt, log) -> Rig.rehearsal(boardFile, cabinFile, seatName, count, byHand);
        } else if (rehearsal) {
            rig = (prompt, log) -> {
                throw new Failure("a microphone on a sound card hears a real car: choose the connected head unit");
            };
        } else if (device == null) {
            rig = (prompt, log) -> {
                if (recording == null) {
                    throw new Failure("give the DAC recording the unit writes (its --sink wav:FILE)");
                }
                return Rig.virtualCar(session, boardFile, cabinFile, recording, seatName, count, byHand);
            };
        } else {
            int micChannel = (Integer) channel.getValue();
            Path calibration = path(micCalibration);
            rig = (prompt, log) -> Rig.soundCard(session, boardFile, SoundCardInput.of(device.name(), micChannel,
                    calibration), seatName, count, carName, prompt, log);
        }
        double seconds = ((Number) sweep.getValue()).doubleValue();
        start.accept(rig, new CalibrationOptions(seatName, seconds, CalibrationOptions.LEVEL_DBFS, 0,
                "calibrated-" + seatName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                "Calibrated " + seatName, path(target)));
    }

    private static Path path(JTextField field) {
        String text = field.getText().strip();
        return text.isEmpty() ? null : Path.of(text);
    }

}
