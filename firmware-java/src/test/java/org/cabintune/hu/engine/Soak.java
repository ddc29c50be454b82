package org.cabintune.hu.engine;

import org.cabintune.dsp.graph.ProcessingGraph;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paced soak: the reference chain, with the level rider and loudness compensation
 * switched on too, at 64-frame periods (1.33 ms at 48 kHz) into a null
 * sink that keeps real time with a two-period buffer (one period of slack, the tightest
 * usual ALSA setting), while one thread sends volume, mute and graph-swap commands
 * (compiling each new graph from the profile, as a profile switch does) and another churns
 * the heap so the collector runs throughout. The audio thread runs as the head unit's
 * service runs it: SCHED_FIFO, pinned to one CPU, the JVM's other threads at a raised nice.
 *
 * <p>A deadline miss counts against the engine unless {@link LatencyProbe}, an independent
 * real-time process on the same CPU, saw the CPU itself stall at that moment (on a shared
 * virtual machine the host takes the CPU away for milliseconds now and then). Raw misses
 * are reported either way. Shared by the short run of the default suite and the 60 s run.
 */
final class Soak {

    static final int PERIOD = 64;
    static final int FS = 48000;
    static final int NICE = -15;
    static final int PRIORITY = 80;
    /** The probe preempts the audio thread, so a late probe is never the engine's doing. */
    static final int PROBE_PRIORITY = 90;

    /** What a run measured. */
    record Result(double seconds, EngineStats stats, long allocated, List<Long> misses, int unexplained,
                  LatencyProbe.Report probe, long collections, long collectionMillis, int swaps, int commands,
                  String schedulingNote) {

        /** Each miss with the nearest CPU stall the probe saw, for a failure message. */
        String describeMisses() {
            StringBuilder b = new StringBuilder();
            for (long miss : misses) {
                LatencyProbe.Stall nearest = null;
                if (probe != null) {
                    for (LatencyProbe.Stall st : probe.stalls()) {
                        if (nearest == null || Math.abs(st.atNanos() - miss) < Math.abs(nearest.atNanos() - miss)) {
                            nearest = st;
                        }
                    }
                }
                b.append(String.format("%n  miss at %d ns; nearest CPU stall %s", miss, nearest == null ? "none"
                        : String.format("%d us long, ending %+d us from it", nearest.lateNanos() / 1000,
                        (nearest.atNanos() - miss) / 1000)));
            }
            return b.toString();
        }

        String summary() {
            String probed = probe == null ? "no probe (python3 missing)"
                    : String.format("probe: %d CPU stalls over %d us, worst %d us", probe.stalls().size(),
                    LatencyProbe.THRESHOLD_NANOS / 1000, probe.worstNanos() / 1000);
            return String.format("soak %.0f s, %d-frame periods: %d periods, dspLoad mean %.4f max %.4f,"
                            + " min slack %d us, deadline misses %d (%d not explained by CPU stalls; %s), xruns %d,"
                            + " audio-thread allocation %d B, %d commands (%d applied), %d graph swaps,"
                            + " %d GC events (%d ms), SCHED_FIFO %s%s",
                    seconds, PERIOD, stats.periods(), stats.dspLoadMean(), stats.dspLoadMax(),
                    stats.minSlackNanos() / 1000, stats.deadlineMisses(), unexplained, probed, stats.xruns(),
                    allocated, commands, stats.controlsApplied(), swaps, collections, collectionMillis,
                    stats.realtimePriority() > 0 ? String.valueOf(stats.realtimePriority()) : "not granted",
                    schedulingNote == null ? ", JVM threads at nice " + NICE : ", " + schedulingNote);
        }
    }

    private Soak() {
    }

    static Result run(double seconds) throws Exception {
        String renice = RealtimeScheduling.reniceProcess(NICE);
        int cpu = Runtime.getRuntime().availableProcessors() - 1;
        ProcessingGraph first = Graphs.referenceFullBus(PERIOD, -6);
        AudioEngine engine = AudioEngine.create(new AudioEngine.Context()
                .source(TestSignals.pink(2, FS, -20, 7)).sink(new NullSink(8, FS, 2)).graph(first)
                .periodFrames(PERIOD).realtimePriority(PRIORITY).cpu(cpu).queueCapacity(1024));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger swaps = new AtomicInteger();
        AtomicInteger commands = new AtomicInteger();
        Thread control = new Thread(() -> control(engine, running, swaps, commands), "soak-control");
        Thread garbage = new Thread(() -> churn(running), "soak-garbage");
        long gcBefore = collections();
        long gcMillisBefore = collectionMillis();
        engine.start();
        LatencyProbe probe = LatencyProbe.start(cpu, PROBE_PRIORITY, seconds + 1);
        long allocatedAtStart = engine.stats().audioThreadAllocatedBytes();
        control.start();
        garbage.start();
        List<Long> misses = new ArrayList<>();
        long seen = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(1_000_000);
            EngineStats s = engine.stats();
            if (s.deadlineMisses() != seen) {
                seen = s.deadlineMisses();
                misses.add(s.lastMissNanos());
            }
        }
        long allocated = engine.stats().audioThreadAllocatedBytes() - allocatedAtStart;
        running.set(false);
        control.join();
        garbage.join();
        assertTrue(engine.stop());
        LatencyProbe.Report report = probe == null ? null : probe.finish();
        EngineStats stats = engine.stats();
        int unexplained = 0;
        for (long miss : misses) {
            if (report == null || !LatencyProbe.explains(report, miss, (long) stats.periodNanos())) {
                unexplained++;
            }
        }
        String note = engine.schedulingNote() == null ? renice
                : renice == null ? engine.schedulingNote() : engine.schedulingNote() + "; " + renice;
        return new Result(seconds, stats, allocated, misses, unexplained, report, collections() - gcBefore,
                collectionMillis() - gcMillisBefore, swaps.get(), commands.get(), note);
    }

    /** The checks every soak must pass. */
    static void check(Result r) {
        EngineStats s = r.stats();
        assertNull(s.failure());
        assertTrue(s.audioThreadAllocatedBytes() >= 0, "the JVM counts per-thread allocation");
        assertEquals(0, r.allocated(), "bytes allocated by the audio thread from its first period on");
        assertEquals(0, r.unexplained(), "deadline misses the CPU's own stalls do not explain: " + r.describeMisses());
        assertTrue(s.dspLoadMean() < 0.25, "dspLoadMean " + s.dspLoadMean());
        assertTrue(s.periods() >= r.seconds() * FS / PERIOD * 0.98, "periods " + s.periods());
        assertTrue(r.collections() > 0, "the collector ran during the soak");
        assertTrue(r.swaps() >= (int) (r.seconds() * 2) - 1, "graph swaps " + r.swaps());
        assertEquals(r.commands(), s.controlsApplied(), "every command was applied");
        assertEquals(0, s.controlsRejected());
    }

    private static void control(AudioEngine engine, AtomicBoolean running, AtomicInteger swaps, AtomicInteger commands) {
        SplittableRandom random = new SplittableRandom(11);
        long nextSwap = System.nanoTime() + 250_000_000L;
        int n = 0;
        while (running.get()) {
            boolean sent = ++n % 100 == 0 ? (n % 200 == 0 ? engine.unmute() : engine.mute())
                    : engine.setVolumeDb(-30 * random.nextDouble());
            if (sent) {
                commands.incrementAndGet();
            }
            if (System.nanoTime() >= nextSwap) {
                // A profile switch: the new graph is compiled here, off the audio thread.
                engine.swapGraph(Graphs.referenceFullBus(PERIOD, -6 - random.nextInt(6)));
                swaps.incrementAndGet();
                nextSwap += 500_000_000L;
            }
            LockSupport.parkNanos(2_000_000);
        }
        if (engine.unmute()) {
            commands.incrementAndGet();
        }
    }

    /** Allocates about 200 MB/s of short- and some longer-lived arrays until told to stop. */
    private static void churn(AtomicBoolean running) {
        SplittableRandom random = new SplittableRandom(3);
        Object[] retained = new Object[4096];
        while (running.get()) {
            for (int bytes = 0; bytes < 256 * 1024; ) {
                byte[] b = new byte[64 + random.nextInt(16 * 1024)];
                bytes += b.length;
                if (random.nextInt(16) == 0) {
                    retained[random.nextInt(retained.length)] = b;
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long collectionMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
