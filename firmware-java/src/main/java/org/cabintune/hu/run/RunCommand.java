package org.cabintune.hu.run;

import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardConfigException;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.board.BoardLoader;
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
        BoardGraph compiled;
        try {
            compiled = BoardGraph.compile(board, profile, periodFrames);
        } catch (ProfileException e) {
            return fail("profile " + profileFile + " cannot play on board " + board.id() + ":\n  "
                    + String.join("\n  ", e.problems()));
        }
        ProcessingGraph graph = compiled.graph();
        String sourceSpec = source != null ? source : board.stream().source();
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
        AudioEngine engine = AudioEngine.create(new AudioEngine.Context().source(programme).sink(sink).graph(graph)
                .periodFrames(periodFrames).channelMap(compiled.channelMap())
                .realtimePriority(board.stream().realtimePriority()));
        for (String note : graph.notes()) {
            err.println("note: " + note);
        }
        String sourceName = sourceSpec.startsWith("alsa:") ? sourceSpec : programme.toString();
        RunningStream stream = new RunningStream(engine, board, profile, profileFile, sourceName, board.stream().sink(),
                renice, graph.notes());
        return stream.run();
    }

    /** The running stream: waits, stops once (from the main thread or the shutdown hook), reports. */
    private final class RunningStream {

        private final AudioEngine engine;
        private final BoardConfig board;
        private final Profile profile;
        private final Path profileFile;
        private final String sourceName;
        private final String sinkName;
        private final String renice;
        private final List<String> notes;
        private long allocatedAtStart;
        private Integer exit;

        RunningStream(AudioEngine engine, BoardConfig board, Profile profile, Path profileFile, String sourceName,
                String sinkName, String renice, List<String> notes) {
            this.engine = engine;
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
            allocatedAtStart = engine.stats().audioThreadAllocatedBytes();
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
            boolean stopped = engine.stop();
            EngineStats stats = engine.stats();
            long allocated = stats.audioThreadAllocatedBytes() < 0 ? -1 : stats.audioThreadAllocatedBytes() - allocatedAtStart;
            RunStats report = new RunStats(board.id(), profile.name(), profileFile.toString(), sourceName, sinkName,
                    stats, allocated, note(), notes);
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
     * repository root the board file sits in ({@code board-configs/..}).
     */
    private Path boardRelative(String path) {
        Path p = Path.of(path);
        if (p.isAbsolute() || Files.exists(p)) {
            return p;
        }
        Path root = boardPath.toAbsolutePath().getParent().getParent();
        return root == null ? p : root.resolve(p).normalize();
    }

    private int fail(String message) {
        err.println("cabintune-hu run: " + message);
        return 1;
    }
}
