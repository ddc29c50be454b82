package org.cabintune.tuner.loudness;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cabintune.dsp.loudness.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune loudness FILE.wav... [--json] [--preview LIST]}: integrated loudness,
 * loudness range, true and sample peak, and the largest momentary and short-term loudness of
 * each file, measured with the head unit's own meter (ITU-R BS.1770-5, EBU Tech 3341/3342).
 *
 * <p>Files are measured one after another and reported as each finishes. A file that cannot
 * be measured gets one line on standard error naming it and the reason; the others are still
 * measured, and the exit status is 1 if any failed (2 for a usage error).
 */
@Command(name = "loudness", mixinStandardHelpOptions = true,
        description = {"Measure loudness (ITU-R BS.1770-5, EBU R 128): integrated, range, true peak, sample peak,",
                "and the largest momentary and short-term loudness; optionally preview streaming normalisation."},
        footer = {"", "JSON (--json): one object per file per line, keys file, integratedLufs, loudnessRangeLu,",
                "truePeakDbtp, samplePeakDbfs, maxMomentaryLufs, maxShortTermLufs (and preview with --preview);",
                "null where there is no reading (silence, or nothing above the gates).", "",
                "Examples:", "  cabintune loudness master.wav",
                "  cabintune loudness --json *.wav", "  cabintune loudness master.wav --preview spotify,apple,youtube", ""})
public final class LoudnessCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.wav", arity = "1..*", description = "WAV files to measure.")
    List<Path> files;

    @Option(names = "--json", description = "One JSON object per file per line instead of a table.")
    boolean json;

    @Option(names = "--preview", paramLabel = "LIST", split = ",",
            description = {"Platforms to preview, comma-separated: spotify, spotify-loud, apple, youtube,",
                    "amazon, tidal, deezer, ebu-r128, atsc; or all."})
    List<String> preview = List.of();

    @Option(names = "--quiet", description = "No progress output for long files.")
    boolean quiet;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Platform> platforms;
        try {
            platforms = platforms(preview);
        } catch (IllegalArgumentException e) {
            err.println("cabintune loudness: " + e.getMessage());
            err.flush();
            return 2;
        }
        boolean terminal = System.console() != null && System.console().isTerminal();
        Progress progress = new Progress(err, !quiet, terminal);
        int width = Math.max(4, files.stream().mapToInt(f -> f.toString().length()).max().orElse(4)) + 2;
        if (!json) {
            out.println(Report.tableHeading(width));
        }
        int failed = 0;
        for (Path file : files) {
            FileMeter.Result result;
            try {
                result = FileMeter.measure(file, file.toString(), progress);
            } catch (FileMeter.Unreadable e) {
                out.flush();
                err.println("cabintune loudness: " + file + ": " + e.getMessage());
                err.flush();
                failed++;
                continue;
            }
            if (json) {
                out.println(Report.json(result, platforms));
            } else {
                out.println(Report.tableRow(result, width));
                if (!platforms.isEmpty()) {
                    out.print(Report.tablePreview(result, platforms));
                }
            }
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    /** The platforms named on the command line, in their order, {@code all} for every one. */
    static List<Platform> platforms(List<String> names) {
        Set<Platform> chosen = new LinkedHashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            if (name.trim().equalsIgnoreCase("all")) {
                chosen.addAll(Arrays.asList(Platform.values()));
                continue;
            }
            chosen.add(Platform.byId(name).orElseThrow(() -> new IllegalArgumentException("--preview: unknown platform '"
                    + name.trim() + "'; choose from " + Platform.ids() + ", or all")));
        }
        return new ArrayList<>(chosen);
    }
}
