package org.cabintune.tuner.cabin;

import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavReader;
import org.cabintune.dsp.wav.WavWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cabintune cabin play ...}: the virtual cabin on the command line. */
@Command(name = "cabin", mixinStandardHelpOptions = true,
        description = "The virtual cabin: play a stimulus through a simulated car and record it.",
        subcommands = {CommandLine.HelpCommand.class, CabinCommand.Play.class})
public final class CabinCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code cabin play --cabin F --stimulus S --speaker X --seat driver --out rec.wav}. */
    @Command(name = "play", mixinStandardHelpOptions = true,
            description = {"Play a stimulus through chosen speakers of a virtual car and write what a microphone",
                    "at a seat records (road noise, head-unit latency and clock drift included)."},
            footer = {"", "A two-channel stimulus from 'cabintune sweep' plays channel 0 (the timing markers) on",
                    "--reference-speaker and channel 1 (the sweep) on --speaker; a mono one plays on --speaker.", "",
                    "Example:", "  cabintune cabin play --cabin calibration/cabins/sedan.yaml --stimulus sweep.wav \\",
                    "      --speaker front-left-tweeter --seat driver --out rec.wav", ""})
    static final class Play implements Callable<Integer> {

        @Option(names = "--cabin", required = true, paramLabel = "FILE.yaml", description = "The car.")
        Path cabin;

        @Option(names = "--stimulus", required = true, paramLabel = "FILE.wav", description = "What the head unit plays.")
        Path stimulus;

        @Option(names = "--speaker", required = true, split = ",", paramLabel = "NAME",
                description = "Speaker(s) the stimulus's last channel plays on (comma-separated for several).")
        List<String> speakers;

        @Option(names = "--reference-speaker", paramLabel = "NAME",
                description = "Speaker that plays the timing markers (default: the cabin's first speaker).")
        String reference;

        @Option(names = "--seat", defaultValue = "driver", paramLabel = "NAME", description = "Seat (default ${DEFAULT-VALUE}).")
        String seat;

        @Option(names = "--mic", defaultValue = "center", paramLabel = "NAME",
                description = "Microphone position around the head (default ${DEFAULT-VALUE}).")
        String mic;

        @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "Where to write the recording.")
        Path out;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the noise and start time (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--noise", paramLabel = "DBFS", description = "Road noise RMS (default: the cabin's).")
        Double noise;

        @Option(names = "--drift", paramLabel = "PPM", description = "Microphone clock drift (default: the cabin's).")
        Double drift;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CabinSpec car = CabinReader.read(cabin);
            double[][] x;
            int rate;
            try (FileChannel ch = FileChannel.open(stimulus); WavReader r = WavReader.open(ch)) {
                rate = r.format().sampleRate();
                x = r.readAllDouble();
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(stimulus + ": no such file");
            }
            List<VirtualCabin.Route> routing = new ArrayList<>();
            if (x.length == 2) {
                String ref = reference != null ? reference : car.speakers().get(0).name();
                car.speaker(ref);
                routing.add(new VirtualCabin.Route(ref, 0));
            } else if (x.length != 1) {
                throw new IllegalArgumentException(stimulus + " has " + x.length
                        + " channels; the cabin plays mono or 'cabintune sweep' stimuli (markers, sweep)");
            }
            for (String s : speakers) {
                car.speaker(s);
                routing.add(new VirtualCabin.Route(s, x.length - 1));
            }
            car.seat(seat);
            car.mic(mic);
            VirtualCabin v = new VirtualCabin(car, rate);
            double[] rec = v.play(x, routing, seat, mic, new VirtualCabin.PlayOptions(noise, drift, null, seed));
            int[][] q = new int[1][rec.length];
            for (int i = 0; i < rec.length; i++) {
                q[0][i] = Q824.fromDouble(rec[i]);
            }
            try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 WavWriter w = WavWriter.create(ch, WavFormat.ieeeFloat(rate, 1, 32), null)) {
                w.write(q, rec.length);
            }
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s: %.3f s at %d Hz from %s, %s at %s/%s",
                    out, rec.length / (double) rate, rate, car.name(), String.join(", ", routing.stream()
                            .map(r -> r.speaker() + " (channel " + r.channel() + ")").toList()), seat, mic));
            return 0;
        }
    }
}
