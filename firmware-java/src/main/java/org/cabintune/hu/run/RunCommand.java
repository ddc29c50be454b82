package org.cabintune.hu.run;

import com.pi4j.Pi4J;
import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardConfigException;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.hu.board.BoardProfiles;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.EngineStats;
import org.cabintune.hu.engine.RealtimeScheduling;
import org.cabintune.hu.engine.Sink;
import org.cabintune.hu.engine.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code cabintune-hu run}: the head unit's stream. Loads a board, compiles the profile, runs
 * the real-time engine until the duration is over or SIGINT/SIGTERM arrives (a shutdown hook
 * makes the stop speaker-safe), then writes the stats and prints a one-line summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the head unit's real-time chain on a board until the duration is over or it is interrupted.",
                "Stops speaker-safe on SIGINT/SIGTERM: ramp to silence, then stop the device."},
        footer = {"", "Examples:",
                "  cabintune-hu run --board board-configs/simulator.yaml --duration 10 --stats-json stats.json",
                "  cabintune-hu run --board board-configs/rpi4-hifiberry-dacplus.yaml --source file:music.wav", ""})
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--board", required = true, paramLabel = "F.yaml", description = "Board configuration (board-configs/*.yaml).")
    Path boardPath;

    @Option(names = "--duration", paramLabel = "S", description = "Seconds to run; default: until SIGINT or SIGTERM.")
    Double duration;

    @Option(names = "--stats-json", paramLabel = "F", description = "Write the run's statistics here as JSON when it ends.")
    Path statsJson;

    @Option(names = "--profile", paramLabel = "P.json", description = "Profile to play; default: the board's.")
    Path profilePath;

    @Option(names = "--source", paramLabel = "SPEC",
            description = "sine | pink | sweep | file:PATH | alsa:DEVICE; default: the board's stream.source.")
    String source;

    @Option(names = "--period", paramLabel = "N", description = "Frames per period, 32..1024; default: the board's.")
    Integer period;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (duration != null && !(duration > 0 && duration <= 7 * 24 * 3600)) {
            return fail("--duration = " + duration + " is outside (0, 604800] seconds");
        }
        BoardConfig board;
        try {
            board = BoardLoader.load(boardPath);
        } catch (NoSuchFileException e) {
            return fail("board " + boardPath + " does not exist");
        } catch (BoardConfigException e) {
            return fail(e.getMessage());
        }
        int periodFrames = period != null ? period : board.stream().periodFrames();
        if (periodFrames < AudioEngine.Context.MIN_PERIOD || periodFrames > AudioEngine.Context.MAX_PERIOD) {
            return fail("--period = " + periodFrames + " is outside " + AudioEngine.Context.MIN_PERIOD + ".."
                    + AudioEngine.Context.MAX_PERIOD);
        }
        Path profileFile = profilePath != null ? profilePath : boardRelative(board.profile());
        Profile profile;
        try {
            profile = ProfileParser.parse(profileFile);
        } catch (NoSuchFileException e) {
            return fail("profile " + profileFile + " does not exist");
        } catch (ProfileException e) {
            return fail("profile " + profileFile + " is not valid:\n" + e.getMessage());
        }
        List<String> misfit = BoardProfiles.problems(board, profile);
        if (!misfit.isEmpty()) {
            return fail("profile " + profileFile + " cannot play on board " + board.id() + ":\n  " + String.join("\n  ", misfit));
        }
        String sourceSpec = source != null ? source : board.stream().source();
        RatePlan rates = RatePlan.choose(board, profile, sourceSpec);
        board = rates.board();
        profile = rates.profile();
        ProcessingGraph graph = GraphCompiler.compile(profile, periodFrames);
        List<String> notes = rates.note() == null ? graph.notes()
                : Stream.concat(Stream.of(rates.note()), graph.notes().stream()).toList();
        Source programme;
        Sink sink;
        try {
            programme = Streams.source(sourceSpec, graph.inputs(), board, periodFrames);
        } catch (IllegalArgumentException | IOException e) {
            return fail(e.getMessage());
        }
        try {
            sink = Streams.sink(board, periodFrames);
        } catch (IOException e) {
            programme.close();
            return fail(e.getMessage());
        }
        String renice = board.stream().nice() != 0 ? RealtimeScheduling.reniceProcess(board.stream().nice()) : null;
        StreamControls controls = StreamControls.prepare(board, Pi4J::newAutoContext, err);
        AudioEngine engine = AudioEngine.create(new AudioEngine.Context().source(programme).sink(sink).graph(graph)
                .periodFrames(periodFrames).channelMap(BoardProfiles.channelMap(board, profile))
                .realtimePriority(board.stream().realtimePriority()).muted(controls.holdsOutput()));
        controls.attach(engine, profile.name());
        for (String note : notes) {
            err.println("note: " + note);
        }
        String sourceName = sourceSpec.startsWith("alsa:") ? sourceSpec : programme.toString();
        RunningStream stream = new RunningStream(engine, controls, board, profile, profileFile, sourceName,
                board.stream().sink(), renice, notes);
        return stream.run();
    }

    /** The running stream: waits, stops once (from the main thread or the shutdown hook), reports. */
    private final class RunningStream {

        private final AudioEngine engine;
        private final StreamControls controls;
        private final BoardConfig board;
        private final Profile profile;
        private final Path profileFile;
        private final String sourceName;
        private final String sinkName;
        private final String renice;
        private final List<String> notes;
        private long allocatedAtStart;
        private GcPauses gc;
        private Integer exit;

        RunningStream(AudioEngine engine, StreamControls controls, BoardConfig board, Profile profile, Path profileFile,
                String sourceName, String sinkName, String renice, List<String> notes) {
            this.engine = engine;
            this.controls = controls;
            this.board = board;
            this.profile = profile;
            this.profileFile = profileFile;
            this.sourceName = sourceName;
            this.sinkName = sinkName;
            this.renice = renice;
            this.notes = notes;
        }

        int run() throws Exception {
            Thread hook = new Thread(this::finishQuietly, "cabintune-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            engine.start();
            controls.streamStarted();
            allocatedAtStart = engine.stats().audioThreadAllocatedBytes();
            gc = GcPauses.start();
            String note = note();
            if (note != null) {
                err.println("warning: " + note + "; running without real-time scheduling");
            }
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + (long) (duration * 1e9);
            while (System.nanoTime() < end && engine.stats().failure() == null) {
                Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
            }
            int code = finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook has run or is running; finish() reports once either way.
            }
            return code;
        }

        private void finishQuietly() {
            try {
                finish();
            } catch (Exception e) {
                err.println("cabintune-hu run: " + e.getMessage());
            }
        }

        /** Speaker-safe stop, stats, summary; once, whoever calls first. */
        synchronized int finish() throws Exception {
            if (exit != null) {
                return exit;
            }
            controls.beforeStop(engine.stats().failure());
            boolean stopped = engine.stop();
            controls.close();
            EngineStats stats = engine.stats();
            long pauses = -1;
            double pauseMax = Double.NaN;
            if (gc != null) {
                gc.stop();
                pauses = gc.count();
                pauseMax = gc.maxMillis();
                gc.close();
            }
            long allocated = stats.audioThreadAllocatedBytes() < 0 ? -1 : stats.audioThreadAllocatedBytes() - allocatedAtStart;
            RunStats report = new RunStats(board.id(), profile.name(), profileFile.toString(), sourceName, sinkName,
                    stats, allocated, note(), notes, pauses, pauseMax);
            if (statsJson != null) {
                report.write(statsJson);
            }
            out.println(report.summary());
            if (!stopped) {
                err.println("cabintune-hu run: the audio thread did not stop within its time; the device was left open");
            }
            exit = stats.failure() == null && stopped ? 0 : 1;
            return exit;
        }

        private String note() {
            String n = engine.schedulingNote();
            return n == null ? renice : renice == null ? n : n + "; " + renice;
        }
    }

    /**
     * A path from a board file: as given when it exists from here, otherwise from the
     * repository root the board file sits in ({@code board-configs/..}), otherwise from the
     * installed data directory ({@code -Dcabintune.home}, set by the Debian package's launcher).
     */
    private Path boardRelative(String path) {
        Path p = Path.of(path);
        if (p.isAbsolute() || Files.exists(p)) {
            return p;
        }
        Path root = boardPath.toAbsolutePath().getParent().getParent();
        String home = System.getProperty("cabintune.home");
        if (home != null && (root == null || !Files.exists(root.resolve(p)))) {
            return Path.of(home).resolve(p).normalize();
        }
        return root == null ? p : root.resolve(p).normalize();
    }

    private int fail(String message) {
        err.println("cabintune-hu run: " + message);
        return 1;
    }
}
