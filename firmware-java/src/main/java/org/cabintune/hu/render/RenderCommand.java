package org.cabintune.hu.render;

import org.cabintune.dsp.flac.FlacFormatException;
import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.loudness.ProgrammeLoudness;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.wav.DitherMode;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavFormatException;
import org.cabintune.dsp.wav.WavWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cabintune-hu render}: offline rendering of a WAV or FLAC file through a profile with exactly
 * the fixed-point chain the head unit runs.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render a WAV or FLAC file through a profile with the head unit's exact fixed-point chain.",
                "Reads PCM 8/16/24/32-bit and 32/64-bit float WAV, and FLAC of 4 to 32 bits;",
                "writes one WAV channel per profile output."},
        footer = {"", "Examples:",
                "  cabintune-hu render --profile calibration/profiles/reference-8ch.json --in master.wav --out car.wav",
                "  cabintune-hu render --profile calibration/profiles/reference-8ch.json --demo --out demo-8ch.wav",
                "  cabintune-hu render --profile P.json --in track.wav --out out.wav --normalize static --target -16",
                "  cabintune-hu render --profile P.json --in track2.wav --out out2.wav --normalize static --album t1.wav t2.wav t3.wav",
                "  cabintune-hu render --profile P.json --in master.wav --out cd.wav --bits 16 --dither shaped", ""})
public final class RenderCommand implements Callable<Integer> {

    /** Frames per processing block: large blocks for throughput; the chain is block-size independent. */
    static final int BLOCK = 4096;

    @Option(names = "--profile", required = true, paramLabel = "P.json", description = "Profile to render through.")
    Path profilePath;

    @Option(names = "--in", paramLabel = "in.wav|in.flac",
            description = "Input WAV or FLAC (told apart by content); its channels feed the profile's inputs in order.")
    Path in;

    @Option(names = "--demo", description = "Render a generated demo programme instead of --in.")
    boolean demo;

    @Option(names = "--demo-seconds", paramLabel = "S", defaultValue = "10",
            description = "Length of the demo programme in seconds (default: ${DEFAULT-VALUE}).")
    double demoSeconds;

    @Option(names = "--out", required = true, paramLabel = "out.wav", description = "Output WAV (written atomically).")
    Path out;

    @Option(names = "--bits", paramLabel = "16|24|32", defaultValue = "24",
            description = "Output word length: 16, 24 (both dithered) or 32 (default: ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--dither", paramLabel = "tpdf|shaped|off", defaultValue = "tpdf",
            description = "Dither of 16- and 24-bit output: flat TPDF, TPDF noise-shaped away from 1-5 kHz, or none "
                    + "(default: ${DEFAULT-VALUE}). 32-bit output holds the chain exactly and is never dithered.")
    String dither;

    @Option(names = "--normalize", paramLabel = "off|static|auto",
            description = "Loudness normalisation, instead of the profile's bus.normalize mode: static measures the input "
                    + "(or the --album files) first and applies one gain; auto rides the level.")
    String normalize;

    @Option(names = "--target", paramLabel = "LUFS", description = "Target loudness, instead of the profile's targetLufs.")
    Double target;

    @Option(names = "--album", arity = "1..*", paramLabel = "FILE",
            description = "With static normalisation: measure these files as one album for the gain (keeps their balance).")
    List<Path> album = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (RenderException e) {
            return fail(e.getMessage());
        }
    }

    private int run() throws IOException, RenderException {
        if (bits != 16 && bits != 24 && bits != 32) {
            throw new RenderException("--bits = " + bits + " is not supported: use 16, 24 or 32");
        }
        DitherMode ditherMode = DitherMode.fromWord(dither).orElseThrow(() -> new RenderException(
                "--dither = " + dither + " is not one of " + String.join(", ", DitherMode.words())));
        if (demo == (in != null)) {
            throw new RenderException(demo ? "give either --in or --demo, not both" : "missing input: give --in FILE.wav or --demo");
        }
        if (demo && !(demoSeconds > 0 && demoSeconds <= 3600)) {
            throw new RenderException("--demo-seconds = " + demoSeconds + " is outside (0, 3600]");
        }
        Profile profile = Normalization.override(readProfile(), normalize, target);
        ProgrammeLoudness programme = measureIfStatic(profile);
        ProcessingGraph graph = GraphCompiler.compile(profile, programme, BLOCK);
        if (!quiet) {
            for (String note : graph.notes()) {
                err.println("note: " + note);
            }
        }
        if (in != null && Files.exists(out) && Files.isSameFile(in, out)) {
            throw new RenderException("--out " + out + " is the input file; choose another name");
        }
        Path tmp = absoluteParent(out).resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            RenderStats stats = demo ? renderDemo(profile, graph, tmp, ditherMode)
                    : renderFile(profile, graph, tmp, ditherMode);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!quiet) {
                err.printf("rendered %.1f s (%d frames) in %.2f s, %.0fx real time -> %s (%d channels, %d-bit)%n",
                        stats.frames / (double) profile.sampleRate(), stats.frames, stats.seconds,
                        stats.frames / (double) profile.sampleRate() / Math.max(stats.seconds, 1e-9), out,
                        graph.outputs(), bits);
            }
            return 0;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Profile readProfile() throws IOException, RenderException {
        try {
            return ProfileParser.parse(profilePath);
        } catch (NoSuchFileException e) {
            throw new RenderException("profile " + profilePath + " does not exist");
        } catch (ProfileException e) {
            throw new RenderException("profile " + profilePath + " is not valid:\n" + e.getMessage());
        }
    }

    /** For static normalisation, the programme's loudness: the input's, or the album's; null otherwise. */
    private ProgrammeLoudness measureIfStatic(Profile profile) throws IOException, RenderException {
        boolean isStatic = profile.bus().normalize().map(n -> n.mode().isStatic()).orElse(false);
        if (!album.isEmpty() && !isStatic) {
            throw new RenderException("--album is for static normalisation: give --normalize static, or a profile "
                    + "whose bus.normalize mode is static, integrated or album");
        }
        if (!isStatic) {
            return null;
        }
        if (!quiet && album.isEmpty()
                && profile.bus().normalize().map(n -> n.mode() == Bus.Normalize.Mode.ALBUM).orElse(false)) {
            err.println("note: bus.normalize is album but no --album files were given: measuring the input alone");
        }
        ProgrammeLoudness programme;
        if (demo) {
            if (profile.inputs().size() != 2) {
                throw new RenderException("the demo programme is stereo but profile '" + profile.name() + "' has "
                        + profile.inputs().size() + " input(s)");
            }
            programme = Normalization.measure(new DemoProgramme(profile.sampleRate(), demoSeconds), 2,
                    profile.sampleRate(), BLOCK);
        } else {
            programme = Normalization.measure(album.isEmpty() ? List.of(in) : album, profile);
        }
        if (!quiet) {
            err.println(Normalization.describe(profile, programme, album.size()));
        }
        return programme;
    }

    private RenderStats renderFile(Profile profile, ProcessingGraph graph, Path tmp, DitherMode ditherMode)
            throws IOException, RenderException {
        try (InputFiles.Input input = InputFiles.open(in, profile)) {
            return render(graph, profile.sampleRate(), input.reader().frameCount(), tmp, ditherMode,
                    input.reader()::read);
        } catch (WavFormatException | FlacFormatException e) {
            throw new RenderException("input " + in + ": " + e.getMessage());
        }
    }

    private RenderStats renderDemo(Profile profile, ProcessingGraph graph, Path tmp, DitherMode ditherMode)
            throws IOException, RenderException {
        if (graph.inputs() != 2) {
            throw new RenderException("the demo programme is stereo but profile '" + profile.name() + "' has "
                    + graph.inputs() + " input(s)");
        }
        DemoProgramme programme = new DemoProgramme(profile.sampleRate(), demoSeconds);
        return render(graph, profile.sampleRate(), programme.frames(), tmp, ditherMode, programme::read);
    }

    /** A source of Q8.24 blocks: frames read, or -1 at the end. */
    private interface Source {
        int read(int[][] dest, int maxFrames) throws IOException;
    }

    private RenderStats render(ProcessingGraph graph, int sampleRate, long totalFrames, Path tmp, DitherMode ditherMode,
                               Source source) throws IOException {
        int[][] input = new int[graph.inputs()][BLOCK];
        int[][] output = new int[graph.outputs()][BLOCK];
        WavFormat outFormat = WavFormat.pcm(sampleRate, graph.outputs(), bits);
        Progress progress = new Progress(err, quiet, totalFrames, sampleRate);
        long start = System.nanoTime();
        long frames = 0;
        try (FileChannel outChannel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WavWriter writer = WavWriter.create(outChannel, outFormat,
                     bits < 25 ? ditherMode.create(1, graph.outputs()) : null)) {
            int n;
            while ((n = source.read(input, BLOCK)) > 0) {
                graph.process(input, output, n);
                writer.write(output, n);
                frames += n;
                progress.update(frames);
            }
        }
        progress.done();
        return new RenderStats(frames, (System.nanoTime() - start) / 1e9);
    }

    private record RenderStats(long frames, double seconds) {
    }

    private static Path absoluteParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private int fail(String message) {
        err.println("cabintune-hu render: " + message);
        return 1;
    }
}
