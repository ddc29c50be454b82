package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoudnessMeterTest {

    /**
     * Five seconds that exercise every reading: loud stereo noise, a sweep on one channel, a
     * quiet stretch, and an inter-sample crest.
     */
    private static int[][] programme(int fs) {
        int quarter = fs * 5 / 4;
        double[] left = Signals.concat(Signals.whiteNoise(1, quarter, -20),
                Signals.logSweep(fs, quarter, 30, 0.45 * fs, 0.5),
                Signals.whiteNoise(2, quarter, -45),
                Signals.sine(fs, quarter, fs / 4.0, 0.7, Math.PI / 4));
        double[] right = Signals.concat(Signals.whiteNoise(3, quarter, -23), new double[quarter],
                Signals.whiteNoise(4, quarter, -50), Signals.sine(fs, quarter, 1000, 0.1, 0));
        return new int[][] {Signals.quantize(left), Signals.quantize(right)};
    }

    /** Block lengths cycled through: state must carry across calls of any size. */
    private static final int[] BLOCKS = {128, 1, 37, 4096, 480, 5000, 64};

    private static LoudnessReadings meter(LoudnessMeter meter, int[][] input, int[] blocks) {
        int frames = input[0].length;
        int[][] view = new int[input.length][];
        for (int at = 0, b = 0; at < frames; b++) {
            int n = Math.min(blocks[b % blocks.length], frames - at);
            for (int c = 0; c < input.length; c++) {
                view[c] = Arrays.copyOfRange(input[c], at, at + n);
            }
            meter.process(view, n);
            at += n;
        }
        return meter.readings();
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {44100, 48000, 88200, 96000})
    void tracksItsDoubleTwin(int fs) {
        int[][] input = programme(fs);
        LoudnessParams params = LoudnessParams.of(fs, 2);
        LoudnessReadings fixed = meter(new LoudnessMeter(params), input, BLOCKS);
        LoudnessMeterReference twin = new LoudnessMeterReference(params);
        twin.process(new double[][] {Signals.toDouble(input[0]), Signals.toDouble(input[1])}, input[0].length);
        LoudnessReadings reference = twin.readings();
        assertAll(
                () -> assertEquals(reference.momentaryLufs(), fixed.momentaryLufs(), 1e-4, "momentary"),
                () -> assertEquals(reference.shortTermLufs(), fixed.shortTermLufs(), 1e-4, "short-term"),
                () -> assertEquals(reference.integratedLufs(), fixed.integratedLufs(), 1e-4, "integrated"),
                () -> assertEquals(reference.loudnessRangeLu(), fixed.loudnessRangeLu(), 1e-4, "range"),
                () -> assertEquals(reference.maxMomentaryLufs(), fixed.maxMomentaryLufs(), 1e-4, "max momentary"),
                () -> assertEquals(reference.maxShortTermLufs(), fixed.maxShortTermLufs(), 1e-4, "max short-term"),
                () -> assertEquals(reference.samplePeakDbfs(), fixed.samplePeakDbfs(), 0.0, "sample peak"),
                () -> assertEquals(reference.truePeakDbtp(), fixed.truePeakDbtp(), 1e-4, "true peak"),
                () -> assertEquals(reference.frames(), fixed.frames()),
                () -> assertTrue(fixed.truePeakDbtp() > fixed.samplePeakDbfs() + 2, "the fs/4 crest lies between samples"),
                () -> assertTrue(fixed.loudnessRangeLu() > 5, "the quiet stretch widens the range"));
    }

    @Test
    void blockLengthDoesNotChangeTheReadings() {
        int[][] input = programme(48000);
        LoudnessReadings a = meter(new LoudnessMeter(LoudnessParams.of(48000, 2)), input, new int[] {4096});
        LoudnessReadings b = meter(new LoudnessMeter(LoudnessParams.of(48000, 2)), input, BLOCKS);
        LoudnessReadings c = meter(new LoudnessMeter(LoudnessParams.of(48000, 2)), input, new int[] {1_000_000});
        for (LoudnessReadings other : List.of(b, c)) {
            assertEquals(a.integratedLufs(), other.integratedLufs(), 1e-9);
            assertEquals(a.loudnessRangeLu(), other.loudnessRangeLu(), 1e-9);
            assertEquals(a.maxMomentaryLufs(), other.maxMomentaryLufs(), 1e-9);
            assertEquals(a.maxShortTermLufs(), other.maxShortTermLufs(), 1e-9);
            assertEquals(a.truePeakDbtp(), other.truePeakDbtp(), 0.0);
            assertEquals(a.samplePeakDbfs(), other.samplePeakDbfs(), 0.0);
        }
    }

    @Test
    void leavesTheSignalUntouched() {
        int[][] input = programme(48000);
        int[][] copy = Signals.copy(input);
        new LoudnessMeter(LoudnessParams.of(48000, 2)).process(input, input[0].length);
        assertArrayEquals(copy[0], input[0]);
        assertArrayEquals(copy[1], input[1]);
    }

    @Test
    void processAllocatesNothing() {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(48000, 6));
        int[][] block = new int[6][1500];
        for (int[] channel : block) {
            System.arraycopy(Signals.quantize(Signals.whiteNoise(5, 1500, -20)), 0, channel, 0, 1500);
        }
        // Lengths that cross sub-block, gating-block and chunk boundaries.
        int[] lengths = {128, 1500, 7};
        int[] call = {0};
        long bytes = Allocation.bytesAllocatedBy(() -> meter.process(block, lengths[call[0]++ % 3]), 600);
        assertEquals(0, bytes, "bytes allocated by process");
    }

    @Test
    void silenceHasNoLoudnessAndNoPeak() {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(48000, 2));
        meter.process(new int[2][48000 * 4], 48000 * 4);
        LoudnessReadings r = meter.readings();
        assertAll(
                () -> assertEquals(Double.NEGATIVE_INFINITY, r.momentaryLufs()),
                () -> assertEquals(Double.NEGATIVE_INFINITY, r.shortTermLufs()),
                () -> assertEquals(Double.NEGATIVE_INFINITY, r.integratedLufs()),
                () -> assertTrue(Double.isNaN(r.loudnessRangeLu())),
                () -> assertEquals(Double.NEGATIVE_INFINITY, r.samplePeakDbfs()),
                () -> assertEquals(Double.NEGATIVE_INFINITY, r.truePeakDbtp()),
                () -> assertEquals(Double.NEGATIVE_INFINITY, r.maxMomentaryLufs()),
                () -> assertEquals(48000L * 4, r.frames()));
    }

    @Test
    void resetStartsAFreshMeasurement() {
        int[][] input = programme(48000);
        LoudnessMeter used = new LoudnessMeter(LoudnessParams.of(48000, 2));
        used.process(Signals.copy(input), input[0].length);
        used.reset();
        assertEquals(0, used.readings().frames());
        assertEquals(Double.NEGATIVE_INFINITY, used.readings().integratedLufs());
        LoudnessReadings again = meter(used, input, new int[] {4096});
        LoudnessReadings fresh = meter(new LoudnessMeter(LoudnessParams.of(48000, 2)), input, new int[] {4096});
        assertEquals(fresh, again);
    }

    /** BS.1770 leaves the LFE channel out: a loud LFE changes peaks, not loudness. */
    @Test
    void lowFrequencyEffectsChannelIsNotMeasured() {
        int fs = 48000;
        Programme quietLfe = new Programme(fs, 6).tone(5, -20, -20, -20, Double.NEGATIVE_INFINITY, -25, -25);
        Programme loudLfe = new Programme(fs, 6).tone(5, -20, -20, -20, 0, -25, -25);
        LoudnessReadings a = quietLfe.measure(LoudnessParams.of(fs, 6));
        LoudnessReadings b = loudLfe.measure(LoudnessParams.of(fs, 6));
        assertEquals(a.integratedLufs(), b.integratedLufs(), 0.0);
        assertEquals(0.0, b.samplePeakDbfs(), 0.01);
    }

    /**
     * A display thread reads while the audio thread publishes: every snapshot is one whole
     * period's readings. With a tone rising 1 dB per period, a torn snapshot would pair a
     * period's frame count with another period's level.
     */
    @Test
    void readersOnAnotherThreadNeverSeeATornSnapshot() throws InterruptedException {
        int fs = 48000;
        int period = 4800;
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(fs, 1));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            long reads = 0;
            while (!done.get() || reads < 1000) {
                LoudnessReadings r = meter.readings();
                reads++;
                long periods = r.frames() / period;
                if (r.frames() % period != 0) {
                    problem.set("frames " + r.frames() + " is not a whole number of periods");
                } else if (periods > 0) {
                    // Sample peak of period k (1-based) is the tone's amplitude: -40 + k dBFS.
                    double expected = -40 + periods;
                    if (Math.abs(r.samplePeakDbfs() - expected) > 0.01) {
                        problem.set("after " + periods + " periods the sample peak is " + r.samplePeakDbfs());
                    }
                }
            }
        });
        reader.start();
        int[][] block = new int[1][period];
        for (int k = 1; k <= 40; k++) {
            double amplitude = Q824.dbToGain(-40 + k);
            for (int n = 0; n < period; n++) {
                block[0][n] = Q824.fromDouble(amplitude * Math.sin(2 * Math.PI * n / 4 + Math.PI / 2));
            }
            meter.process(block, period);
        }
        done.set(true);
        reader.join();
        assertEquals(null, problem.get());
    }

    @Test
    void refusesParametersItCannotMeterWith() {
        assertThrows(IllegalArgumentException.class, () -> LoudnessParams.of(44_000 + 50, 2));
        assertThrows(IllegalArgumentException.class, () -> LoudnessParams.of(48000, 0.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> LoudnessParams.of(48000, 1.0, 2.5));
        assertThrows(IllegalArgumentException.class, () -> LoudnessParams.of(48000, 0));
        String message = assertThrows(IllegalArgumentException.class, () -> LoudnessParams.of(48000, 1.0, -1.0))
                .getMessage();
        assertTrue(message.contains("channelWeights[1]"), message);
    }
}
