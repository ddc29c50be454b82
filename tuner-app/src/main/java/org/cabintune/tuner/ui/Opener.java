package org.cabintune.tuner.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.ui.eq.EqSetups;
import org.cabintune.tuner.ui.plot.Trace;

/** The File menu's opening: dialogs to choose, then the reading or analysis off the event thread. */
public final class Opener {

    private final Shell shell;

    Opener(Shell shell) {
        this.shell = shell;
    }

    /** Opens REW text exports (or FRD files). */
    public void measurements(List<Path> files) {
        for (Path f : files) {
            shell.tasks().run("Reading " + f.getFileName(), p -> Loaders.measurement(f), this::add);
        }
    }

    /** Opens a target curve. */
    public void target(Path file) {
        shell.tasks().run("Reading " + file.getFileName(), p -> Loaders.target(file), this::add);
    }

    /** Opens what a calibration wrote; when no target is open, the shipped default target too. */
    public void calibration(Path dir) {
        shell.tasks().run("Reading the calibration in " + dir.getFileName(), p -> CalibrationFolder.read(dir), folder -> {
            shell.workspace().open(folder);
            shell.status("opened the calibration in " + dir + ": " + folder.outputs().size() + " outputs");
            boolean hasTarget = shell.workspace().traces().stream().anyMatch(t -> t instanceof Trace.Target);
            Path standard = shell.workspace().targets().resolve("car-default.txt");
            if (!hasTarget && Files.exists(standard)) {
                target(standard);
            }
        });
    }

    /** Analyses a recording of a {@code cabintune sweep} stimulus. */
    public void recording(Path recording, Path stimulus, int channel) {
        shell.tasks().run("Analysing " + recording.getFileName(), p -> Loaders.recording(recording, stimulus, channel, p),
                this::add);
    }

    /** Measures a virtual car's speaker at a seat. */
    public void virtualCar(Path cabin, String speaker, String seat) {
        shell.tasks().run("Measuring the virtual car", p -> Loaders.virtualCar(cabin, speaker, seat, EqSetups.DEFAULT_RATE, p),
                this::add);
    }

    private void add(Trace t) {
        shell.workspace().add(t);
        shell.status("opened " + t.name());
    }

    void chooseMeasurements() {
        JFileChooser chooser = chooser("REW text export or FRD", "txt", "frd");
        chooser.setMultiSelectionEnabled(true);
        if (chooser.showOpenDialog(shell.frame()) == JFileChooser.APPROVE_OPTION) {
            measurements(Stream.of(chooser.getSelectedFiles()).map(java.io.File::toPath).toList());
        }
    }

    void chooseTarget() {
        JFileChooser chooser = chooser("Target curve (REW house curve)", "txt");
        chooser.setCurrentDirectory(shell.workspace().targets().toFile());
        if (chooser.showOpenDialog(shell.frame()) == JFileChooser.APPROVE_OPTION) {
            target(chooser.getSelectedFile().toPath());
        }
    }

    void chooseCalibration() {
        JFileChooser chooser = new JFileChooser(shell.workspace().home().toFile());
        chooser.setDialogTitle("Calibration folder (profile.json and measurements/)");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(shell.frame()) == JFileChooser.APPROVE_OPTION) {
            calibration(chooser.getSelectedFile().toPath());
        }
    }

    void chooseRecording() {
        JFileChooser chooser = chooser("Recording (WAV)", "wav");
        chooser.setDialogTitle("Recording of the sweep");
        if (chooser.showOpenDialog(shell.frame()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path recording = chooser.getSelectedFile().toPath();
        JFileChooser stimulus = chooser("Stimulus written by 'cabintune sweep' (WAV)", "wav");
        stimulus.setDialogTitle("The stimulus that was played");
        stimulus.setCurrentDirectory(recording.toFile().getParentFile());
        if (stimulus.showOpenDialog(shell.frame()) == JFileChooser.APPROVE_OPTION) {
            recording(recording, stimulus.getSelectedFile().toPath(), 0);
        }
    }

    void chooseVirtualCar() {
        List<Path> cars;
        try (Stream<Path> files = Files.list(shell.workspace().cabins())) {
            cars = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            shell.error("Listing the virtual cars", e);
            return;
        }
        if (cars.isEmpty()) {
            shell.error("Listing the virtual cars", new IOException("no virtual cars in " + shell.workspace().cabins()));
            return;
        }
        JComboBox<Path> car = new JComboBox<>(cars.toArray(Path[]::new));
        car.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index,
                                                                    boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, value == null ? "" : Loaders.baseName((Path) value), index,
                        selected, focus);
            }
        });
        JComboBox<String> speaker = new JComboBox<>();
        JComboBox<String> seat = new JComboBox<>();
        Runnable fill = () -> {
            try {
                CabinSpec spec = CabinReader.read((Path) car.getSelectedItem());
                speaker.removeAllItems();
                seat.removeAllItems();
                spec.speakers().forEach(s -> speaker.addItem(s.name()));
                spec.seats().forEach(s -> seat.addItem(s.name()));
            } catch (IOException | RuntimeException e) {
                shell.error("Reading the car", e);
            }
        };
        car.addActionListener(e -> fill.run());
        fill.run();
        JPanel form = new JPanel(new java.awt.GridLayout(0, 2, 8, 6));
        form.add(new JLabel("Car"));
        form.add(car);
        form.add(new JLabel("Speaker"));
        form.add(speaker);
        form.add(new JLabel("Seat"));
        form.add(seat);
        if (JOptionPane.showConfirmDialog(shell.frame(), form, "Measure a virtual car", JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE) == JOptionPane.OK_OPTION && speaker.getSelectedItem() != null) {
            virtualCar((Path) car.getSelectedItem(), (String) speaker.getSelectedItem(), (String) seat.getSelectedItem());
        }
    }

    private JFileChooser chooser(String description, String... extensions) {
        JFileChooser chooser = new JFileChooser(shell.workspace().home().toFile());
        chooser.setFileFilter(new FileNameExtensionFilter(description, extensions));
        return chooser;
    }
}
