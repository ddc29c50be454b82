package org.cabintune.hu.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.cabintune.hu.audition.Audition;
import org.cabintune.hu.audition.MediaLibrary;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.controls.OutputControl;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.EngineStats;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.meters.Meters;
import org.cabintune.hu.remote.UnitLink;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.hu.web.DriverPage;

/**
 * The stream of {@code cabintune-hu run} from its start to its report: starts the engine and
 * what serves beside it (the control link, the driver's page), waits until the duration is over,
 * the engine fails or the process is told to stop, stops once, speaker-safe, whoever asks first
 * (the main thread or the shutdown hook that SIGINT and SIGTERM run), and reports: the stats and
 * meters JSON and the one-line summary.
 */
final class RunningStream {

    /**
     * What {@code run} assembled for the stream.
     *
     * @param engine     the engine, not yet started
     * @param source     its source: the programme, or a test signal or master the link asks for
     * @param controls   the board's physical controls (or none)
     * @param service    the profile store's service, or null when the unit plays one profile file
     * @param playing    the name of the profile playing
     * @param sourceName the programme's name for the report
     * @param renice     what renicing the process said, or null
     * @param notes      the rate decision and the compiler's notes
     */
    record Assembly(AudioEngine engine, SwitchableSource source, StreamControls controls, BoardConfig board,
                    StartingProfile start, ProfileService service, Supplier<String> playing, Meters meters,
                    String sourceName, String renice, List<String> notes) {
    }

    /**
     * What the options of {@code run} ask of the stream.
     *
     * @param duration   seconds to run, or null for until stopped
     * @param statsJson  where the stats go, or null
     * @param metersJson where the meters' last snapshot goes, or null
     * @param media      the masters to audition over the link, or null
     */
    record Options(Double duration, Path statsJson, Path metersJson, LinkOptions link, WebOptions web,
                   MediaLibrary media, PrintStream out, PrintStream err) {
    }

    private final Assembly unit;
    private final Options options;
    private final PrintStream err;
    private long allocatedAtStart;
    private GcPauses gc;
    private Integer exit;
    private UnitLink link;
    private DriverPage page;

    RunningStream(Assembly unit, Options options) {
        this.unit = unit;
        this.options = options;
        this.err = options.err();
    }

    /** Runs the stream to its end; the exit code: 0 when it ran and stopped cleanly. */
    int run() throws Exception {
        AudioEngine engine = unit.engine();
        Thread hook = new Thread(this::finishQuietly, "cabintune-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        engine.start();
        unit.controls().streamStarted();
        link = startLink();
        page = startPage();
        allocatedAtStart = engine.stats().audioThreadAllocatedBytes();
        gc = GcPauses.start();
        String note = note();
        if (note != null) {
            err.println("warning: " + note + "; running without real-time scheduling");
        }
        Double duration = options.duration();
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + (long) (duration * 1e9);
        boolean interrupted = false;
        while (System.nanoTime() < end && engine.stats().failure() == null) {
            try {
                Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                // Stopped by whoever runs it in its own process (a demo, a test): stop as on SIGTERM.
                interrupted = true;
                break;
            }
        }
        int code = finish();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook has run or is running; finish() reports once either way.
        }
        return code;
    }

    /** The control link when one is asked for, or null; its failures are logged, never stop the audio. */
    private UnitLink startLink() throws IOException {
        BoardConfig board = unit.board();
        AudioEngine engine = unit.engine();
        if (!options.link().wanted(board)) {
            return null;
        }
        OutputControl output = unit.controls().output(engine);
        ProfileService service = unit.service();
        Audition audition = options.media() == null ? null : new Audition(options.media(), engine, unit.source(),
                board, engine.context().periodFrames(), output::volumeDb, service,
                service == null ? unit.start().profile() : null);
        try {
            UnitLink started = options.link().start(board, engine, output, service, unit.meters(), unit.playing(),
                    unit.source(), storeDir(), audition, err);
            unit.controls().onPairing(started::openPairing);
            return started;
        } catch (LinkOptions.Refused e) {
            err.println("link: " + e.getMessage() + "; running without the link");
            if (audition != null) {
                audition.close();
            }
            return null;
        }
    }

    /** The driver's page when one is asked for, or null; like the link's, its failures never stop the audio. */
    private DriverPage startPage() {
        BoardConfig board = unit.board();
        AudioEngine engine = unit.engine();
        return options.web().start(board, link, () -> options.link().unit(board, engine,
                unit.controls().output(engine), unit.service(), unit.meters(), unit.playing(), unit.source(), null),
                options.link().trustStore(storeDir()), err);
    }

    /** The profile store's directory, or null when the unit plays one profile file. */
    private Path storeDir() {
        return unit.start().store() == null ? null : unit.start().store().directory();
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
        AudioEngine engine = unit.engine();
        StreamControls controls = unit.controls();
        ProfileService service = unit.service();
        StartingProfile start = unit.start();
        Supplier<String> playing = unit.playing();
        controls.beforeStop(engine.stats().failure());
        if (page != null) {
            page.close();
        }
        if (link != null) {
            link.close();
        }
        if (service != null) {
            service.close();
        }
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
        String profilePath = service == null || playing.get().equals(start.profile().name()) ? start.path()
                : start.store().fileOf(playing.get()).toString();
        RunStats report = new RunStats(unit.board().id(), playing.get(), profilePath, unit.sourceName(),
                unit.board().stream().sink(), stats, allocated, note(), unit.notes(), pauses, pauseMax);
        if (options.statsJson() != null) {
            report.write(options.statsJson());
        }
        if (options.metersJson() != null) {
            JsonFiles.write(options.metersJson(), unit.meters().snapshot().toJson());
        }
        start.close();
        options.out().println(report.summary());
        if (!stopped) {
            err.println("cabintune-hu run: the audio thread did not stop within its time; the device was left open");
        }
        exit = stats.failure() == null && stopped ? 0 : 1;
        return exit;
    }

    private String note() {
        String n = unit.engine().schedulingNote();
        String renice = unit.renice();
        return n == null ? renice : renice == null ? n : n + "; " + renice;
    }
}
