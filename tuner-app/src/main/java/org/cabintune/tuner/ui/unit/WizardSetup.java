package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.calibrate.CalibrationOptions;
import org.cabintune.tuner.unit.Failure;

/**
 * The wizard's setup: which unit plays, which microphone hears, the board, the virtual car and
 * the DAC recording it listens to, the seat, the positions, the target and the stimulus. Start
 * hands the rig (opened later, in the background) and the options to the wizard.
 */
final class WizardSetup extends JPanel {

    private static final String REHEARSAL = "Rehearsal: the board's chain rendered on this computer";
    private static final String CONNECTED = "The connected head unit";
    private static final String VIRTUAL_CAR = "A virtual car";

    private final UnitSession session;
    private final LiveMicrophone live;
    private final BiConsumer<Supplier<Rig>, CalibrationOptions> start;
    private final JComboBox<String> playsOn = new JComboBox<>(new String[] {REHEARSAL, CONNECTED});
    private final JComboBox<String> heardBy = new JComboBox<>();
    private final JTextField board;
    private final JTextField cabin;
    private final JTextField dacRecording = new JTextField(24);
    private final JTextField seat = new JTextField("driver", 10);
    private final JTextField car = new JTextField("", 14);
    private final JSpinner positions = new JSpinner(new SpinnerNumberModel(6, 1, 9, 1));
    private final JCheckBox handHeld = new JCheckBox("one at a time, moved by hand", true);
    private final JTextField target;
    private final JSpinner sweep = new JSpinner(new SpinnerNumberModel(SweepSpec.DEFAULT_SECONDS, SweepSpec.MIN_SECONDS,
            10.0, 0.5));

    /**
     * @param home  the checkout the default files come from
     * @param live  a real microphone to offer, or null
     * @param start what Start does: the wizard's {@link WizardModel#start}
     */
    WizardSetup(UnitSession session, Path home, LiveMicrophone live, BiConsumer<Supplier<Rig>, CalibrationOptions> start) {
        super(new BorderLayout());
        setOpaque(false);
        this.session = session;
        this.live = live;
        this.start = start;
        this.board = new JTextField(home.resolve("board-configs/simulator.yaml").toString(), 24);
        this.cabin = new JTextField(home.resolve("calibration/cabins/sedan.yaml").toString(), 24);
        this.target = new JTextField(home.resolve("calibration/targets/car-default.txt").toString(), 24);
        add(form(), BorderLayout.CENTER);
    }

    private JPanel form() {
        heardBy.addItem(VIRTUAL_CAR);
        if (live != null) {
            heardBy.addItem(live.name());
        }
        JButton go = Look.primary("Start");
        go.addActionListener(e -> start());
        JPanel startRow = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        startRow.setOpaque(false);
        startRow.add(go);
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
                .row("Heard by", heardBy)
                .row("Board", board, browse(board))
                .row("Virtual car", cabin, browse(cabin))
                .row("DAC recording", dacRecording, browse(dacRecording))
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
                + "(cabintune-hu run ... --sink wav:FILE). A microphone moved by hand waits at each position until "
                + "you press Measure.");
        JPanel north = new JPanel(new BorderLayout(0, Look.GAP));
        north.setOpaque(false);
        north.add(form, BorderLayout.NORTH);
        north.add(note, BorderLayout.CENTER);
        north.add(startRow, BorderLayout.SOUTH);
        p.add(Look.section("Setup", north), BorderLayout.NORTH);
        return p;
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
        boolean virtual = VIRTUAL_CAR.equals(heardBy.getSelectedItem());
        String carName = car.getText().strip();
        Supplier<Rig> rig;
        if (rehearsal && virtual) {
            rig = () -> Rig.rehearsal(boardFile, cabinFile, seatName, count, byHand);
        } else if (rehearsal) {
            rig = () -> {
                throw new Failure("a live microphone hears a real car: choose the connected head unit");
            };
        } else if (virtual) {
            rig = () -> {
                if (recording == null) {
                    throw new Failure("give the DAC recording the unit writes (its --sink wav:FILE)");
                }
                return Rig.virtualCar(session, boardFile, cabinFile, recording, seatName, count, byHand);
            };
        } else {
            rig = () -> {
                if (!session.connected()) {
                    throw new Failure("no head unit is connected; connect to one first");
                }
                try {
                    return Rig.live(session, boardFile, live.open(session.info().sampleRate()),
                            carName.isEmpty() ? session.info().unitId() : carName);
                } catch (IOException e) {
                    throw new Failure("cannot open " + live.name() + ": " + e.getMessage(), e);
                }
            };
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
