package org.cabintune.dsp.graph;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one {@link ProcessingGraph} and replaces it, without a click, by one built elsewhere.
 *
 * <p>A control thread {@link #offer offers} a new graph (compiled off the audio thread); the
 * audio thread picks it up at the next block boundary. The new graph first runs silently for
 * its {@link ProcessingGraph#warmupFrames() warm-up} so its delay lines hold real signal and
 * its filters have started, then the two are cross-faded linearly over the fade length. The
 * old graph is handed back through {@link #pollRetired()} so that it is dropped, and later
 * collected, on the control thread.
 *
 * <p>Real-time rules: {@link #process} allocates nothing and takes no locks; the hand-over is
 * two {@link AtomicReference}s. Offers are numbered (under a lock the audio thread never
 * takes), and the audio thread publishes the number of the last offer it has finished fading
 * in, so that {@link #switching()} is one comparison of two volatile numbers: it never reads a
 * hand-over half done. The class holds no string constants: HotSpot resolves them all
 * on the thread that first asks for a C2 compilation of one of its methods, which for
 * {@code process} is the audio thread; the messages live in {@link SwitchChecks}.
 */
public final class GraphSwitcher {

    private static final int GAIN_BITS = 30;

    private final AtomicReference<Offer> pending = new AtomicReference<>();
    private final AtomicReference<ProcessingGraph> retired = new AtomicReference<>();
    private final int fadeFrames;
    private final int[][] scratch;
    private volatile ProcessingGraph current;
    private ProcessingGraph next;
    /** Number of the offer {@link #next} came from. Audio thread only. */
    private long nextNumber;
    /** Number of the latest offer; written under the offer lock. */
    private volatile long offered;
    /** Number of the latest offer whose graph has faded in; written by the audio thread only. */
    private volatile long settled;
    private int warmupLeft;
    private int fadePosition;
    /** The volume last told, for graphs that arrive later. */
    private double volumeDb;

    /**
     * @param initial    the graph to run first
     * @param fadeFrames length of the cross-fade, at least 1
     */
    public GraphSwitcher(ProcessingGraph initial, int fadeFrames) {
        SwitchChecks.fadeFrames(fadeFrames);
        this.current = initial;
        this.fadeFrames = fadeFrames;
        this.scratch = new int[initial.outputs()][initial.maxFrames()];
    }

    /** A switcher with a 20 ms cross-fade at the graph's sample rate. */
    public static GraphSwitcher withDefaultFade(ProcessingGraph initial) {
        return new GraphSwitcher(initial, Math.max(1, initial.sampleRate() / 50));
    }

    /**
     * Queues {@code graph} to replace the running one. Call from any thread but the audio
     * thread. A graph still waiting from an earlier offer is superseded and returned.
     *
     * @throws IllegalArgumentException when the graph's shape (rate, inputs, outputs, block
     *     size) differs from the running one; nothing changes then
     */
    public synchronized ProcessingGraph offer(ProcessingGraph graph) {
        SwitchChecks.sameShape(current, graph);
        long number = offered + 1;
        Offer superseded = pending.getAndSet(new Offer(graph, number));
        offered = number;
        return superseded == null ? null : superseded.graph;
    }

    /** Length of the cross-fade in frames. */
    public int fadeFrames() {
        return fadeFrames;
    }

    /** The graph that was replaced last, once, or null. */
    public ProcessingGraph pollRetired() {
        return retired.getAndSet(null);
    }

    /** The graph producing the output (the old one until a cross-fade ends). */
    public ProcessingGraph current() {
        return current;
    }

    /**
     * True from an {@link #offer} until the graph offered last has faded in and is {@link
     * #current()}. Any thread.
     */
    public boolean switching() {
        return settled != offered;
    }

    /**
     * Tells the running graph, and the one fading in, the volume the engine plays at, so their
     * loudness compensation follows it; a graph offered later starts at this volume. Audio
     * thread only; allocates nothing.
     */
    public void setVolumeDb(double db) {
        volumeDb = db;
        current.setVolumeDb(db);
        if (next != null) {
            next.setVolumeDb(db);
        }
    }

    /** Processes one block: reads {@code in}, writes {@code out}. Audio thread only. */
    public void process(int[][] in, int[][] out, int frames) {
        if (next == null) {
            Offer offer = pending.getAndSet(null);
            if (offer != null) {
                next = offer.graph;
                nextNumber = offer.number;
                next.setVolumeDb(volumeDb);
                next.reset();
                warmupLeft = next.warmupFrames();
                fadePosition = 0;
            }
        }
        ProcessingGraph running = current;
        running.process(in, out, frames);
        if (next == null) {
            return;
        }
        next.process(in, scratch, frames);
        int start = Math.min(warmupLeft, frames);
        warmupLeft -= start;
        for (int i = start; i < frames; i++) {
            long g = fadePosition >= fadeFrames ? 1L << GAIN_BITS
                    : ((long) fadePosition << GAIN_BITS) / fadeFrames;
            for (int ch = 0; ch < out.length; ch++) {
                long a = out[ch][i], b = scratch[ch][i];
                out[ch][i] = (int) ((a * ((1L << GAIN_BITS) - g) + b * g + (1L << (GAIN_BITS - 1))) >> GAIN_BITS);
            }
            if (fadePosition < fadeFrames) {
                fadePosition++;
            }
        }
        if (fadePosition >= fadeFrames) {
            retired.set(running);
            current = next;
            next = null;
            settled = nextNumber;
        }
    }

    /** A graph offered, with its number. */
    private static final class Offer {
        final ProcessingGraph graph;
        final long number;

        Offer(ProcessingGraph graph, long number) {
            this.graph = graph;
            this.number = number;
        }
    }
}
