package org.cabintune.dsp.graph;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphSwitcherTest {

    private static final int FS = 48000;
    private static final int BLOCK = 128;

    /** Flat and straight. */
    private static final String PLAIN = "\"filters\": []";
    /** As different as a profile gets: inverted, delayed, boosted, high-passed and notched. */
    private static final String WILD = """
            "filters": [{"type": "highpass", "freqHz": 200, "order": 4, "align": "linkwitz-riley"},
                        {"type": "peaking", "freqHz": 1000, "q": 4, "gainDb": 12},
                        {"type": "notch", "freqHz": 440, "q": 2}],
            "delayMs": 7.3, "gainDb": 6, "invert": true""";

    @Test
    void switchingBetweenVeryDifferentProfilesDuringASineDoesNotClick() {
        int frames = FS;
        int[] sine = Signals.quantize(Signals.sine(FS, frames, 997, 0.25, 0.3));
        // Each profile alone, in steady state: the steepest steps the music itself takes.
        double[] plainAlone = run(graph(PLAIN), null, sine);
        double[] wildAlone = run(graph(WILD), null, sine);
        double fade = GraphSwitcher.withDefaultFade(graph(PLAIN)).fadeFrames();
        double largestDifference = 0;
        double instantSwitchJump = 0;
        // Skip the start-up transient of the graphs run alone; the switches happen later.
        int steady = FS / 10;
        for (int i = steady; i < frames; i++) {
            largestDifference = Math.max(largestDifference, Math.abs(wildAlone[i] - plainAlone[i]));
            instantSwitchJump = Math.max(instantSwitchJump, Math.abs(wildAlone[i] - plainAlone[i - 1]));
        }
        // During a linear fade each step adds at most one fade increment of the difference.
        double bound = Math.max(maxJump(plainAlone, steady), maxJump(wildAlone, steady))
                + largestDifference / fade + 4 * Q824.LSB;
        assertTrue(instantSwitchJump > 5 * bound, "the two profiles must differ enough for the test to mean anything");

        GraphSwitcher switcher = GraphSwitcher.withDefaultFade(graph(PLAIN));
        double[] switched = run(null, switcher, sine);
        assertTrue(!switcher.switching() && switcher.pollRetired() != null, "both switches must have completed");
        for (int i = steady; i < frames; i++) {
            double jump = Math.abs(switched[i] - switched[i - 1]);
            assertTrue(jump <= bound, "jump of " + jump + " at sample " + i + " exceeds " + bound);
        }
    }

    private static ProcessingGraph graph(String filters) {
        return GraphCompiler.compile(Profiles.stereo(FS, filters, filters), BLOCK);
    }

    /**
     * Runs the sine through a graph alone, or through a switcher that is offered the wild
     * profile at block 100 and the plain one again at block 250; returns the left output.
     */
    private static double[] run(ProcessingGraph alone, GraphSwitcher switcher, int[] sine) {
        int[][] in = new int[2][BLOCK];
        int[][] out = new int[2][BLOCK];
        double[] left = new double[sine.length];
        for (int at = 0, block = 0; at + BLOCK <= sine.length; at += BLOCK, block++) {
            if (switcher != null && block == 100) {
                assertNull(switcher.offer(graph(WILD)));
            }
            if (switcher != null && block == 250) {
                assertNull(switcher.offer(graph(PLAIN)));
            }
            System.arraycopy(sine, at, in[0], 0, BLOCK);
            System.arraycopy(sine, at, in[1], 0, BLOCK);
            if (switcher != null) {
                switcher.process(in, out, BLOCK);
            } else {
                alone.process(in, out, BLOCK);
            }
            for (int i = 0; i < BLOCK; i++) {
                left[at + i] = Q824.toDouble(out[0][i]);
            }
        }
        return left;
    }

    private static double maxJump(double[] x, int from) {
        double max = 0;
        for (int i = from; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - x[i - 1]));
        }
        return max;
    }

    @Test
    void retiredGraphComesBackOnceAndOffersOfAnotherShapeAreRefused() {
        ProcessingGraph a = GraphCompiler.compile(Profiles.stereo(FS, PLAIN, PLAIN), BLOCK);
        ProcessingGraph b = GraphCompiler.compile(Profiles.stereo(FS, WILD, PLAIN), BLOCK);
        GraphSwitcher switcher = new GraphSwitcher(a, 64);
        ProcessingGraph other = GraphCompiler.compile(Profiles.stereo(44100, PLAIN, PLAIN), BLOCK);
        assertThrows(IllegalArgumentException.class, () -> switcher.offer(other));
        switcher.offer(b);
        int[][] in = new int[2][BLOCK];
        int[][] out = new int[2][BLOCK];
        for (int i = 0; i < 100 && switcher.switching(); i++) {
            switcher.process(in, out, BLOCK);
        }
        assertSame(b, switcher.current());
        assertSame(a, switcher.pollRetired());
        assertNull(switcher.pollRetired());
    }

    @Test
    void switchingAllocatesNothingOnTheAudioThread() throws InterruptedException {
        ProcessingGraph a = GraphCompiler.compile(Profiles.reference(), BLOCK);
        ProcessingGraph b = GraphCompiler.compile(Profiles.reference(), BLOCK);
        GraphSwitcher switcher = GraphSwitcher.withDefaultFade(a);
        int[][] in = {Signals.quantize(Signals.whiteNoise(1, BLOCK, -12)), Signals.quantize(Signals.whiteNoise(2, BLOCK, -12))};
        int[][] out = new int[8][BLOCK];
        int[] blocks = {0};
        // Every 40 blocks the audio thread waits for a control thread to offer the other graph
        // (the fade takes 8 blocks and the warm-up under 3), so every measured batch of 200
        // blocks includes warm-ups, fades and hand-backs, and the offers, which allocate, are
        // made where they are in use: off the audio thread.
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger offered = new AtomicInteger();
        Thread control = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                int ask = asked.get();
                if (ask != offered.get()) {
                    switcher.offer(switcher.current() == a ? b : a);
                    switcher.pollRetired();
                    offered.set(ask);
                }
                Thread.onSpinWait();
            }
        });
        Runnable audio = () -> {
            if (blocks[0]++ % 40 == 0) {
                int ask = asked.incrementAndGet();
                while (offered.get() != ask) {
                    Thread.onSpinWait();
                }
            }
            switcher.process(in, out, BLOCK);
        };
        try {
            assertEquals(0, Allocation.bytesAllocatedBy(audio, 200));
        } finally {
            control.interrupt();
            control.join();
        }
        assertTrue(blocks[0] > 200 * 3, "measured batches ran");
    }

    /**
     * Once {@code switching()} turns false after an offer, the graph offered is the one
     * playing; a control thread polling it while the audio thread takes the offer never sees
     * the hand-over half done.
     */
    @Test
    void switchingEndsOnlyWhenTheOfferedGraphPlays() throws InterruptedException {
        ProcessingGraph a = GraphCompiler.compile(Profiles.stereo(FS, PLAIN, PLAIN), BLOCK);
        ProcessingGraph b = GraphCompiler.compile(Profiles.stereo(FS, PLAIN, PLAIN), BLOCK);
        GraphSwitcher switcher = new GraphSwitcher(a, 1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong blocks = new AtomicLong();
        Thread audio = Thread.ofPlatform().daemon().start(() -> {
            int[][] in = new int[2][BLOCK];
            int[][] out = new int[2][BLOCK];
            while (!done.get()) {
                switcher.process(in, out, BLOCK);
                blocks.incrementAndGet();
            }
        });
        try {
            int early = 0;
            for (int i = 0; i < 20_000; i++) {
                ProcessingGraph wanted = switcher.current() == a ? b : a;
                switcher.offer(wanted);
                while (switcher.switching()) {
                    Thread.onSpinWait();
                }
                if (switcher.current() != wanted) {
                    early++;
                }
                switcher.pollRetired();
            }
            assertEquals(0, early, "switches reported over before the offered graph played");
        } finally {
            done.set(true);
            audio.join();
        }
        assertTrue(blocks.get() >= 20_000, "every switch took at least one block");
    }
}
