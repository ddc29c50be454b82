package org.cabintune.hu.run;

import com.pi4j.Pi4J;
import org.cabintune.dsp.audiofile.AudioFiles;
import org.cabintune.dsp.gain.GainParams;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.loudness.ProgrammeLoudness;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.wav.AudioReader;
import org.cabintune.hu.audition.MediaLibrary;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardConfigException;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.hu.controls.EngineActions;
import org.cabintune.hu.controls.ProfileSelector;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.RealtimeScheduling;
import org.cabintune.hu.engine.Sink;
import org.cabintune.hu.engine.Source;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.meters.MeterTap;
import org.cabintune.hu.meters.Meters;
import org.cabintune.hu.meters.TappedSink;
import org.cabintune.hu.meters.TappedSource;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.hu.store.NightProfiles;
import org.cabintune.hu.store.ProfileService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code cabintune-hu run}: the head unit's stream. Checks the options, loads the board,
 * compiles the profile and assembles the stream (source, sink, meters, controls, profile
 * service, the real-time engine); {@link RunningStream} then runs it until the duration is
 * over or SIGINT/SIGTERM arrives (a shutdown hook makes the stop speaker-safe), writes the
 * stats and prints a one-line summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the head unit's real-time chain on a board until the duration is over or it is interrupted.",
                "Stops speaker-safe on SIGINT/SIGTERM: ramp to silence, then stop the device."},
        footer = {"", "Examples:",
                "  cabintune-hu run --board board-configs/simulator.yaml --duration 10 --stats-json stats.json",
                "  cabintune-hu run --board board-configs/rpi4-hifiberry-dacplus.yaml --source file:music.wav",
                "  cabintune-hu run --board board-configs/simulator.yaml --sink wav:out.wav --mqtt embedded ...",
                "  cabintune-hu run --board board-configs/simulator.yaml --profiles DIR --web 127.0.0.1:8080", ""})
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
            description = "silence | sine | pink | sweep | file:PATH | alsa:DEVICE; default: the board's stream.source.")
    String source;

    @Option(names = "--sink", paramLabel = "SPEC",
            description = {"null | wav:FILE | alsa: where the output goes, instead of the board's stream.sink. null: a"
                    + " null device paced at real time; wav:FILE: a paced recording of what the DAC gets, in the board's"
                    + " format (readable while it grows); alsa: the board's device."})
    String sinkSpec;

    @Option(names = "--period", paramLabel = "N", description = "Frames per period, 32..1024; default: the board's.")
    Integer period;

    @Option(names = "--profiles", paramLabel = "DIR",
            description = {"Profile store: play its active profile; --profile is stored there and selected;"
                    + " an empty store gets the board's profile. Default: the board's profileStore, if any."})
    Path profilesDir;

    @Option(names = "--media", paramLabel = "DIR",
            description = {"Masters to audition over the link (WAV and FLAC files in DIR and its folders):"
                    + " play, A/B between profiles loudness-matched, platform preview (docs/audition.md)."})
    Path mediaDir;

    @Option(names = "--meters-json", paramLabel = "F", description = "Write the meters' last snapshot here as JSON when the run ends.")
    Path metersJson;

    @Mixin
    LinkOptions linkOptions = new LinkOptions();

    @Mixin
    WebOptions webOptions = new WebOptions();

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
        MediaLibrary media = null;
        if (mediaDir != null) {
            if (!linkOptions.wanted(board)) {
                return fail("--media " + mediaDir + " needs the link (--mqtt or --serial, or the board's link): masters"
                        + " are auditioned over it");
            }
            try {
                media = MediaLibrary.open(mediaDir);
            } catch (IOException e) {
                return fail(e.getMessage());
            }
        }
        if (sinkSpec != null) {
            try {
                board = Streams.withSink(board, sinkSpec);
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
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
        String sourceSpec = source != null ? source : board.stream().source();
        RatePlan rates = RatePlan.choose(board, start.profile(), sourceSpec);
        BoardGraph boardGraph = start.graph();
        ProgrammeLoudness loudness = staticProgramme(rates.profile(), sourceSpec);
        if (rates.board() != board || loudness != null) {
            board = rates.board();
            try {
                boardGraph = BoardGraph.compile(board, start.night() ? NightProfiles.forNight(rates.profile())
                        : rates.profile(), periodFrames, loudness);
            } catch (ProfileException e) {
                start.close();
                return fail("profile " + start.path() + " cannot play at " + board.stream().sampleRate() + " Hz:\n  "
                        + String.join("\n  ", e.problems()));
            }
        }
        ProcessingGraph graph = boardGraph.graph();
        List<String> notes = rates.note() == null ? graph.notes()
                : Stream.concat(Stream.of(rates.note()), graph.notes().stream()).toList();
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
        StreamControls controls = StreamControls.prepare(board, Pi4J::newAutoContext, err);
        // Always switchable, so the link can put a test signal in the programme's place mid-stream.
        SwitchableSource switchable = new SwitchableSource(programme,
                (int) Math.round(GainParams.DEFAULT_RAMP_MS * board.stream().sampleRate() / 1000), periodFrames);
        AudioEngine engine = AudioEngine.create(new AudioEngine.Context().source(new TappedSource(switchable, tap))
                .sink(new TappedSink(sink, tap)).graph(graph)
                .periodFrames(periodFrames).channelMap(boardGraph.channelMap())
                .realtimePriority(board.stream().realtimePriority()).muted(controls.holdsOutput())
                .volumeDb(start.night() ? HeadUnitRemote.NIGHT_MAX_VOLUME_DB : EngineActions.MAX_VOLUME_DB));
        for (String note : notes) {
            err.println("note: " + note);
        }
        ProfileService service = start.store() == null ? null
                : new ProfileService(start.store(), board, engine, periodFrames, start.profile().name(), start.night());
        Supplier<String> playing = service == null ? () -> start.profile().name() : service::playing;
        controls.attach(engine, profileSelector(service, playing));
        if (start.night() && !controls.output(engine).setVolumeCeilingDb(HeadUnitRemote.NIGHT_MAX_VOLUME_DB)) {
            err.println("controls: night mode's volume ceiling could not be set; the knob may go above "
                    + HeadUnitRemote.NIGHT_MAX_VOLUME_DB + " dB until night mode is set again");
        }
        Meters meters = new Meters(tap, engine::stats, playing, sourceName, board.outputs());
        RunningStream stream = new RunningStream(new RunningStream.Assembly(engine, switchable, controls, board, start,
                service, playing, meters, sourceName, renice, notes), new RunningStream.Options(duration, statsJson,
                metersJson, linkOptions, webOptions, media, out, err));
        return stream.run();
    }

    /**
     * For a profile with static normalisation playing a file: the file's loudness, measured
     * before the stream starts, so the one gain fits this track. Null otherwise, and when the
     * file cannot be read (the player reports that).
     */
    private ProgrammeLoudness staticProgramme(Profile profile, String sourceSpec) {
        if (!sourceSpec.startsWith("file:")
                || !profile.bus().normalize().map(n -> n.mode().isStatic()).orElse(false)) {
            return null;
        }
        Path file = Path.of(sourceSpec.substring("file:".length()));
        try (FileChannel in = FileChannel.open(file); AudioReader reader = AudioFiles.open(in)) {
            ProgrammeLoudness programme = ProgrammeLoudness.measure(reader);
            err.printf(Locale.ROOT, "note: static normalisation: %s measured %.1f LUFS, %.1f dBTP%n", file,
                    programme.integratedLufs(), programme.truePeakDbtp());
            return programme;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What the profile buttons do: step through the store, or say there is nothing to step to. */
    private ProfileSelector profileSelector(ProfileService service, Supplier<String> playing) {
        if (service == null) {
            return delta -> err.println("controls: profile " + (delta > 0 ? "next" : "previous") + ": " + playing.get()
                    + " is the only profile loaded (no --profiles store)");
        }
        return delta -> (delta > 0 ? service.next() : service.previous()).thenAccept(result -> {
            for (String message : result.messages()) {
                err.println("profiles: " + message);
            }
        });
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
