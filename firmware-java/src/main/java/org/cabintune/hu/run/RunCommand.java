package org.cabintune.hu.run;

import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardConfigException;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.EngineStats;
import org.cabintune.hu.engine.RealtimeScheduling;
import org.cabintune.hu.engine.Sink;
import org.cabintune.hu.engine.Source;
import org.cabintune.hu.meters.MeterTap;
import org.cabintune.hu.meters.Meters;
import org.cabintune.hu.meters.TappedSink;
import org.cabintune.hu.meters.TappedSource;
import org.cabintune.hu.store.ProfileService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

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

    @Option(names = "--profiles", paramLabel = "DIR",
            description = {"Profile store: play its active profile; --profile is stored there and selected;"
                    + " an empty store gets the board's profile. Default: the board's profileStore, if any."})
    Path profilesDir;

    @Option(names = "--meters-json", paramLabel = "F", description = "Write the meters' last snapshot here as JSON when the run ends.")
    Path metersJson;

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
        StartingProfile start;
        try {
            Path storeDir = profilesDir != null ? profilesDir
                    : board.profileStore() != null ? boardRelative(board.profileStore()) : null;
            start = storeDir == null
                    ? StartingProfile.fromFile(profilePath != null ? profilePath : boardRelative(board.profile()), board,
                            periodFrames)
                    : StartingProfile.fromStore(storeDir, profilePath, boardRelative(board.profile()), board, periodFrames);
        } catch (StartingProfile.Refused e) {
            return fail(e.getMessage());
        }
        for (String line : start.report()) {
            err.println("profiles: " + line);
        }
        ProcessingGraph graph = start.graph().graph();
        String sourceSpec = source != null ? source : board.stream().source();
        Source programme;
        Sink sink;
        try {
            programme = Streams.source(sourceSpec, graph.inputs(), board, periodFrames);
        } catch (IllegalArgumentException | IOException e) {
            start.close();
            return fail(e.getMessage());
        }
        try {
            sink = Streams.sink(board, periodFrames);
        } catch (IOException e) {
            programme.close();
            start.close();
            return fail(e.getMessage());
        }
        String sourceName = sourceSpec.startsWith("alsa:") ? sourceSpec : programme.toString();
        MeterTap tap = new MeterTap(board.stream().sampleRate(), graph.inputs(), sink.channels(), periodFrames);
        String renice = board.stream().nice() != 0 ? RealtimeScheduling.reniceProcess(board.stream().nice()) : null;
        AudioEngine engine = AudioEngine.create(new AudioEngine.Context().source(new TappedSource(programme, tap))
                .sink(new TappedSink(sink, tap)).graph(graph)
                .periodFrames(periodFrames).channelMap(start.graph().channelMap())
                .realtimePriority(board.stream().realtimePriority()));
        for (String note : graph.notes()) {
            err.println("note: " + note);
        }
        ProfileService service = start.store() == null ? null
                : new ProfileService(start.store(), board, engine, periodFrames, start.profile().name());
        Supplier<String> playing = service == null ? () -> start.profile().name() : service::playing;
        Meters meters = new Meters(tap, engine::stats, playing, sourceName, board.outputs());
        RunningStream stream = new RunningStream(engine, board, start, playing, meters, service, sourceName,
                board.stream().sink(), renice, graph.notes());
        return stream.run();
    }

    /** The running stream: waits, stops once (from the main thread or the shutdown hook), reports. */
    private final class RunningStream {

        private final AudioEngine engine;
        private final BoardConfig board;
        private final StartingProfile start;
        private final Supplier<String> playing;
        private final Meters meters;
        private final ProfileService service;
        private final String sourceName;
        private final String sinkName;
        private final String renice;
        private final List<String> notes;
        private long allocatedAtStart;
        private Integer exit;

        RunningStream(AudioEngine engine, BoardConfig board, StartingProfile start, Supplier<String> playing,
                Meters meters, ProfileService service, String sourceName, String sinkName, String renice,
                List<String> notes) {
            this.engine = engine;
            this.board = board;
            this.start = start;
            this.playing = playing;
            this.meters = meters;
            this.service = service;
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
            if (service != null) {
                service.close();
            }
            boolean stopped = engine.stop();
            EngineStats stats = engine.stats();
            long allocated = stats.audioThreadAllocatedBytes() < 0 ? -1 : stats.audioThreadAllocatedBytes() - allocatedAtStart;
            String profilePath = service == null || playing.get().equals(start.profile().name()) ? start.path()
                    : start.store().fileOf(playing.get()).toString();
            RunStats report = new RunStats(board.id(), playing.get(), profilePath, sourceName, sinkName,
                    stats, allocated, note(), notes);
            if (statsJson != null) {
                report.write(statsJson);
            }
            if (metersJson != null) {
                JsonFiles.write(metersJson, meters.snapshot().toJson());
            }
            start.close();
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
