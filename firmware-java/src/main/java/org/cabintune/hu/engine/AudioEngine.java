package org.cabintune.hu.engine;

import org.cabintune.dsp.gain.GainParams;
import org.cabintune.dsp.graph.GraphSwitcher;
import org.cabintune.dsp.graph.ProcessingGraph;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The head unit's real-time engine: one audio thread per stream runs source, compiled chain,
 * output gain and sink once per period, until it is stopped.
 *
 * <h2>Real-time rules</h2>
 * Everything the audio thread does between {@link #start()} and the end of {@link #stop()}
 * follows four rules, and so does every class it calls ({@link Source#read}, {@link Sink#write},
 * {@link ProcessingGraph#process}, {@link GraphSwitcher#process}, {@code Gain}, the
 * {@link ControlQueue} consumer, the {@link StatsPublisher}):
 * <ol>
 *   <li><b>No allocation</b>, by the code nor by the JVM on its behalf. Every buffer, command
 *       slot and counter exists before the first period. A warm-up runs every path of a period
 *       before the stream opens, so nothing is first compiled or linked mid-stream; classes on
 *       the audio path hold no string constants, because HotSpot allocates a class's strings on
 *       the thread that first asks for its C2 compilation ({@link Checks}); the JVM runs ZGC
 *       with its compiler threads made at start (the launcher's options). Tests read the audio
 *       thread's own allocation counter ({@code ThreadMXBean.getThreadAllocatedBytes},
 *       published in {@link EngineStats}) from the first period to the end of a 60 s soak with
 *       control traffic, graph swaps and collector pressure, and require zero.</li>
 *   <li><b>No locks.</b> Nothing the audio thread touches is guarded by a monitor or a
 *       {@code java.util.concurrent} lock, and it never waits for another thread: commands
 *       arrive through the {@link ControlQueue} (one CAS per producer, wait-free consumer),
 *       graphs through {@link GraphSwitcher#offer} (atomic references), and statistics leave
 *       through a sequence-numbered publication the writer never waits on. The only waits are
 *       the device's: {@link Sink#write} until the DAC has room, a paced {@link Source#read}.</li>
 *   <li><b>No logging, no I/O besides the device.</b> Files are read before the stream starts
 *       ({@link WavFileSource}) or written through a preallocated buffer ({@link WavFileSink}).</li>
 *   <li><b>No exceptions for control flow.</b> Bad commands are refused where they are made
 *       (the methods below throw on the caller's thread); an exception on the audio thread is a
 *       fault that stops the stream and is reported in {@link EngineStats#failure()}.</li>
 * </ol>
 *
 * <h2>Speaker-safe start and stop</h2>
 * The output gain starts at mute: the first periods written are exact zeros, so the DAC and
 * amplifier start on silence; only then does the gain ramp (linearly, {@link Context#rampMs})
 * to the volume. {@link #stop()} ramps to mute, writes more exact zeros, and only then lets
 * the sink stop. Volume and mute changes ramp the same way, so no step reaches a speaker.
 * The volume also reaches the graph ({@link GraphSwitcher#setVolumeDb}), whose loudness
 * compensation, when the profile has one, follows it on the audio thread; mute does not move it.
 *
 * <h2>Timing</h2>
 * A period's deadline is the moment its sink must have it: {@link Sink#nextDeadlineNanos()}
 * when the sink keeps the clock ({@link NullSink}), otherwise one period after the sink took
 * the previous one. A period whose processing finishes later is a deadline miss. DSP load is
 * the processing time (controls, source, chain, gain; not a paced source's wait) over the
 * period's duration.
 */
public final class AudioEngine implements AutoCloseable {

    private final Context context;
    private final ControlQueue queue;
    private final GraphSwitcher switcher;
    private final AudioLoop loop;
    private final Thread thread;
    private boolean started;
    private boolean stopped;

    private AudioEngine(Context context) {
        this.context = context;
        this.queue = new ControlQueue(context.queueCapacity);
        this.switcher = new GraphSwitcher(context.graph,
                Math.max(1, (int) Math.round(context.crossfadeMs * context.sampleRate() / 1000)));
        this.loop = new AudioLoop(context, queue, switcher);
        this.thread = new Thread(loop, context.threadName);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Builds an engine from a context ({@link Context#conclude() concluded} here). */
    public static AudioEngine create(Context context) {
        return new AudioEngine(context.conclude());
    }

    /**
     * Starts the audio thread and returns once it has written its first period (silence), or
     * failed. The chain is warmed up first, off the stream, so the JIT has compiled it.
     *
     * @throws IllegalStateException if the audio thread failed before its first period (a later
     *     failure is reported in {@link EngineStats#failure()}), or if the engine was started or
     *     {@linkplain #stop stopped} before (a shutdown that comes first closes the devices)
     */
    public void start() throws InterruptedException {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("the engine was already started");
            }
            if (stopped) {
                throw new IllegalStateException("the engine was stopped before it started");
            }
            started = true;
            thread.start();
        }
        loop.awaitFirstPeriod();
        EngineStats stats = loop.stats();
        if (stats.failure() != null && stats.periods() == 0) {
            throw new IllegalStateException("the audio thread failed before its first period: " + stats.failure());
        }
    }

    /**
     * Speaker-safe stop: ramps to mute, writes silence, stops the audio thread, then closes the
     * sink and source. Idempotent; safe from a shutdown hook.
     *
     * @return true when the audio thread ended within its time; false if it is stuck in the
     *     device (the sink and source are then left open, not closed under it)
     */
    public synchronized boolean stop() throws InterruptedException, IOException {
        if (stopped) {
            return true;
        }
        stopped = true;
        loop.requestStop();
        if (started) {
            thread.join(TimeUnit.SECONDS.toMillis(2) + (long) context.rampMs
                    + 1000L * context.stopSilencePeriods * context.periodFrames / context.sampleRate());
            if (thread.isAlive()) {
                return false;
            }
        }
        try (Source source = context.source; Sink sink = context.sink) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A consistent snapshot of the counters; any thread, lock-free, allocates only the copy. */
    public EngineStats stats() {
        return loop.stats();
    }

    /**
     * Ramps the output to {@code gainDb} (-inf .. 0 dB). False if the control queue is full. The
     * volume follows the protection limiters, so it only attenuates: no volume can take an
     * output above its ceiling.
     */
    public boolean setVolumeDb(double gainDb) {
        ContextChecks.volumeDb(gainDb);
        return queue.offer(Control.SET_VOLUME_DB, Double.doubleToRawLongBits(gainDb), 0);
    }

    /** Ramps the output to silence. False if the control queue is full. */
    public boolean mute() {
        return queue.offer(Control.MUTE, 0, 0);
    }

    /** Ramps the output back to the volume. False if the control queue is full. */
    public boolean unmute() {
        return queue.offer(Control.UNMUTE, 0, 0);
    }

    /** File player: play or resume. */
    public boolean play() {
        return queue.offer(Control.PLAY, 0, 0);
    }

    /** File player: fade out and hold. */
    public boolean pause() {
        return queue.offer(Control.PAUSE, 0, 0);
    }

    /** File player: move to {@code frame} (clamped to the file), with a fade out and in. */
    public boolean seek(long frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("frame = " + frame + " is negative");
        }
        return queue.offer(Control.SEEK, frame, 0);
    }

    /** File player: loop {@code [startFrame, endFrame)}; a region shorter than two fades is ignored. */
    public boolean loop(long startFrame, long endFrame) {
        if (startFrame < 0 || endFrame <= startFrame) {
            throw new IllegalArgumentException("loop [" + startFrame + ", " + endFrame + ") is empty or negative");
        }
        return queue.offer(Control.LOOP, startFrame, endFrame);
    }

    /** File player: stop looping. */
    public boolean loopOff() {
        return queue.offer(Control.LOOP_OFF, 0, 0);
    }

    /**
     * Hands a new graph (compiled off the audio thread, same shape) to the audio thread, which
     * warms it up and cross-fades to it. Returns a graph that was still waiting and is now
     * superseded, or null. Any thread but the audio thread.
     *
     * @throws IllegalArgumentException when the graph's shape differs from the running one
     */
    public ProcessingGraph swapGraph(ProcessingGraph graph) {
        switcher.pollRetired();
        return switcher.offer(graph);
    }

    /** True while a swapped-in graph warms up or fades in. */
    public boolean switching() {
        return switcher.switching();
    }

    /** The audio thread's id, for {@code ThreadMXBean} queries. */
    public long audioThreadId() {
        return thread.threadId();
    }

    /** Why the audio thread could not get real-time scheduling, or null (granted or not asked). */
    public String schedulingNote() {
        return loop.schedulingNote();
    }

    /** The concluded configuration. */
    public Context context() {
        return context;
    }

    /**
     * Configuration of an engine: fluent setters, then {@link #conclude()} checks everything and
     * fills the defaults, so a running engine never meets a bad setting.
     */
    public static final class Context {

        /** Shortest period: below 32 frames the per-period overhead dominates. */
        public static final int MIN_PERIOD = 32;
        /** Longest period: 21 ms at 48 kHz, the most latency a live source tolerates. */
        public static final int MAX_PERIOD = 1024;
        /** Default period: 2.7 ms at 48 kHz. */
        public static final int DEFAULT_PERIOD = 128;
        /** Frames the default warm-up runs: enough for C2 to compile the longest loops first. */
        public static final int WARMUP_FRAMES = 1 << 18;

        private Source source;
        private Sink sink;
        private ProcessingGraph graph;
        private int periodFrames = DEFAULT_PERIOD;
        private int[] channelMap;
        private double volumeDb = 0;
        private boolean muted;
        private double rampMs = GainParams.DEFAULT_RAMP_MS;
        private double crossfadeMs = 20;
        private int queueCapacity = 256;
        private int realtimePriority;
        private int cpu = -1;
        private int warmupPeriods = -1;
        private int startSilencePeriods = 2;
        private int stopSilencePeriods = 2;
        private String threadName = "cabintune-audio";
        private boolean concluded;

        /** Where the programme comes from (required); the engine closes it on stop. */
        public Context source(Source value) {
            source = value;
            return this;
        }

        /** Where the output goes (required); the engine closes it on stop. */
        public Context sink(Sink value) {
            sink = value;
            return this;
        }

        /** The chain to run first (required), compiled for blocks of at least the period. */
        public Context graph(ProcessingGraph value) {
            graph = value;
            return this;
        }

        /** Frames per period, {@value #MIN_PERIOD}..{@value #MAX_PERIOD}; default {@value #DEFAULT_PERIOD}. */
        public Context periodFrames(int value) {
            periodFrames = value;
            return this;
        }

        /**
         * For each sink channel, the graph output it plays, or -1 for silence. Default: the
         * identity, which needs as many sink channels as graph outputs.
         */
        public Context channelMap(int... value) {
            channelMap = value.clone();
            return this;
        }

        /** The volume reached after the start ramp, dB; default 0. */
        public Context volumeDb(double value) {
            volumeDb = value;
            return this;
        }

        /** Start muted (the stream runs, silent, until unmuted); default false. */
        public Context muted(boolean value) {
            muted = value;
            return this;
        }

        /** Length of every output ramp (start, stop, volume, mute), ms, 1..1000; default 10. */
        public Context rampMs(double value) {
            rampMs = value;
            return this;
        }

        /** Cross-fade of a graph swap, ms, 1..1000; default 20. */
        public Context crossfadeMs(double value) {
            crossfadeMs = value;
            return this;
        }

        /** Control queue slots, a power of two 2..65536; default 256. */
        public Context queueCapacity(int value) {
            queueCapacity = value;
            return this;
        }

        /** SCHED_FIFO priority for the audio thread, 1..99, or 0 to stay in the normal class (default). */
        public Context realtimePriority(int value) {
            realtimePriority = value;
            return this;
        }

        /** The CPU to pin the audio thread to (a core kept free of other work), or -1 (default) for none. */
        public Context cpu(int value) {
            cpu = value;
            return this;
        }

        /**
         * Periods run through the chain before the stream opens, to get it compiled; default
         * {@value #WARMUP_FRAMES} frames' worth, at least 1000 periods (4096 at 64 frames).
         */
        public Context warmupPeriods(int value) {
            warmupPeriods = value;
            return this;
        }

        /** Exact-zero periods written before the start ramp, 1..1000; default 2. */
        public Context startSilencePeriods(int value) {
            startSilencePeriods = value;
            return this;
        }

        /** Exact-zero periods written after the stop ramp, 1..1000; default 2. */
        public Context stopSilencePeriods(int value) {
            stopSilencePeriods = value;
            return this;
        }

        /** Name of the audio thread; default {@code cabintune-audio}. */
        public Context threadName(String value) {
            threadName = value;
            return this;
        }

        /**
         * Checks every setting, fills the defaults, and freezes nothing else: call once, before
         * the engine is built. Messages name the setting and its allowed range.
         */
        public Context conclude() {
            if (concluded) {
                return this;
            }
            if (warmupPeriods < 0) {
                warmupPeriods = Math.max(1000, WARMUP_FRAMES / Math.max(1, periodFrames));
            }
            ContextChecks.check(this);
            if (channelMap == null) {
                channelMap = new int[sink.channels()];
                for (int c = 0; c < channelMap.length; c++) {
                    channelMap[c] = c;
                }
            }
            concluded = true;
            return this;
        }

        // What conclude() settled on.

        public Source source() { return source; }
        public Sink sink() { return sink; }
        public ProcessingGraph graph() { return graph; }
        public int periodFrames() { return periodFrames; }
        public int sampleRate() { return graph.sampleRate(); }
        public int[] channelMap() { return channelMap == null ? null : channelMap.clone(); }
        public double volumeDb() { return volumeDb; }
        public boolean muted() { return muted; }
        public double rampMs() { return rampMs; }
        public double crossfadeMs() { return crossfadeMs; }
        public int queueCapacity() { return queueCapacity; }
        public int realtimePriority() { return realtimePriority; }
        public int cpu() { return cpu; }
        public int warmupPeriods() { return warmupPeriods; }
        public int startSilencePeriods() { return startSilencePeriods; }
        public int stopSilencePeriods() { return stopSilencePeriods; }
        public String threadName() { return threadName; }
    }
}
