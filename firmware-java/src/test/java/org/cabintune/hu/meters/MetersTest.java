package org.cabintune.hu.meters;

import com.fasterxml.jackson.databind.JsonNode;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.engine.EngineStats;
import org.cabintune.hu.engine.HotClassesTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetersTest {

    private static final int FS = 48000;
    private static final int PERIOD = 128;
    private static final List<BoardConfig.Output> SPEAKERS = List.of(
            new BoardConfig.Output(0, "front-left", "fullrange", -1.0, 60.0),
            new BoardConfig.Output(1, "front-right", "fullrange", -1.0, 60.0),
            new BoardConfig.Output(3, "subwoofer", "subwoofer", -1.0, 20.0));

    /** Engine counters as after {@code periods} periods at a mean load of {@code load}. */
    private static EngineStats stats(long periods, double load) {
        return new EngineStats(true, FS, PERIOD, periods, periods * PERIOD, 2, 1, load, 0.4, 1000, 0, 0, 0, 0, 0, null, 0, 0, 0);
    }

    /**
     * A -20 dBFS 1 kHz sine on both programme channels reads -20.0 LUFS momentary, short-term and
     * integrated (a stereo 1 kHz sine reads its level in dBFS: EBU Tech 3341's first test is
     * the same at -23), and its true and sample peaks are -20 dB. The outputs carry the sine at
     * -20 and -26 dBFS and silence: peaks at the sine's level, RMS 3.01 dB lower, silence
     * -inf (null in JSON).
     */
    @Test
    void aMinus20DbfsSineReadsMinus20Lufs() {
        MeterTap tap = new MeterTap(FS, 2, 4, PERIOD);
        int[] sine = Signals.quantize(Signals.sine(FS, 5 * FS, 1000, 0.1, 0));
        int[] quieter = Signals.quantize(Signals.sine(FS, 5 * FS, 1000, Math.pow(10, -26 / 20.0), 0));
        int[][] in = new int[2][PERIOD];
        int[][] out = new int[4][PERIOD];
        for (int at = 0; at + PERIOD <= sine.length; at += PERIOD) {
            System.arraycopy(sine, at, in[0], 0, PERIOD);
            System.arraycopy(sine, at, in[1], 0, PERIOD);
            System.arraycopy(sine, at, out[0], 0, PERIOD);
            System.arraycopy(quieter, at, out[1], 0, PERIOD);
            tap.programme(in, PERIOD);
            tap.output(out, PERIOD);
        }
        Meters meters = new Meters(tap, () -> stats(1875, 0.05), () -> "Driver", "sine", SPEAKERS);
        MeterSnapshot s = meters.snapshot();
        assertEquals(-20.0, s.momentaryLufs(), 0.02);
        assertEquals(-20.0, s.shortTermLufs(), 0.02);
        assertEquals(-20.0, s.integratedLufs(), 0.02);
        assertEquals(-20.0, s.truePeakDbtp(), 0.02);
        assertEquals(-20.0, s.samplePeakDbfs(), 0.001);
        assertEquals(5.0, s.seconds(), 1e-9);
        MeterSnapshot.OutputLevel left = s.outputs().get(0);
        assertEquals(-20.0, left.peakDbfs(), 0.001);
        assertEquals(-23.01, left.rmsDbfs(), 0.01);
        assertEquals(-26.0, s.outputs().get(1).peakDbfs(), 0.001);
        assertEquals(-29.01, s.outputs().get(1).rmsDbfs(), 0.01);
        assertEquals(new MeterSnapshot.OutputLevel("subwoofer", 3, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY),
                s.outputs().get(2));

        JsonNode json = s.toJson();
        assertEquals("Driver", json.get("profile").asText());
        assertEquals(-20.0, json.get("programme").get("integratedLufs").asDouble(), 0.02);
        assertEquals("front-right", json.get("outputs").get(1).get("speaker").asText());
        assertTrue(json.get("outputs").get(2).get("peakDbfs").isNull(), "silence is null, not -Infinity");
        assertEquals(0.05, json.get("dspLoad").asDouble(), 1e-12);
        assertEquals(2, json.get("xruns").asLong());
    }

    @Test
    void theDspLoadIsTheMeanSinceThePreviousSnapshot() {
        MeterTap tap = new MeterTap(FS, 2, 4, PERIOD);
        AtomicReference<EngineStats> now = new AtomicReference<>(stats(1000, 0.10));
        Meters meters = new Meters(tap, now::get, () -> "Driver", "sine", SPEAKERS);
        assertEquals(0.10, meters.snapshot().dspLoad(), 1e-12);
        now.set(stats(3000, 0.20));
        assertEquals(0.25, meters.snapshot().dspLoad(), 1e-12, "(0.2 * 3000 - 0.1 * 1000) / 2000");
        assertEquals(0.25, meters.snapshot().dspLoad(), 1e-12, "no new period: the last mean stays");
    }

    /**
     * A reader never mixes two periods: while a writer taps periods as fast as it can, every
     * reading's programme and outputs were metered over the same number of frames. (Without the
     * tap's version check a reader sees mixed readings whenever it reads while the output meter
     * runs: a few times in this test on a loaded two-core machine, thousands on an idle one.)
     */
    @Test
    void aReadingNeverMixesTwoPeriods() throws Exception {
        MeterTap tap = new MeterTap(FS, 2, 8, PERIOD);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            int[][] in = new int[2][PERIOD];
            int[][] out = new int[8][PERIOD];
            for (int k = 0; !stop.get(); k++) {
                int level = (k % 1000) << 12;
                for (int[] c : in) {
                    java.util.Arrays.fill(c, level);
                }
                for (int[] c : out) {
                    java.util.Arrays.fill(c, level);
                }
                tap.programme(in, PERIOD);
                tap.output(out, PERIOD);
            }
        });
        writer.start();
        long reads = 0;
        long until = System.nanoTime() + 500_000_000L;
        try {
            while (System.nanoTime() < until) {
                MeterTap.Readings r = tap.read();
                assertEquals(r.programme().frames(), r.outputFrames(), "one period's programme and outputs");
                reads++;
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertTrue(reads > 100, "reads: " + reads);
    }

    @Test
    void theTapAllocatesNothing() {
        MeterTap tap = new MeterTap(FS, 2, 8, PERIOD);
        int[][] in = {Signals.quantize(Signals.whiteNoise(1, PERIOD, -20)), Signals.quantize(Signals.whiteNoise(2, PERIOD, -20))};
        int[][] out = new int[8][];
        for (int c = 0; c < 8; c++) {
            out[c] = Signals.quantize(Signals.whiteNoise(3 + c, PERIOD, -12));
        }
        assertEquals(0, Allocation.bytesAllocatedBy(() -> {
            tap.programme(in, PERIOD);
            tap.output(out, PERIOD);
        }, 5000));
    }

    @ParameterizedTest
    @ValueSource(classes = {MeterTap.class, TappedSource.class, TappedSink.class})
    void holdsNoStringConstants(Class<?> hot) throws IOException {
        assertEquals(List.of(), HotClassesTest.strings(hot), hot.getSimpleName() + " string constants");
    }

    @Test
    void aSpeakerBeyondTheTapsChannelsIsRefused() {
        MeterTap tap = new MeterTap(FS, 2, 2, PERIOD);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Meters(tap, () -> stats(0, 0), () -> "x", "sine", SPEAKERS));
        assertEquals("speaker subwoofer is on channel 3 but the tap meters 2 channel(s)", e.getMessage());
    }
}
