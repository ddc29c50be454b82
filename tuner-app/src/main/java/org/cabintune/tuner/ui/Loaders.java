package org.cabintune.tuner.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.measure.AnalyzeCommand;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.RewText;
import org.cabintune.tuner.measure.SweepAnalyzer;
import org.cabintune.tuner.measure.SweepFile;
import org.cabintune.tuner.ui.plot.Role;
import org.cabintune.tuner.ui.plot.Trace;

/** Files and simulations turned into {@link Trace}s, with the readers and analysers the CLI uses. */
public final class Loaders {

    /** The microphone position a virtual measurement takes: the head's centre. */
    static final String CENTRE_MIC = "center";
    /** The seed of a virtual measurement's noise and start, so it repeats exactly. */
    static final long SEED = 1;

    private Loaders() {
    }

    /** A REW text export (or FRD-like file), named after its file. */
    public static Trace measurement(Path file) throws IOException {
        return new Trace.Response(baseName(file), Role.MEASUREMENT, "", RewText.read(file).response());
    }

    /** A target (house) curve, named after its file. */
    public static Trace target(Path file) throws IOException {
        return new Trace.Target("target " + baseName(file), HouseCurve.read(file));
    }

    /** A recording of a {@code cabintune sweep} stimulus, analysed as {@code cabintune analyze} does. */
    public static Trace recording(Path recording, Path stimulus, int channel, Progress progress) throws IOException {
        progress.step("reading " + stimulus.getFileName(), 0.05);
        SweepSpec spec = SweepFile.read(stimulus);
        progress.step("reading " + recording.getFileName(), 0.2);
        double[] samples = AnalyzeCommand.readChannel(recording, channel, spec.sampleRate());
        progress.step("analysing " + recording.getFileName(), 0.5);
        Measurement m = new SweepAnalyzer(spec).analyze(samples);
        progress.step("done", 1);
        return new Trace.Analysed(baseName(recording), Role.MEASUREMENT, m);
    }

    /**
     * One speaker of a virtual car measured at a seat's head centre: the default stimulus played
     * with its timing markers on the car's first speaker, recorded with the car's noise, drift and
     * latency, and analysed like a real recording. A null {@code speaker} is the car's first
     * mid-woofer (its first speaker when it has none).
     */
    public static Trace virtualCar(Path cabinFile, String speaker, String seat, int sampleRate, Progress progress)
            throws IOException {
        return virtualCar(cabinFile, speaker, seat, SweepSpec.defaults(sampleRate), progress);
    }

    /** The same with another stimulus. */
    public static Trace virtualCar(Path cabinFile, String speaker, String seat, SweepSpec spec, Progress progress)
            throws IOException {
        int sampleRate = spec.sampleRate();
        progress.step("reading " + cabinFile.getFileName(), 0.02);
        CabinSpec cabin = CabinReader.read(cabinFile);
        if (speaker == null) {
            speaker = cabin.speakers().stream().filter(s -> s.role().equals("midwoofer")).findFirst()
                    .orElse(cabin.speakers().getFirst()).name();
        }
        cabin.speaker(speaker);
        cabin.seat(seat);
        progress.step("rendering the sweep", 0.05);
        double[][] stimulus = new SweepGenerator(spec).render();
        String played = speaker;
        progress.step("playing it through the " + cabin.name() + "'s " + played, 0.15);
        List<VirtualCabin.Route> routes = List.of(new VirtualCabin.Route(cabin.speakers().getFirst().name(), 0),
                new VirtualCabin.Route(played, stimulus.length - 1));
        double[] recording = new VirtualCabin(cabin, sampleRate).play(stimulus, routes, seat, CENTRE_MIC,
                VirtualCabin.PlayOptions.seeded(SEED));
        progress.step("analysing the recording", 0.6);
        Measurement m = new SweepAnalyzer(spec).analyze(recording);
        progress.step("done", 1);
        return new Trace.Analysed(cabin.name() + " " + speaker + " at " + seat, Role.MEASUREMENT, m);
    }

    /** A file's name without its last extension. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
