package org.cabintune.tuner.ui.unit;

import static org.cabintune.tuner.audition.StatusLine.match;
import static org.cabintune.tuner.audition.StatusLine.time;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.audition.AuditionSession;

/**
 * The audition panel's model: auditions masters on the connected unit through the tuner's
 * {@link AuditionSession} (docs/audition.md), as {@code cabintune audition} does. The unit's
 * masters, playing one, pause, resume, seek, stop, a looped region, an A/B between two of its
 * profiles or a profile and its bypass (loudness-matched or as they are), a streaming platform's
 * preview. Every request runs off the UI thread, one at a time; while {@link #watch watched},
 * the model reads the audition and the meters from the unit every {@link #REFRESH} (the
 * {@code get-audition} and {@code get-meters} that {@code audition status} reads). A request the
 * unit refuses leaves the audition as it was, and its reason (which names the field) becomes the
 * status.
 */
public final class AuditionModel {

    /** How often a watched audition is read from the unit. */
    public static final Duration REFRESH = Duration.ofMillis(250);
    /** How long an A/B's loudness match is waited for, as {@code audition ab} waits by default. */
    static final Duration MATCH_PATIENCE = Duration.ofSeconds(300);

    /**
     * What the audition panel shows.
     *
     * @param unit     the connected unit's id, or null
     * @param media    the masters in its media directory, as far as listed
     * @param total    how many masters the directory holds
     * @param profiles the ids of its stored profiles, the sides an A/B can have
     * @param now      the audition and the meters as last read, or null before the first reading
     * @param status   what runs, or how the last action ended
     */
    public record State(String unit, List<Reply.MediaFile> media, int total, List<String> profiles,
                        AuditionSession.Status now, Status status) {

        /** The audition as last read, or null. */
        public Reply.Audition audition() {
            return now == null ? null : now.audition();
        }

        /** Whether a master is loaded (playing, paused or ended). */
        public boolean loaded() {
            return audition() != null && audition().file() != null;
        }
    }

    private static final String NOT_CONNECTED = "Connect to a head unit first.";
    private static final String NOTHING_LOADED = "No master is loaded: pick one from the unit's masters and press Play.";
    private static final String UNREADABLE = "Cannot read the audition from ";

    private final UnitSession session;
    private final ModelThreads threads;
    private final ModelState<State> state;
    private final Tasks tasks;
    private final AtomicBoolean reading = new AtomicBoolean();
    /** Readings are numbered as they start; one that started before the one shown is dropped. */
    private final AtomicLong readings = new AtomicLong();
    private long shown;
    private ScheduledFuture<?> watch;

    public AuditionModel(UnitSession session, ModelThreads threads) {
        this.session = session;
        this.threads = threads;
        this.state = new ModelState<>(new State(null, List.of(), 0, List.of(), null, Status.IDLE), threads);
        this.tasks = new Tasks(threads, change -> state.update(s -> withStatus(s, change.apply(s.status()))));
        session.listen(this::followSession);
        followSession();
    }

    public ModelState<State> state() {
        return state;
    }

    /**
     * Reads the audition from the unit every {@link #REFRESH} while {@code on} (the panel watches
     * while it shows); off, the readings stop.
     */
    public synchronized void watch(boolean on) {
        if (on && watch == null) {
            // The timer thread must not block: each reading runs on a worker, and none while one runs.
            watch = threads.every(REFRESH, () -> {
                if (session.connected() && reading.compareAndSet(false, true)) {
                    threads.work(() -> {
                        try {
                            read(false);
                        } finally {
                            reading.set(false);
                        }
                    });
                }
            });
        } else if (!on && watch != null) {
            watch.cancel(false);
            watch = null;
        }
    }

    /** Stops waiting for what runs (an A/B's match goes on on the unit). */
    public void cancel() {
        tasks.cancel();
    }

    /** Asks the unit for its masters again. */
    public void listMedia() {
        onUnit("Asking " + unitName() + " for its masters...", () -> {
            Reply.Media media = session.audition().media();
            state.update(s -> new State(s.unit(), media.files(), media.total(), s.profiles(), s.now(), s.status()));
            return media.total() + " master(s) on " + unitName() + ".";
        });
    }

    /** Plays {@code file} (its name as listed) from its start, in place of the unit's programme. */
    public void play(String file) {
        onUnit("Loading " + file + " on " + unitName() + "...", () -> {
            session.audition().play(file, 0, null);
            Reply.Audition a = read(true).audition();
            return String.format(Locale.ROOT, "Playing %s (%s, %s).", file, time(a.lengthSeconds()),
                    a.masterLufs() == null ? "silent" : String.format(Locale.ROOT, "%.1f LUFS", a.masterLufs()));
        });
    }

    public void pause() {
        onMaster("Pausing...", audition -> audition.pause());
    }

    public void resume() {
        onMaster("Resuming...", audition -> audition.resume());
    }

    /** Moves to {@code seconds} into the master; beyond its end is refused by the unit, naming the value. */
    public void seek(double seconds) {
        onMaster(String.format(Locale.ROOT, "Seeking to %s...", time(seconds)),
                audition -> audition.seek(seconds));
    }

    /** Loops {@code [startSeconds, endSeconds)}; a region backwards, too short or past the end is refused. */
    public void loop(double startSeconds, double endSeconds) {
        onMaster(String.format(Locale.ROOT, "Looping %s - %s...", time(startSeconds),
                time(endSeconds)), audition -> audition.loop(startSeconds, endSeconds));
    }

    public void loopOff() {
        onMaster("Ending the loop...", audition -> audition.loopOff());
    }

    /** Ends the audition: the unit's programme plays again, the A/B and the preview end. */
    public void stop() {
        onUnit("Stopping the master...", () -> {
            session.audition().stop();
            read(true);
            return unitName() + " plays its programme again.";
        });
    }

    /**
     * Sets up an A/B between side {@code a} and side {@code b}: stored profiles' ids, or one id and
     * {@link AuditionSession#BYPASS} (the other side's profile, flat). With {@code matchLoudness}
     * the unit measures both sides first (the status counts it; Stop stops waiting, not the unit),
     * then plays side A.
     */
    public void ab(String a, String b, boolean matchLoudness) {
        if (!ready(true)) {
            return;
        }
        tasks.start("Setting up the A/B " + a + " | " + b + " on " + unitName() + "...", true, () -> {
            List<Command.Side> sides = AuditionSession.sides(a, b);
            Reply.AbState ab = session.audition().ab(sides.get(0), sides.get(1), matchLoudness, MATCH_PATIENCE,
                    progress -> state.update(s -> withStatus(s, Status.busy(String.format(Locale.ROOT,
                            "Matching the loudness of %s and %s on %s: %.0f %% done...", a, b, unitName(),
                            100 * progress.progress()), true))));
            read(true);
            return switch (ab.matching()) {
                case MATCHED -> "Matched: " + match(ab) + ". Side A plays.";
                case FAILED -> "Not matched: " + ab.note() + ". Both sides play as they are; side A plays.";
                default -> "A/B set up, not matched: the sides play as they are. Side A plays.";
            };
        });
    }

    /** Plays side A or B of the A/B (cross-faded on the unit), or with {@link Command.Choice#OFF} ends it. */
    public void switchTo(Command.Choice side) {
        onMaster(side == Command.Choice.OFF ? "Ending the A/B..." : "Switching to side " + side.word().toUpperCase(Locale.ROOT)
                + "...", audition -> audition.switchTo(side));
    }

    /** Plays the master as {@code platform} normalises it; null previews none. */
    public void preview(Platform platform) {
        onMaster(platform == null ? "Ending the preview..." : "Previewing " + platform.title() + "...",
                audition -> audition.preview(platform));
    }

    /** A request about the loaded master: sent, then the audition read back. */
    @FunctionalInterface
    private interface OnMaster {
        void ask(AuditionSession audition);
    }

    private void onMaster(String what, OnMaster request) {
        if (!ready(true)) {
            return;
        }
        tasks.start(what, false, () -> {
            request.ask(session.audition());
            read(true);
            return null;
        });
    }

    private void onUnit(String what, Tasks.Work work) {
        if (ready(false)) {
            tasks.start(what, false, work);
        }
    }

    /** Whether a request can go: a unit is connected and, when {@code master}, a master is loaded; else says why. */
    private boolean ready(boolean master) {
        State s = state.get();
        String refusal = !session.connected() ? NOT_CONNECTED : master && !s.loaded() ? NOTHING_LOADED : null;
        if (refusal != null) {
            state.update(x -> withStatus(x, Status.failed(refusal)));
        }
        return refusal == null;
    }

    /**
     * Reads the audition and the meters and shows them, unless a reading started later is shown
     * already. A failed reading of the watch is shown only while nothing else is ({@code asked}:
     * an action's own reading, whose failure is the action's).
     */
    private AuditionSession.Status read(boolean asked) {
        long ticket = readings.incrementAndGet();
        AuditionSession.Status now;
        try {
            now = session.audition().status();
        } catch (RuntimeException e) {
            if (asked) {
                throw e;
            }
            if (!session.connected()) {
                return null;
            }
            String unreadable = UNREADABLE + unitName() + ": " + Problems.readable(e);
            state.update(s -> s.status().isBusy() || s.status().error() != null && !s.status().error().startsWith(UNREADABLE)
                    ? s : withStatus(s, Status.failed(unreadable)));
            return null;
        }
        synchronized (this) {
            if (ticket > shown && session.connected()) {
                shown = ticket;
                state.update(s -> new State(s.unit(), s.media(), s.total(), s.profiles(), now, s.status().error() != null
                        && s.status().error().startsWith(UNREADABLE) ? Status.IDLE : s.status()));
            }
        }
        return now;
    }

    private void followSession() {
        Reply.Info info = session.info();
        Reply.State unitState = session.state();
        String unit = info == null ? null : info.unitId();
        List<String> profiles = unitState == null ? List.of()
                : unitState.profiles().stream().map(Reply.ProfileEntry::id).toList();
        State before = state.get();
        boolean changed = unit == null ? before.unit() != null : !unit.equals(before.unit());
        state.update(s -> changed
                ? new State(unit, List.of(), 0, profiles, null, s.status())
                : new State(s.unit(), s.media(), s.total(), profiles, s.now(), s.status()));
        if (changed && unit != null) {
            listMedia();
        }
    }

    private String unitName() {
        Reply.Info info = session.info();
        return info == null ? "the unit" : info.unitId();
    }

    private static State withStatus(State s, Status status) {
        return new State(s.unit(), s.media(), s.total(), s.profiles(), s.now(), status);
    }
}
