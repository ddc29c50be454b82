package org.cabintune.hu.render;

import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.audiofile.AudioFileException;
import org.cabintune.dsp.audiofile.AudioFiles;
import org.cabintune.dsp.flac.FlacFormatException;
import org.cabintune.dsp.wav.AudioReader;
import org.cabintune.dsp.wav.Dither;
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
                "  cabintune-hu render --profile calibration/profiles/reference-8ch.json --demo --out demo-8ch.wav", ""})
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

    @Option(names = "--bits", paramLabel = "24|32", defaultValue = "24",
            description = "Output word length: 24 (TPDF-dithered) or 32 (default: ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (bits != 24 && bits != 32) {
            return fail("--bits = " + bits + " is not supported: use 24 or 32");
        }
        if (demo == (in != null)) {
            return fail(demo ? "give either --in or --demo, not both" : "missing input: give --in FILE.wav or --demo");
        }
        if (demo && !(demoSeconds > 0 && demoSeconds <= 3600)) {
            return fail("--demo-seconds = " + demoSeconds + " is outside (0, 3600]");
        }
        Profile profile;
        try {
            profile = ProfileParser.parse(profilePath);
        } catch (NoSuchFileException e) {
            return fail("profile " + profilePath + " does not exist");
        } catch (ProfileException e) {
            return fail("profile " + profilePath + " is not valid:\n" + e.getMessage());
        }
        ProcessingGraph graph = GraphCompiler.compile(profile, BLOCK);
        if (!quiet) {
            for (String note : graph.notes()) {
                err.println("note: " + note);
            }
        }
        if (in != null && Files.exists(out) && Files.isSameFile(in, out)) {
            return fail("--out " + out + " is the input file; choose another name");
        }
        Path tmp = absoluteParent(out).resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            RenderStats stats = demo ? renderDemo(profile, graph, tmp) : renderFile(profile, graph, tmp);
            if (stats == null) {
                return 1;
            }
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

    private RenderStats renderFile(Profile profile, ProcessingGraph graph, Path tmp) throws IOException {
        if (!Files.isRegularFile(in)) {
            fail("input " + in + " does not exist or is not a file");
            return null;
        }
        try (FileChannel inChannel = FileChannel.open(in, StandardOpenOption.READ);
             AudioReader reader = AudioFiles.open(inChannel)) {
            if (reader.sampleRate() != profile.sampleRate()) {
                fail(in + " is " + reader.sampleRate() + " Hz but profile '" + profile.name() + "' is for "
                        + profile.sampleRate() + " Hz; resample the file or use a profile made for "
                        + reader.sampleRate() + " Hz");
                return null;
            }
            if (reader.channels() != graph.inputs()) {
                fail(in + " has " + reader.channels() + " channel(s) but profile '" + profile.name() + "' has "
                        + graph.inputs() + " input(s) " + profile.inputs());
                return null;
            }
            return render(graph, profile.sampleRate(), reader.frameCount(), tmp, reader::read);
        } catch (WavFormatException | FlacFormatException | AudioFileException e) {
            fail("input " + in + ": " + e.getMessage());
            return null;
        }
    }

    private RenderStats renderDemo(Profile profile, ProcessingGraph graph, Path tmp) throws IOException {
        if (graph.inputs() != 2) {
            fail("the demo programme is stereo but profile '" + profile.name() + "' has " + graph.inputs() + " input(s)");
            return null;
        }
        DemoProgramme programme = new DemoProgramme(profile.sampleRate(), demoSeconds);
        return render(graph, profile.sampleRate(), programme.frames(), tmp, programme::read);
    }

    /** A source of Q8.24 blocks: frames read, or -1 at the end. */
    private interface Source {
        int read(int[][] dest, int maxFrames) throws IOException;
    }

    private RenderStats render(ProcessingGraph graph, int sampleRate, long totalFrames, Path tmp, Source source)
            throws IOException {
        int[][] input = new int[graph.inputs()][BLOCK];
        int[][] output = new int[graph.outputs()][BLOCK];
        WavFormat outFormat = WavFormat.pcm(sampleRate, graph.outputs(), bits);
        Progress progress = new Progress(err, quiet, totalFrames, sampleRate);
        long start = System.nanoTime();
        long frames = 0;
        try (FileChannel outChannel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WavWriter writer = WavWriter.create(outChannel, outFormat, bits < 32 ? new Dither(1) : null)) {
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
