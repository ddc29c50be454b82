package org.cabintune.tuner.measure;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cabintune.dsp.sweep.SweepLayout;
import org.cabintune.dsp.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune sweep --out sweep.wav [--rate --from --to --length --level --no-markers]}:
 * writes the exact stimulus the head unit plays (see {@link SweepSpec} and
 * {@link SweepLayout}) as a 32-bit float WAV tagged with its parameters.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Write the measurement stimulus: an exponential sine sweep with fades, and by default two",
                "timing markers on a second channel for the timing reference speaker."},
        footer = {"", "Channel 0 carries the markers (play it on the timing reference speaker), channel 1 the sweep",
                "(play it on the speaker under test). With --no-markers the file is mono: the sweep only.", "",
                "Examples:", "  cabintune sweep --out sweep.wav", "  cabintune sweep --out sweep96.wav --rate 96000 --length 6",
                ""})
public final class SweepCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "Where to write the stimulus.")
    Path out;

    @Option(names = "--rate", paramLabel = "HZ", description = "Sample rate (default ${DEFAULT-VALUE}).", defaultValue = "48000")
    int rate;

    @Option(names = "--from", paramLabel = "HZ", description = "First frequency (default ${DEFAULT-VALUE}).",
            defaultValue = "10")
    double from;

    @Option(names = "--to", paramLabel = "HZ", description = "Last frequency (default 24000 or 0.475 x rate, the lower).")
    Double to;

    @Option(names = "--length", paramLabel = "SECONDS", description = "Length of the sweep (default ${DEFAULT-VALUE}).",
            defaultValue = "3")
    double length;

    @Option(names = "--level", paramLabel = "DBFS", description = "Peak level (default ${DEFAULT-VALUE}).", defaultValue = "-12")
    double level;

    @Option(names = "--no-markers", description = "Leave out the timing markers (mono file; no drift or arrival timing).")
    boolean noMarkers;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepSpec s;
        try {
            s = new SweepSpec(rate, from, to != null ? to : SweepSpec.defaultEndHz(rate), length, level, !noMarkers);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SweepFile.write(out, s);
        SweepLayout l = s.layout();
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "%s: %d Hz, %s, sweep %.1f to %.1f Hz over %.3f s at %.1f dBFS starting at %.3f s; %.3f s in all",
                out, s.sampleRate(), l.hasMarkers() ? "2 channels (markers, sweep)" : "mono", s.startHz(), s.endHz(),
                s.sweepFrames() / (double) rate, s.levelDbfs(), l.sweepStart() / (double) rate, l.total() / (double) rate));
        return 0;
    }
}
