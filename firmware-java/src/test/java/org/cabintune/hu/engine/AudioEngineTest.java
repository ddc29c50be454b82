package org.cabintune.hu.engine;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.loudness.CompensationDesign;
import org.cabintune.dsp.profile.Bus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioEngineTest {

    private static final int FS = 48000;
    private static final int PERIOD = 128;
    private static final double AMPLITUDE = 0.5;
    private static final double SINE_HZ = 1000;
    private static final int RAMP = 480;

    @TempDir
    Path dir;

    private static AudioEngine.Context sineInto(Sink sink, ProcessingGraph graph) {
        return new AudioEngine.Context().source(TestSignals.sine(2, FS, SINE_HZ, Q824.gainToDb(AMPLITUDE)))
                .sink(sink).graph(graph).periodFrames(PERIOD).warmupPeriods(200);
    }

    /** The largest step a ramped sine may take: its own slope plus one ramp step, plus rounding. */
    private static double allowedStep() {
        return 2 * AMPLITUDE * Math.sin(Math.PI * SINE_HZ / FS) + AMPLITUDE / RAMP + 2 * Q824.LSB;
    }

    /** A shutdown that comes before the start closes the devices; the start is then refused. */
    @Test
    void anEngineStoppedBeforeItStartsDoesNotStart() throws Exception {
        AudioEngine engine = AudioEngine.create(sineInto(new NullSink(2, FS), Graphs.identity(PERIOD)));
        assertTrue(engine.stop());
        IllegalStateException e = assertThrows(IllegalStateException.class, engine::start);
        assertEquals("the engine was stopped before it started", e.getMessage());
        assertEquals(0, engine.stats().periods());
        assertFalse(engine.stats().running());
    }

    @Test
    void startsAndStopsOnExactSilenceAndNeverStepsBeyondTheRamp() throws Exception {
        Path out = dir.resolve("out.wav");
        AudioEngine engine = AudioEngine.create(sineInto(WavFiles.recorder(out, 2, FS, 32, true), Graphs.identity(PERIOD)));
        engine.start();
        Thread.sleep(150);
        assertTrue(engine.setVolumeDb(-20));
        Thread.sleep(100);
        assertTrue(engine.mute());
        Thread.sleep(100);
        assertTrue(engine.unmute());
        assertTrue(engine.setVolumeDb(0));
        Thread.sleep(100);
        assertTrue(engine.stop());
        EngineStats stats = engine.stats();
        assertFalse(stats.running());
        assertEquals(4, stats.controlsApplied());

        int[][] y = Graphs.readWav(out);
        int n = y[0].length;
        assertEquals(stats.framesProcessed(), n);
        for (int[] channel : y) {
            for (int i = 0; i < 2 * PERIOD; i++) {
                assertEquals(0, channel[i], "the stream starts on exact silence, frame " + i);
            }
            for (int i = n - 2 * PERIOD; i < n; i++) {
                assertEquals(0, channel[i], "the stream ends on exact silence, frame " + i);
            }
            double peak = 0;
            int mutedRun = 0;
            int longestMutedRun = 0;
            for (int i = 1; i < n; i++) {
                double step = Math.abs(Q824.toDouble(channel[i]) - Q824.toDouble(channel[i - 1]));
                assertTrue(step <= allowedStep(), "step " + step + " at frame " + i + " exceeds " + allowedStep());
                peak = Math.max(peak, Math.abs(Q824.toDouble(channel[i])));
                mutedRun = channel[i] == 0 ? mutedRun + 1 : 0;
                longestMutedRun = Math.max(longestMutedRun, mutedRun);
            }
            assertEquals(AMPLITUDE, peak, 1e-6, "the volume reaches 0 dB");
            assertTrue(longestMutedRun > FS / 20 && longestMutedRun < n / 2, "mute holds exact silence: " + longestMutedRun);
        }
    }

    @Test
    void rampsUpOverTheRampAfterTheSilentStart() throws Exception {
        Path out = dir.resolve("ramp.wav");
        AudioEngine engine = AudioEngine.create(sineInto(WavFiles.recorder(out, 2, FS, 32, true), Graphs.identity(PERIOD)));
        engine.start();
        Thread.sleep(60);
        engine.stop();
        int[] y = Graphs.readWav(out)[0];
        int first = 0;
        while (y[first] == 0) {
            first++;
        }
        assertEquals(2 * PERIOD, first, "two silent periods, then the ramp; the sine is 0 at its start");
        double rampPeak = 0;
        for (int i = first; i < first + RAMP / 2; i++) {
            rampPeak = Math.max(rampPeak, Math.abs(Q824.toDouble(y[i])));
        }
        assertTrue(rampPeak < AMPLITUDE * 0.51, "half way up the ramp the gain is still about one half: " + rampPeak);
    }

    @Test
    void swapsGraphsWhileRunningWithoutAStep() throws Exception {
        Path out = dir.resolve("swap.wav");
        AudioEngine engine = AudioEngine.create(sineInto(WavFiles.recorder(out, 2, FS, 32, true), Graphs.identity(PERIOD)));
        engine.start();
        Thread.sleep(50);
        assertEquals(null, engine.swapGraph(Graphs.identity(PERIOD, -6.0206)));
        Thread.sleep(20);
        long until = System.nanoTime() + 2_000_000_000L;
        while (engine.switching() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertFalse(engine.switching(), "the swap completes");
        Thread.sleep(20);
        assertThrows(IllegalArgumentException.class, () -> engine.swapGraph(Graphs.reference(PERIOD, -6)),
                "a graph of another shape is refused on the caller's thread");
        engine.stop();
        int[] y = Graphs.readWav(out)[0];
        double before = 0;
        for (int i = 2 * PERIOD + RAMP; i < 2 * PERIOD + RAMP + 960; i++) {
            before = Math.max(before, Math.abs(Q824.toDouble(y[i])));
        }
        double after = 0;
        int end = y.length - 2 * PERIOD - RAMP - PERIOD;
        for (int i = end - 960; i < end; i++) {
            after = Math.max(after, Math.abs(Q824.toDouble(y[i])));
        }
        assertEquals(AMPLITUDE, before, 1e-4);
        assertEquals(AMPLITUDE / 2, after, 1e-3, "the new graph plays 6 dB lower");
        for (int i = 1; i < y.length; i++) {
            assertTrue(Math.abs(Q824.toDouble(y[i]) - Q824.toDouble(y[i - 1])) <= allowedStep(), "cross-fade step at " + i);
        }
    }

    @Test
    void theVolumeReachesTheLoudnessCompensation() throws Exception {
        Path out = dir.resolve("compensated.wav");
        double bassDbfs = -20;
        AudioEngine engine = AudioEngine.create(new AudioEngine.Context()
                .source(TestSignals.sine(2, FS, 50, bassDbfs)).sink(WavFiles.recorder(out, 2, FS, 32, true))
                .graph(Graphs.compensated(PERIOD)).periodFrames(PERIOD).warmupPeriods(200).volumeDb(-30));
        engine.start();
        Thread.sleep(400);
        assertTrue(engine.setVolumeDb(0));
        Thread.sleep(400);
        engine.stop();
        int[] y = Graphs.readWav(out)[0];
        CompensationDesign design = CompensationDesign.of(new Bus.LoudnessCompensation(80, 0, 12), FS);
        // At -30 dB the bass is lifted by the set for 50 phon from the start; at 0 dB it is flat.
        double lifted = design.responseDb(design.indexForVolume(-30), 50);
        assertTrue(lifted > 9, "50 Hz lifted by " + lifted + " dB at -30 dB");
        assertEquals(bassDbfs - 30 + lifted, levelDbfs(y, 2 * PERIOD + FS / 10, FS / 4), 0.05);
        int end = y.length - 2 * PERIOD - RAMP - PERIOD;
        assertEquals(bassDbfs, levelDbfs(y, end - FS / 5, end), 0.05);
    }

    /** Peak level of a steady tone over [from, to), dBFS. */
    private static double levelDbfs(int[] y, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(Q824.toDouble(y[i])));
        }
        return Q824.gainToDb(peak);
    }

    @Test
    void aFailingSinkEndsTheStreamAndIsReported() throws Exception {
        Sink failing = new Sink() {
            private int writes;

            @Override
            public int channels() {
                return 2;
            }

            @Override
            public void write(int[][] block, int frames) throws IOException {
                if (++writes == 50) {
                    throw new IOException("device unplugged");
                }
            }
        };
        AudioEngine engine = AudioEngine.create(sineInto(failing, Graphs.identity(PERIOD)));
        engine.start();
        long until = System.nanoTime() + 2_000_000_000L;
        while (engine.stats().failure() == null && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        EngineStats stats = engine.stats();
        assertNotNull(stats.failure());
        assertTrue(stats.failure().contains("device unplugged"), stats.failure());
        assertFalse(stats.running());
        assertEquals(49, stats.periods());
        assertTrue(engine.stop());
    }

    @Test
    void contextNamesTheSettingThatIsWrong() {
        ProcessingGraph graph = Graphs.identity(PERIOD);
        check("source is required", c -> c.source(null));
        check("periodFrames = 16 is outside 32..1024", c -> c.periodFrames(16));
        check("graph was compiled for blocks of 128 frames, fewer than periodFrames = 256", c -> c.periodFrames(256));
        check("sink has 8 channel(s) but the graph has 2 output(s); give a channelMap", c -> c.sink(new NullSink(8, FS)));
        check("channelMap[1] = 2 is outside -1..1", c -> c.channelMap(0, 2));
        check("source has 1 channel(s) but the graph has 2 input(s)", c -> c.source(TestSignals.sine(1, FS, 100, -6)));
        check("queueCapacity = 100 is not a power of two", c -> c.queueCapacity(100));
        check("rampMs = 0.0 is outside 1.0..1000.0", c -> c.rampMs(0));
        check("realtimePriority = 100 is outside 0..99", c -> c.realtimePriority(100));
        check("volumeDb", c -> c.volumeDb(0.5));
        AudioEngine.Context ok = sineInto(new NullSink(8, FS), graph).channelMap(0, 1, -1, -1, -1, -1, 1, 0).conclude();
        assertEquals(8, ok.channelMap().length);
    }

    private static void check(String message, Consumer<AudioEngine.Context> change) {
        AudioEngine.Context context = sineInto(new NullSink(2, FS), Graphs.identity(PERIOD));
        change.accept(context);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, context::conclude);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void refusesBadCommandsOnTheCallersThread() throws Exception {
        AudioEngine engine = AudioEngine.create(sineInto(new NullSink(2, FS), Graphs.identity(PERIOD)));
        assertThrows(IllegalArgumentException.class, () -> engine.setVolumeDb(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> engine.setVolumeDb(0.1), "above 0 dB could pass a ceiling");
        assertThrows(IllegalArgumentException.class, () -> engine.seek(-1));
        assertThrows(IllegalArgumentException.class, () -> engine.loop(100, 100));
        engine.close();
    }
}
