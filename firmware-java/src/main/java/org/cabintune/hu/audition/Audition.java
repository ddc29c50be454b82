package org.cabintune.hu.audition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.Control;
import org.cabintune.hu.engine.RealtimeScheduling;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.engine.WavFileSource;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.Reply;

/**
 * The audition of masters on the head unit (docs/audition.md): a master from the media
 * directory plays in the programme's place; it is paused, resumed, sought and looped through
 * the engine's control queue; it is A/B'd between two profiles (or a profile and its bypass),
 * loudness-matched; it is previewed as a streaming platform would play it.
 *
 * <p><b>The chain.</b> With neither an A/B nor a preview the master plays through whatever the
 * profile service plays. An A/B or a preview plays graphs of the audition's own: the service is
 * {@linkplain ProfileService#hold held} (what it is asked meanwhile is recorded and plays when
 * the audition lets go), and each graph is compiled here, off the audio thread, and cross-faded
 * in by the engine's graph switcher, so a switch never clicks. Every graph is the board's
 * compile of the side's profile with the master's loudness for static normalisation, the
 * platform's gain on the bus gain stage, and the side's trim on every output.
 *
 * <p><b>Matching</b> runs on a thread of its own ({@link LoudnessMatch}); until it is done a new
 * A/B does not start playing and switching is refused, so whenever the two sides can be
 * compared they are at the same loudness. A change of master or preview during an A/B matches
 * again, the playing side going on meanwhile with the trims it had.
 *
 * <p>Every request is checked in full before anything changes: a refusal leaves the master,
 * its position and the chain as they were. Requests come one at a time from the link's
 * dispatcher; the matcher's result is taken under the same lock.
 */
public final class Audition implements AutoCloseable {

    /**
     * The matcher thread's nice value: its renders give way to everything else the unit does (on a
     * unit without real-time scheduling, to the audio thread above all).
     */
    static final int MATCHER_NICE = 10;

    /**
     * One side of an A/B as the unit plays it.
     *
     * @param side    how the request named it
     * @param profile the stored profile
     */
    public record AbSide(Command.Side side, Profile profile) {
    }

    /** An A/B: its sides, which plays, and its matching. */
    private static final class Ab {
        final AbSide a;
        final AbSide b;
        final boolean match;
        Command.Choice active = Command.Choice.A;
        Reply.Matching matching;
        LoudnessMatch.Result result;

        Ab(AbSide a, AbSide b, boolean match) {
            this.a = a;
            this.b = b;
            this.match = match;
            this.matching = match ? Reply.Matching.MATCHING : Reply.Matching.OFF;
        }

        AbSide side(Command.Choice choice) {
            return choice == Command.Choice.A ? a : b;
        }

        double trimDb(Command.Choice choice) {
            return result == null ? 0 : choice == Command.Choice.A ? result.aTrimDb() : result.bTrimDb();
        }
    }

    private final MediaLibrary library;
    private final AudioEngine engine;
    private final SwitchableSource source;
    private final int period;
    private final DoubleSupplier volumeDb;
    private final AuditionChain chain;
    private final ExecutorService matcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            // Where the system refuses, the renders simply run at the usual weight.
            RealtimeScheduling.niceCurrentThread(MATCHER_NICE);
            r.run();
        }, "cabintune-audition");
        t.setDaemon(true);
        return t;
    });

    private Master master;
    private WavFileSource player;
    private boolean paused;
    private Command.Region loop;
    private Platform platform;
    private Ab ab;
    /** Counts changes that make a running match stale. */
    private int generation;
    private volatile double progress;

    /**
     * @param library  the masters, or null when the unit has no media directory (requests are refused)
     * @param engine   the running engine
     * @param source   its switchable source, where the master plays
     * @param board    the board
     * @param period   the engine's period, frames
     * @param volumeDb the volume now, for profiles with loudness compensation
     * @param service  the profile store's service, or null when the unit plays one profile
     * @param fallback the profile the unit plays without a store (null with one)
     */
    public Audition(MediaLibrary library, AudioEngine engine, SwitchableSource source, BoardConfig board, int period,
                    DoubleSupplier volumeDb, ProfileService service, Profile fallback) {
        this.library = library;
        this.engine = engine;
        this.source = source;
        this.period = period;
        this.volumeDb = volumeDb;
        this.chain = new AuditionChain(engine, board, period, service, fallback);
    }

    /** The masters in the media directory. */
    public synchronized Reply.Media list() throws PortException {
        try {
            return library().list();
        } catch (IOException e) {
            throw new PortException(ErrorCode.INTERNAL, "list-media: the media directory could not be read: "
                    + e.getMessage());
        }
    }

    /** Loads a master and plays it in the programme's place, from its start or a given point, looped or not. */
    public synchronized void play(Command.PlayMedia request) throws PortException {
        Path file = library().resolve(request.file(), "body.file");
        Master next;
        try {
            next = Master.load(file, request.file());
        } catch (IOException e) {
            throw new PortException(ErrorCode.REFUSED, "body.file = " + FieldPath.quote(request.file())
                    + " cannot be played: " + e.getMessage());
        }
        int inputs = engine.context().graph().inputs();
        if (next.audio().channels() != inputs) {
            throw new PortException(ErrorCode.REFUSED, "body.file = " + FieldPath.quote(request.file()) + " has "
                    + next.audio().channels() + " channel(s); the stream plays " + inputs + " input(s)");
        }
        long start = within(next, request.startSeconds(), "body.startSeconds", false);
        if (request.loop() != null) {
            within(next, request.loop().endSeconds(), "body.loop.endSeconds", true);
        }
        WavFileSource nextPlayer;
        try {
            nextPlayer = next.player(engine.context().sampleRate());
        } catch (IllegalArgumentException e) {
            throw new PortException(ErrorCode.REFUSED, "body.file: " + e.getMessage());
        }
        ProcessingGraph graph = wanted(next, platform, true);
        // The player is not yet shared: its start and loop are set on this thread before it plays.
        if (request.loop() != null) {
            nextPlayer.control(Control.LOOP, next.frames(request.loop().startSeconds()),
                    next.frames(request.loop().endSeconds()));
        }
        if (start > 0) {
            nextPlayer.control(Control.SEEK, start, 0);
        }
        boolean rematch = ab != null && ab.match;
        master = next;
        player = nextPlayer;
        paused = false;
        loop = request.loop();
        if (rematch) {
            ab.matching = Reply.Matching.MATCHING;
        }
        take(graph);
        awaitSource(() -> source.play(nextPlayer), () -> source.plays(nextPlayer), "the master");
        if (rematch) {
            startMatching();
        }
    }

    /** Pause, resume, seek, loop, stop looping, or stop. */
    public synchronized void transport(Command.MediaTransport request) throws PortException {
        Master m = playing(request.action().word());
        switch (request.action()) {
            case PAUSE -> {
                queued(engine.pause());
                paused = true;
            }
            case RESUME -> {
                queued(engine.play());
                paused = false;
            }
            case SEEK -> queued(engine.seek(within(m, request.seconds(), "body.seconds", false)));
            case LOOP -> {
                within(m, request.loop().endSeconds(), "body.loop.endSeconds", true);
                queued(engine.loop(m.frames(request.loop().startSeconds()), m.frames(request.loop().endSeconds())));
                loop = request.loop();
            }
            case LOOP_OFF -> {
                queued(engine.loopOff());
                loop = null;
            }
            case STOP -> stop();
        }
    }

    /**
     * Sets up an A/B of the master playing. Both sides are compiled first (a side that does not
     * play on the board is refused); with matching the A/B starts once both are measured.
     */
    public synchronized void ab(AbSide a, AbSide b, boolean matchLoudness) throws PortException {
        Master m = playing("audition-ab");
        double gain = previewGainDb(m, platform);
        chain.side(a, m, gain, 0, "body.a.profileId");
        chain.side(b, m, gain, 0, "body.b.profileId");
        generation++;
        ab = new Ab(a, b, matchLoudness);
        if (matchLoudness) {
            startMatching();
        } else {
            take(wanted(m, platform, true));
        }
    }

    /** Plays side A or B, cross-faded; {@link Command.Choice#OFF} ends the A/B. */
    public synchronized void switchTo(Command.Choice side) throws PortException {
        if (side == Command.Choice.OFF) {
            if (ab != null) {
                generation++;
                ProcessingGraph graph = master == null ? null : wanted(master, platform, false);
                ab = null;
                take(graph);
            }
            return;
        }
        if (ab == null) {
            throw new PortException(ErrorCode.REFUSED, "body.side = \"" + side.word()
                    + "\": no A/B is set up; send audition-ab first");
        }
        if (ab.matching == Reply.Matching.MATCHING) {
            throw new PortException(ErrorCode.REFUSED, String.format(Locale.ROOT, "body.side = \"%s\": the loudness"
                    + " of the sides is being matched (%.0f %% done); switch once it is ready", side.word(),
                    100 * progress));
        }
        Command.Choice before = ab.active;
        ab.active = side;
        try {
            take(wanted(master, platform, true));
        } catch (PortException e) {
            ab.active = before;
            throw e;
        }
    }

    /** Previews {@code next}'s normalisation (its gain in front of the chain), or with null stops. */
    public synchronized void preview(Platform next) throws PortException {
        Master m = playing("audition-preview");
        if (next != null && m.silent()) {
            throw new PortException(ErrorCode.REFUSED, "body.platform = \"" + next.id() + "\": " + m.name()
                    + " is silent, so no platform gives it a gain");
        }
        ProcessingGraph graph = wanted(m, next, true);
        platform = next;
        boolean rematch = ab != null && ab.match;
        if (rematch) {
            generation++;
            ab.matching = Reply.Matching.MATCHING;
        }
        take(graph);
        if (rematch) {
            startMatching();
        }
    }

    /** Ends the audition: the programme comes back, the A/B and preview end, the chain is the service's again. */
    public synchronized void stop() throws PortException {
        if (master == null) {
            return;
        }
        generation++;
        awaitSource(source::stop, source::programmePlays, "the programme");
        master = null;
        player = null;
        loop = null;
        platform = null;
        ab = null;
        take(null);
    }

    /** True while a master is loaded. */
    public synchronized boolean active() {
        return master != null;
    }

    /** What plays, for the link's {@code audition} reply. */
    public synchronized Reply.Audition state() {
        if (master == null) {
            return new Reply.Audition(null, Reply.Playback.STOPPED, 0, 0, null, null, null, null, null);
        }
        long length = master.audio().frames();
        long position = Math.min(player.position(), length);
        Reply.Playback playback = paused ? Reply.Playback.PAUSED
                : loop == null && position >= length ? Reply.Playback.ENDED : Reply.Playback.PLAYING;
        Reply.AbState abState = null;
        if (ab != null) {
            LoudnessMatch.Result r = ab.result;
            abState = new Reply.AbState(ab.a.side(), ab.b.side(), ab.active, ab.match, ab.matching,
                    ab.matching == Reply.Matching.MATCHING ? Math.min(1, progress) : 1,
                    r == null ? null : level(r.aLufs()), r == null ? null : level(r.bLufs()),
                    ab.trimDb(Command.Choice.A), ab.trimDb(Command.Choice.B), r == null ? null : r.failure());
        }
        Reply.PreviewState previewState = null;
        if (platform != null) {
            Platform.Preview p = master.preview(platform);
            previewState = new Reply.PreviewState(platform, p == null ? 0 : p.gainDb(), p != null && p.limiter());
        }
        return new Reply.Audition(master.name(), playback, master.seconds(position), master.seconds(length), loop,
                level(master.loudness().integratedLufs()), level(master.loudness().truePeakDbtp()), abState,
                previewState);
    }

    @Override
    public void close() {
        matcher.shutdownNow();
    }

    /** Measures both sides on the matcher's thread; the result is taken if nothing changed meanwhile. */
    private void startMatching() {
        int started = ++generation;
        progress = 0;
        Ab setup = ab;
        Master m = master;
        double gain = previewGainDb(m, platform);
        double volume = volumeDb.getAsDouble();
        int rate = engine.context().sampleRate();
        matcher.execute(() -> {
            LoudnessMatch.Result result;
            try {
                result = LoudnessMatch.match(trim -> chain.side(setup.a, m, gain, trim),
                        trim -> chain.side(setup.b, m, gain, trim),
                        (graph, told) -> ChainLoudness.measure(m, graph, rate, period, volume, told).integratedLufs(),
                        f -> progress = f);
            } catch (ProfileException | RuntimeException e) {
                result = new LoudnessMatch.Result(Double.NaN, Double.NaN, 0, 0, "the match failed: " + e.getMessage());
            }
            matched(started, result);
        });
    }

    private synchronized void matched(int started, LoudnessMatch.Result result) {
        if (started != generation || ab == null) {
            return;
        }
        ab.result = result;
        ab.matching = result.failure() == null ? Reply.Matching.MATCHED : Reply.Matching.FAILED;
        try {
            take(wanted(master, platform, true));
        } catch (PortException e) {
            ab.matching = Reply.Matching.FAILED;
            ab.result = new LoudnessMatch.Result(result.aLufs(), result.bLufs(), 0, 0, e.getMessage());
        }
    }

    /**
     * The graph the audition wants for {@code m} with {@code preview}: the A/B's side playing
     * (when {@code withAb} and one is set up and ready or matched before), or the service's
     * profile with the preview; null when the service's own graph should play, or, for an A/B
     * still being matched for the first time, when what plays should go on.
     */
    private ProcessingGraph wanted(Master m, Platform preview, boolean withAb) throws PortException {
        double gain = previewGainDb(m, preview);
        if (withAb && ab != null) {
            if (ab.matching == Reply.Matching.MATCHING && ab.result == null) {
                return null;
            }
            return chain.side(ab.side(ab.active), m, gain, ab.trimDb(ab.active), "body");
        }
        return preview == null ? null : chain.normal(m, gain);
    }

    /**
     * Plays {@code graph} (the audition holds the chain), or with null gives the chain back; but
     * while a new A/B is matched for the first time, what plays goes on.
     */
    private void take(ProcessingGraph graph) throws PortException {
        if (graph != null) {
            chain.play(graph);
        } else if (ab == null || ab.matching != Reply.Matching.MATCHING || ab.result != null) {
            chain.giveBack();
        }
    }

    /** The platform's gain for the master, dB; 0 without a platform or for a silent master. */
    private static double previewGainDb(Master m, Platform preview) {
        Platform.Preview p = preview == null ? null : m.preview(preview);
        return p == null ? 0 : p.gainDb();
    }

    private MediaLibrary library() throws PortException {
        if (library == null) {
            throw new PortException(ErrorCode.REFUSED, "this unit has no media directory (cabintune-hu run --media DIR)");
        }
        return library;
    }

    private Master playing(String command) throws PortException {
        if (master == null) {
            throw new PortException(ErrorCode.REFUSED, command + ": no master is playing; send play-media first");
        }
        return master;
    }

    /**
     * The frame of {@code seconds} in {@code m}; refused naming {@code field} when it is past the
     * end (or, when {@code endAllowed}, beyond it).
     */
    private static long within(Master m, double seconds, String field, boolean endAllowed) throws PortException {
        long frame = m.frames(seconds);
        long length = m.audio().frames();
        if (endAllowed ? frame > length : frame >= length) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, field + " = " + FieldPath.number(seconds) + " is beyond the"
                    + " end of " + FieldPath.quote(m.name()) + String.format(Locale.ROOT, " (%.3f s)",
                    m.seconds(length)));
        }
        return frame;
    }

    private static void queued(boolean accepted) throws PortException {
        if (!accepted) {
            throw new PortException(ErrorCode.REFUSED, "media-transport: the engine's control queue is full; send it"
                    + " again");
        }
    }

    private static void awaitSource(Runnable change, BooleanSupplier taken, String what)
            throws PortException {
        change.run();
        try {
            if (!SwitchableSource.await(taken, TimeUnit.SECONDS.toNanos(2))) {
                throw new PortException(ErrorCode.INTERNAL, "the audio thread did not switch to " + what
                        + " within 2 s; is the stream running?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException(ErrorCode.INTERNAL, "interrupted while the source switched to " + what);
        }
    }

    /** A level as the protocol carries it: null for -inf (silence). */
    private static Double level(double db) {
        return Double.isFinite(db) ? Math.max(db, Reply.METER_FLOOR_DBFS) : null;
    }
}
