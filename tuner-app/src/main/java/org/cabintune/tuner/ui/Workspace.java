package org.cabintune.tuner.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cabintune.tuner.ui.plot.Trace;

/**
 * What is open in the tuner: the traces every panel may show and the calibration folder, if any.
 * Changed on the event thread only (loads finish there); every change tells the listeners.
 */
public final class Workspace {

    private final Path home;
    private final List<Trace> traces = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private CalibrationFolder calibration;

    /** A workspace for the CabinTune checkout at {@code home} (its calibration/ folder has targets and cabins). */
    public Workspace(Path home) {
        this.home = home;
    }

    public Path home() {
        return home;
    }

    /** The folder of target curves that ships with CabinTune. */
    public Path targets() {
        return home.resolve("calibration").resolve("targets");
    }

    /** The folder of virtual cars. */
    public Path cabins() {
        return home.resolve("calibration").resolve("cabins");
    }

    public List<Trace> traces() {
        return List.copyOf(traces);
    }

    /** Adds traces; one with the name of a trace already open replaces it in place. */
    public void add(List<Trace> more) {
        for (Trace t : more) {
            int at = indexOf(t.name());
            if (at >= 0) {
                traces.set(at, t);
            } else {
                traces.add(t);
            }
        }
        changed();
    }

    public void add(Trace t) {
        add(List.of(t));
    }

    /** Closes the trace called {@code name}, if open. */
    public void remove(String name) {
        int at = indexOf(name);
        if (at >= 0) {
            traces.remove(at);
            changed();
        }
    }

    /** Closes everything. */
    public void clear() {
        traces.clear();
        calibration = null;
        changed();
    }

    public Optional<CalibrationFolder> calibration() {
        return Optional.ofNullable(calibration);
    }

    /** Opens a calibration folder: its curves join the traces, replacing those of one opened before. */
    public void open(CalibrationFolder folder) {
        if (calibration != null) {
            traces.removeIf(t -> !t.output().isEmpty());
        }
        calibration = folder;
        add(folder.traces());
    }

    /** Called after every change. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private int indexOf(String name) {
        for (int i = 0; i < traces.size(); i++) {
            if (traces.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
