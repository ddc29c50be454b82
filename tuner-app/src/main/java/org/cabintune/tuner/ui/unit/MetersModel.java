package org.cabintune.tuner.ui.unit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.unit.UnitLink;

/**
 * The live meters' model: asks the connected unit for its meter stream ({@code stream-meters},
 * as {@code cabintune meters} does) and keeps the latest snapshot: the programme's loudness
 * (momentary, short-term, integrated, true peak), each output's peak and RMS, and the DSP load.
 * Snapshots arrive on the link's thread; the view hears of them on the UI thread, at most as
 * often as it can take them. A stream that stops arriving is reported, and the unit is asked to
 * stop streaming when the meters stop or the connection closes.
 */
public final class MetersModel {

    /** The stream's default interval, ms: five snapshots a second. */
    public static final int DEFAULT_INTERVAL_MS = 200;
    /** How often a stalled stream is looked for. */
    static final Duration WATCH = Duration.ofMillis(250);

    /**
     * What the meters panel shows.
     *
     * @param unit       the connected unit's id, or null
     * @param outputs    its output names in DAC order
     * @param streaming  whether the stream runs
     * @param intervalMs the stream's interval, ms
     * @param latest     the latest snapshot, or null before the first
     * @param rate       snapshots per second, as they arrive
     * @param status     what runs, or how the last action ended (a stalled stream is an error)
     */
    public record State(String unit, List<String> outputs, boolean streaming, int intervalMs, Reply.Meters latest,
                        double rate, Status status) {
    }

    private final UnitSession session;
    private final ModelThreads threads;
    private final ModelState<State> state;
    private final Tasks tasks;
    private final Duration patience;
    private Runnable unsubscribe;
    private ScheduledFuture<?> watch;
    private volatile long lastArrival;
    private volatile long streamStart;
    private volatile long received;

    public MetersModel(UnitSession session, ModelThreads threads) {
        this(session, threads, Duration.ofMillis(Math.round(ConnectModel.TIMEOUT_SECONDS * 1000)));
    }

    /** @param patience how long after the interval a missing snapshot counts as a stalled stream */
    MetersModel(UnitSession session, ModelThreads threads, Duration patience) {
        this.session = session;
        this.patience = patience;
        this.threads = threads;
        this.state = new ModelState<>(new State(null, List.of(), false, DEFAULT_INTERVAL_MS, null, 0, Status.IDLE), threads);
        this.tasks = new Tasks(threads, change -> state.update(s -> withStatus(s, change.apply(s.status()))));
        session.listen(this::followSession);
        followSession();
    }

    public ModelState<State> state() {
        return state;
    }

    /** Starts the stream at {@code intervalMs} (50..5000). */
    public void start(int intervalMs) {
        if (!session.connected()) {
            state.update(s -> withStatus(s, Status.failed("Connect to a head unit first.")));
            return;
        }
        if (intervalMs < Command.MIN_METER_INTERVAL_MS || intervalMs > Command.MAX_METER_INTERVAL_MS) {
            state.update(s -> withStatus(s, Status.failed("The interval " + intervalMs + " ms is outside "
                    + Command.MIN_METER_INTERVAL_MS + ".." + Command.MAX_METER_INTERVAL_MS + " ms.")));
            return;
        }
        tasks.start("Starting the meter stream...", false, () -> {
            subscribe();
            session.ask(new Command.StreamMeters(intervalMs));
            long now = System.nanoTime();
            streamStart = now;
            lastArrival = now;
            received = 0;
            state.update(s -> new State(s.unit(), s.outputs(), true, intervalMs, s.latest(), 0, s.status()));
            watch();
            return null;
        });
    }

    /** Stops the stream on the unit. */
    public void stop() {
        if (!state.get().streaming()) {
            return;
        }
        tasks.start("Stopping the meter stream...", false, () -> {
            halt();
            if (session.connected()) {
                session.ask(new Command.StreamMeters(0));
            }
            return null;
        });
    }

    private synchronized void subscribe() {
        if (unsubscribe == null) {
            unsubscribe = session.subscribe(this::arrived);
        }
    }

    private void arrived(Envelope message) {
        if (!(message.body() instanceof Reply.Meters meters) || !state.get().streaming()) {
            return;
        }
        long now = System.nanoTime();
        lastArrival = now;
        long n = ++received;
        double seconds = (now - streamStart) / 1e9;
        double rate = n > 1 && seconds > 0 ? n / seconds : 0;
        state.update(s -> new State(s.unit(), s.outputs(), s.streaming(), s.intervalMs(), meters, rate,
                s.status().error() != null && s.status().error().startsWith(STALLED) ? Status.IDLE : s.status()));
    }

    private static final String STALLED = "No meter snapshot from ";

    /** Reports a stream that stopped arriving: the unit's interval plus the link's patience, as the CLI waits. */
    private synchronized void watch() {
        if (watch != null) {
            watch.cancel(false);
        }
        watch = threads.every(WATCH, () -> {
            State s = state.get();
            Duration wait = patience.plusMillis(s.intervalMs());
            if (s.streaming() && System.nanoTime() - lastArrival > wait.toNanos() && s.status().error() == null
                    && !s.status().isBusy()) {
                state.update(x -> withStatus(x, Status.failed(STALLED + x.unit() + " within "
                        + UnitLink.seconds(wait) + "; is the unit still on?")));
            }
        });
    }

    /** Forgets the stream here (the unit is told by the caller, when it can still be reached). */
    private synchronized void halt() {
        if (watch != null) {
            watch.cancel(false);
            watch = null;
        }
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        state.update(s -> new State(s.unit(), s.outputs(), false, s.intervalMs(), s.latest(), 0, s.status()));
    }

    private void followSession() {
        Reply.Info info = session.info();
        String unit = info == null ? null : info.unitId();
        State before = state.get();
        if (before.streaming() && (unit == null || !unit.equals(before.unit()))) {
            // The connection closed or changed: the old unit's stream went with it.
            halt();
        }
        state.update(s -> new State(unit, info == null ? List.of() : info.outputs(), s.streaming(), s.intervalMs(),
                unit != null && unit.equals(s.unit()) ? s.latest() : null, s.rate(), s.status()));
    }

    private static State withStatus(State s, Status status) {
        return new State(s.unit(), s.outputs(), s.streaming(), s.intervalMs(), s.latest(), s.rate(), status);
    }
}
