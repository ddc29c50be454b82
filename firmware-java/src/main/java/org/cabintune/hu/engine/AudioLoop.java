package org.cabintune.hu.engine;

import org.cabintune.dsp.gain.Gain;
import org.cabintune.dsp.gain.GainParams;
import org.cabintune.dsp.graph.GraphSwitcher;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import static org.cabintune.hu.engine.StatsPublisher.ALLOCATED;
import static org.cabintune.hu.engine.StatsPublisher.APPLIED;
import static org.cabintune.hu.engine.StatsPublisher.BUSY_MAX;
import static org.cabintune.hu.engine.StatsPublisher.BUSY_TOTAL;
import static org.cabintune.hu.engine.StatsPublisher.FRAMES;
import static org.cabintune.hu.engine.StatsPublisher.LAST_MISS;
import static org.cabintune.hu.engine.StatsPublisher.MIN_SLACK;
import static org.cabintune.hu.engine.StatsPublisher.MISSES;
import static org.cabintune.hu.engine.StatsPublisher.PERIODS;
import static org.cabintune.hu.engine.StatsPublisher.PRIORITY;
import static org.cabintune.hu.engine.StatsPublisher.RUNNING;
import static org.cabintune.hu.engine.StatsPublisher.XRUNS;

/**
 * The audio thread's body: warm-up, then one period after another until a stop has ramped
 * out. Every rule of {@link AudioEngine} applies to {@link #period()} and what it calls.
 */
final class AudioLoop implements Runnable, ControlQueue.Handler {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Where the output gain is on the way: silence before the start, the volume, silence for the stop. */
    private enum Phase { STARTING, RUNNING, STOPPING, DRAINING }

    private static final Phase[] PHASES = Phase.values();

    private final Source source;
    private final Sink sink;
    private final GraphSwitcher switcher;
    private final ControlQueue queue;
    /** A private queue that exercises the consumer path in warm-up without taking real commands. */
    private final ControlQueue drill = new ControlQueue(2);
    private final Gain output;
    private final int frames;
    private final long periodNanos;
    private final int startSilence;
    private final int stopSilence;
    private final int warmupPeriods;
    private final int realtimePriority;
    private final int cpu;
    private final int[][] in;
    private final int[][] out;
    /** The sink's channels: a graph output each, or a shared block of zeros. */
    private final int[][] toSink;
    private final StatsPublisher stats = new StatsPublisher();
    private final BlockTimeHistogram blockTimes = new BlockTimeHistogram();
    private final long[] counters = stats.pending;
    private final boolean countAllocation;
    private final int sampleRate;
    private volatile boolean stopRequested;
    /** Set once the first period is written, or the thread has ended. */
    private volatile boolean begun;
    private volatile String schedulingNote;
    private Phase phase = Phase.STARTING;
    private int phasePeriods;
    private double volumeDb;
    private boolean muted;
    private long deadline;

    AudioLoop(AudioEngine.Context context, ControlQueue queue, GraphSwitcher switcher) {
        this.source = context.source();
        this.sink = context.sink();
        this.queue = queue;
        this.switcher = switcher;
        this.frames = context.periodFrames();
        this.sampleRate = context.sampleRate();
        this.periodNanos = Math.round(frames * 1e9 / sampleRate);
        this.startSilence = context.startSilencePeriods();
        this.stopSilence = context.stopSilencePeriods();
        this.warmupPeriods = context.warmupPeriods();
        this.realtimePriority = context.realtimePriority();
        this.cpu = context.cpu();
        this.volumeDb = context.volumeDb();
        this.muted = context.muted();
        int outputs = context.graph().outputs();
        double[] silent = new double[outputs];
        Arrays.fill(silent, Double.NEGATIVE_INFINITY);
        this.output = new Gain(new GainParams(sampleRate, boxed(silent), context.rampMs()));
        this.in = new int[context.graph().inputs()][frames];
        this.out = new int[outputs][context.graph().maxFrames()];
        int[] map = context.channelMap();
        int[] zeros = new int[frames];
        this.toSink = new int[map.length][];
        for (int c = 0; c < map.length; c++) {
            toSink[c] = map[c] < 0 ? zeros : out[map[c]];
        }
        // The loudness compensation starts at the volume, not walking to it from the reference.
        switcher.setVolumeDb(volumeDb);
        switcher.current().reset();
        this.countAllocation = THREADS.isThreadAllocatedMemorySupported();
        if (countAllocation) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
    }

    @Override
    public void run() {
        try {
            String pinned = cpu >= 0 ? RealtimeScheduling.pinCurrentThread(cpu) : null;
            if (realtimePriority > 0) {
                String raised = RealtimeScheduling.raiseCurrentThread(realtimePriority);
                counters[PRIORITY] = raised == null ? realtimePriority : 0;
                pinned = Checks.join(pinned, raised);
            }
            schedulingNote = pinned;
            warmUp();
            counters[RUNNING] = 1;
            while (period()) {
                if (!begun) {
                    begun = true;
                }
            }
        } catch (Throwable t) {
            // A fault, not control flow: the stream is over, so allocating the message is fine.
            stats.fail(t.toString());
        } finally {
            counters[RUNNING] = 0;
            stats.publish();
            begun = true;
        }
    }

    /**
     * Runs every path of a period (over the source's rehearsal, or silence) before the stream
     * opens, so that the JIT has compiled them with complete profiles and every call site is
     * linked: a path first taken mid-stream would run interpreted, and linking allocates.
     * Covers the chain, cross-fades between graphs (the running graph offered to itself),
     * output ramps to every kind of target, the volume and mute commands, the park of a paced
     * sink, and the statistics. Then graph, gain and settings go back to their initial state.
     * The source only {@linkplain Source#rehearse rehearses}: reading would move a file player on.
     */
    private void warmUp() {
        double savedVolume = volumeDb;
        boolean savedMuted = muted;
        Phase savedPhase = phase;
        phase = Phase.RUNNING;
        for (int p = 0; p < warmupPeriods; p++) {
            if (p % 50 == 0 && !switcher.switching()) {
                switcher.offer(switcher.current());
            }
            // Targets held long enough for ramps to finish: steady at unity, at silence and at
            // another gain, ramps between them, repeated and interrupted commands.
            switch (p % 60) {
                case 0 -> {
                    onCommand(Control.UNMUTE, 0, 0);
                    onCommand(Control.SET_VOLUME_DB, Double.doubleToRawLongBits(0), 0);
                }
                case 20, 21 -> onCommand(Control.MUTE, 0, 0);
                case 40 -> {
                    onCommand(Control.UNMUTE, 0, 0);
                    onCommand(Control.SET_VOLUME_DB, Double.doubleToRawLongBits(-1 - p % 31), 0);
                }
                case 41 -> onCommand(Control.SET_VOLUME_DB, Double.doubleToRawLongBits(-(p % 7)), 0);
                default -> {
                }
            }
            source.rehearse(in, frames);
            switcher.process(in, out, frames);
            output.process(out, frames);
            for (int i = 0; i < 10; i++) {
                drill.offer(Control.SET_VOLUME_DB, Double.doubleToRawLongBits(volumeDb), 0);
                drill.drain(this, drill.capacity());
            }
            advanceQuietly();
            LockSupport.parkNanos(1);
            touchDevices();
            stats.publish();
            for (int i = 0; i < 8; i++) {
                counters[ALLOCATED] = allocatedBytes();
            }
            blockTimes.record(p * 997L);
        }
        blockTimes.clear();
        while (switcher.switching()) {
            switcher.process(in, out, frames);
        }
        switcher.pollRetired();
        for (int[] channel : in) {
            Arrays.fill(channel, 0);
        }
        switcher.setVolumeDb(savedVolume);
        switcher.current().reset();
        output.reset();
        volumeDb = savedVolume;
        muted = savedMuted;
        phase = savedPhase;
        phasePeriods = 0;
        counters[APPLIED] = 0;
    }

    /** Runs the phase logic once in each phase it can be in, without leaving the warm-up's. */
    private void advanceQuietly() {
        Phase saved = phase;
        int savedPeriods = phasePeriods;
        for (Phase p : PHASES) {
            phase = p;
            phasePeriods = 0;
            advance();
        }
        phase = saved;
        phasePeriods = savedPeriods;
    }

    /**
     * Calls what {@link #period()} asks of the devices besides reading and writing: no side
     * effects. The source's questions pass down a chain of {@link ForwardingSource}s, one method
     * calling itself, which C2 inlines only one level deep; the rest stays a call that counts
     * towards its own C2 compilation. Asked eight times a period here, that compilation is
     * requested in the warm-up; asked once a period, it was requested mid-stream, on the audio
     * thread, and the request allocated 240 bytes there.
     */
    private void touchDevices() {
        sink.nextDeadlineNanos();
        sink.xruns();
        for (int i = 0; i < 8; i++) {
            source.xruns();
            source.paced();
        }
    }

    /** One period; false once the stop has ramped out and its silence is written. */
    private boolean period() throws Exception {
        long begin = System.nanoTime();
        counters[APPLIED] += queue.drain(this, queue.capacity());
        if (stopRequested && phase.compareTo(Phase.STOPPING) < 0) {
            enter(Phase.STOPPING);
        }
        int n = source.read(in, frames);
        for (int[] channel : in) {
            Arrays.fill(channel, Math.max(n, 0), frames, 0);
        }
        if (source.paced()) {
            begin = System.nanoTime();
        }
        switcher.process(in, out, frames);
        output.process(out, frames);
        long done = System.nanoTime();
        account(done - begin, done);
        sink.write(toSink, frames);
        long due = sink.nextDeadlineNanos();
        deadline = due != 0 ? due : System.nanoTime() + periodNanos;
        counters[PERIODS]++;
        counters[FRAMES] += frames;
        counters[XRUNS] = sink.xruns() + source.xruns();
        counters[ALLOCATED] = allocatedBytes();
        boolean more = advance();
        stats.publish();
        return more;
    }

    private void account(long busy, long done) {
        blockTimes.record(busy);
        counters[BUSY_TOTAL] += busy;
        counters[BUSY_MAX] = Math.max(counters[BUSY_MAX], busy);
        if (deadline != 0) {
            long slack = deadline - done;
            counters[MIN_SLACK] = Math.min(counters[MIN_SLACK], slack);
            // Branch-free: a branch first taken at a miss would make the JIT recompile just then.
            long missed = slack >>> 63;
            counters[MISSES] += missed;
            counters[LAST_MISS] += missed * (done - counters[LAST_MISS]);
        }
    }

    /** Moves the start and stop sequences on by one period. */
    private boolean advance() {
        phasePeriods++;
        switch (phase) {
            case STARTING -> {
                if (phasePeriods >= startSilence) {
                    enter(Phase.RUNNING);
                }
            }
            case STOPPING -> {
                if (!output.isRamping(0)) {
                    enter(Phase.DRAINING);
                }
            }
            case DRAINING -> {
                return phasePeriods < stopSilence;
            }
            default -> {
            }
        }
        return true;
    }

    private void enter(Phase next) {
        phase = next;
        phasePeriods = 0;
        retarget();
    }

    /** Points the output gain at the volume, or at silence when muted, starting or stopping. */
    private void retarget() {
        double target = phase == Phase.RUNNING && !muted ? volumeDb : Double.NEGATIVE_INFINITY;
        for (int c = 0; c < output.channels(); c++) {
            output.setTargetDb(c, target);
        }
    }

    @Override
    public void onCommand(Control command, long a, long b) {
        switch (command) {
            case SET_VOLUME_DB -> {
                volumeDb = Double.longBitsToDouble(a);
                switcher.setVolumeDb(volumeDb);
                retarget();
            }
            case MUTE -> {
                muted = true;
                retarget();
            }
            case UNMUTE -> {
                muted = false;
                retarget();
            }
            default -> source.control(command, a, b);
        }
    }

    private long allocatedBytes() {
        return countAllocation ? THREADS.getCurrentThreadAllocatedBytes() : -1;
    }

    void requestStop() {
        stopRequested = true;
    }

    /** Polls rather than blocks on a latch, so the audio thread never touches a synchronizer. */
    void awaitFirstPeriod() throws InterruptedException {
        while (!begun) {
            Thread.sleep(1);
        }
    }

    String failure() {
        return stats.failure();
    }

    String schedulingNote() {
        return schedulingNote;
    }

    EngineStats stats() {
        // The failure first: it is recorded after the stop is published (StatsPublisher.fail).
        String failure = stats.failure();
        long[] s = stats.read();
        long periods = s[PERIODS];
        return new EngineStats(s[RUNNING] != 0, sampleRate, frames, periods, s[FRAMES], s[XRUNS], s[MISSES],
                periods == 0 ? 0 : s[BUSY_TOTAL] / ((double) periods * periodNanos),
                s[BUSY_MAX] / (double) periodNanos, s[MIN_SLACK], s[ALLOCATED], s[APPLIED], queue.rejected(),
                (int) s[PRIORITY], s[LAST_MISS], failure, blockTimes.quantile(0.5), blockTimes.quantile(0.99),
                blockTimes.quantile(0.9999));
    }

    private static java.util.List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
