package org.cabintune.hu.audition;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleSupplier;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.RealtimeScheduling;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.Reply;

/**
 * The audition of masters on the head unit (docs/audition.md): a master from the media
 * directory plays in the programme's place, paused, resumed, sought and looped through the
 * engine's control queue ({@link MasterPlayer}); it is A/B'd between two profiles (or a profile
 * and its bypass), loudness-matched ({@link AuditionAb}); it is previewed as a streaming platform
 * would play it. This class decides which chain the master plays through.
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

    private final MasterPlayer player;
    private final AudioEngine engine;
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

    private Platform platform;
    private AuditionAb ab;
    /** Counts changes that make a running match stale. */
    private int generation;
    /** The running match's progress, numbered by {@link #generation}. */
    private final MatchProgress progress = new MatchProgress();

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
        this.player = new MasterPlayer(library, engine, source);
        this.engine = engine;
        this.period = period;
        this.volumeDb = volumeDb;
        this.chain = new AuditionChain(engine, board, period, service, fallback);
    }

    /** The masters in the media directory. */
    public synchronized Reply.Media list() throws PortException {
        return player.list();
    }

    /** Loads a master and plays it in the programme's place, from its start or a given point, looped or not. */
    public synchronized void play(Command.PlayMedia request) throws PortException {
        MasterPlayer.Loaded next = player.load(request);
        ProcessingGraph graph = wanted(next.master(), platform, true);
        boolean rematch = ab != null && ab.matches();
        player.select(next);
        if (rematch) {
            ab.rematch();
        }
        take(graph);
        player.awaitPlaying();
        if (rematch) {
            startMatching();
        }
    }

    /** Pause, resume, seek, loop, stop looping, or stop. */
    public synchronized void transport(Command.MediaTransport request) throws PortException {
        if (request.action() == Command.Transport.STOP) {
            player.playing(request.action().word());
            stop();
        } else {
            player.transport(request);
        }
    }

    /**
     * Sets up an A/B of the master playing. Both sides are compiled first (a side that does not
     * play on the board is refused); with matching the A/B starts once both are measured.
     */
    public synchronized void ab(AbSide a, AbSide b, boolean matchLoudness) throws PortException {
        Master m = player.playing("audition-ab");
        double gain = previewGainDb(m, platform);
        chain.side(a, m, gain, 0, "body.a.profileId");
        chain.side(b, m, gain, 0, "body.b.profileId");
        generation++;
        ab = new AuditionAb(a, b, matchLoudness);
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
                ProcessingGraph graph = player.master() == null ? null : wanted(player.master(), platform, false);
                ab = null;
                take(graph);
            }
            return;
        }
        if (ab == null) {
            throw new PortException(ErrorCode.REFUSED, "body.side = \"" + side.word()
                    + "\": no A/B is set up; send audition-ab first");
        }
        if (ab.matching()) {
            throw new PortException(ErrorCode.REFUSED, String.format(Locale.ROOT, "body.side = \"%s\": the loudness"
                    + " of the sides is being matched (%.0f %% done); switch once it is ready", side.word(),
                    100 * progress.fraction()));
        }
        Command.Choice before = ab.active();
        ab.activate(side);
        try {
            take(wanted(player.master(), platform, true));
        } catch (PortException e) {
            ab.activate(before);
            throw e;
        }
    }

    /** Previews {@code next}'s normalisation (its gain in front of the chain), or with null stops. */
    public synchronized void preview(Platform next) throws PortException {
        Master m = player.playing("audition-preview");
        if (next != null && m.silent()) {
            throw new PortException(ErrorCode.REFUSED, "body.platform = \"" + next.id() + "\": " + m.name()
                    + " is silent, so no platform gives it a gain");
        }
        ProcessingGraph graph = wanted(m, next, true);
        platform = next;
        boolean rematch = ab != null && ab.matches();
        if (rematch) {
            generation++;
            ab.rematch();
        }
        take(graph);
        if (rematch) {
            startMatching();
        }
    }

    /** Ends the audition: the programme comes back, the A/B and preview end, the chain is the service's again. */
    public synchronized void stop() throws PortException {
        if (player.master() == null) {
            return;
        }
        generation++;
        player.stop();
        platform = null;
        ab = null;
        take(null);
    }

    /** True while a master is loaded. */
    public synchronized boolean active() {
        return player.master() != null;
    }

    /** What plays, for the link's {@code audition} reply. */
    public synchronized Reply.Audition state() {
        Master master = player.master();
        if (master == null) {
            return new Reply.Audition(null, Reply.Playback.STOPPED, 0, 0, null, null, null, null, null);
        }
        long length = master.audio().frames();
        long position = player.position();
        Reply.Playback playback = player.playback(position);
        Reply.AbState abState = ab == null ? null : ab.state(progress.fraction());
        Reply.PreviewState previewState = null;
        if (platform != null) {
            Platform.Preview p = master.preview(platform);
            previewState = new Reply.PreviewState(platform, p == null ? 0 : p.gainDb(), p != null && p.limiter());
        }
        return new Reply.Audition(master.name(), playback, master.seconds(position), master.seconds(length),
                player.loop(), level(master.loudness().integratedLufs()), level(master.loudness().truePeakDbtp()),
                abState, previewState);
    }

    @Override
    public void close() {
        matcher.shutdownNow();
    }

    /** Measures both sides on the matcher's thread; the result is taken if nothing changed meanwhile. */
    private void startMatching() {
        int started = ++generation;
        progress.begin(started);
        AuditionAb setup = ab;
        Master m = player.master();
        double gain = previewGainDb(m, platform);
        double volume = volumeDb.getAsDouble();
        int rate = engine.context().sampleRate();
        matcher.execute(() -> matched(started,
                setup.measure(chain, m, gain, volume, rate, period, f -> progress.report(started, f))));
    }

    private synchronized void matched(int started, LoudnessMatch.Result result) {
        if (started != generation || ab == null) {
            return;
        }
        ab.matched(result);
        try {
            take(wanted(player.master(), platform, true));
        } catch (PortException e) {
            ab.failed(e.getMessage());
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
            if (ab.unmatched()) {
                return null;
            }
            return chain.side(ab.side(ab.active()), m, gain, ab.trimDb(ab.active()), "body");
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
        } else if (ab == null || !ab.unmatched()) {
            chain.giveBack();
        }
    }

    /** The platform's gain for the master, dB; 0 without a platform or for a silent master. */
    private static double previewGainDb(Master m, Platform preview) {
        Platform.Preview p = preview == null ? null : m.preview(preview);
        return p == null ? 0 : p.gainDb();
    }

    /** A level as the protocol carries it: null for -inf (silence). */
    static Double level(double db) {
        return Double.isFinite(db) ? Math.max(db, Reply.METER_FLOOR_DBFS) : null;
    }
}
