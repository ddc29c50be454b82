package org.cabintune.hu.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.cabintune.dsp.testing.Allocation;
import org.junit.jupiter.api.Test;

/**
 * The switch between programme and test signal, block by block: each sample of a ramp is the
 * source's own sample times the ramp's gain (held to twin sources that give the same samples),
 * nothing steps, the switch is taken at a block boundary, and nothing is allocated.
 */
class SwitchableSourceTest {

    private static final int FS = 48000;
    private static final int BLOCK = 128;
    private static final int RAMP = 480;

    @Test
    void rampsTheProgrammeDownAndTheSignalUpWithoutAStep() throws IOException {
        SwitchableSource s = new SwitchableSource(TestSignals.sine(2, FS, 100, -6), RAMP, BLOCK);
        TestSignalSource programmeTwin = TestSignals.sine(2, FS, 100, -6);
        TestSignalSource signal = TestSignals.sine(2, FS, 1000, -10);
        TestSignalSource signalTwin = TestSignals.sine(2, FS, 1000, -10);
        int[][] block = new int[2][BLOCK];
        int[][] twin = new int[2][BLOCK];
        read(s, programmeTwin, block, twin, 10);
        for (int i = 0; i < BLOCK; i++) {
            assertEquals(twin[0][i], block[0][i], "steady programme");
        }
        s.play(signal);
        assertFalse(s.plays(signal), "taken only at the next block");
        // Ramp down over RAMP frames: four blocks (the fourth ends at gain 0 after 32 frames).
        int gain = RAMP;
        int previous = block[0][BLOCK - 1];
        int maxStep = 0;
        int blocksDown = (RAMP + BLOCK - 1) / BLOCK;
        for (int b = 0; b < blocksDown; b++) {
            assertEquals(BLOCK, s.read(block, BLOCK));
            programmeTwin.read(twin, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                assertEquals((int) ((long) twin[0][i] * gain / RAMP), block[0][i], "ramp down, frame " + i);
                assertEquals(block[0][i], block[1][i]);
                gain = Math.max(0, gain - 1);
                maxStep = Math.max(maxStep, Math.abs(block[0][i] - previous));
                previous = block[0][i];
            }
        }
        assertTrue(s.plays(signal), "the signal plays after the ramp down");
        // Ramp up from silence.
        gain = 0;
        for (int b = 0; b < blocksDown + 1; b++) {
            s.read(block, BLOCK);
            signalTwin.read(twin, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                assertEquals((int) ((long) twin[0][i] * gain / RAMP), block[0][i], "ramp up, frame " + i);
                gain = Math.min(RAMP, gain + 1);
                maxStep = Math.max(maxStep, Math.abs(block[0][i] - previous));
                previous = block[0][i];
            }
        }
        // The largest step is the 1 kHz sine's own at -10 dBFS: 2 pi 1000 / 48000 x 0.316 of full scale.
        double sineStep = 2 * Math.PI * 1000 / FS * Math.pow(10, -10 / 20.0) * (1 << 24);
        assertTrue(maxStep <= sineStep * 1.01, "largest step " + maxStep + " vs the sine's " + sineStep);
        s.stop();
        s.read(block, BLOCK);
        assertTrue(s.plays(signal), "still ramping the signal down");
        read(s, signalTwin, block, twin, 4);
        assertTrue(s.programmePlays(), "the programme is back");
    }

    @Test
    void refusesASignalOfOtherChannelsAndAllocatesNothing() {
        SwitchableSource s = new SwitchableSource(TestSignals.sine(2, FS, 100, -6), RAMP, BLOCK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.play(TestSignals.sine(1, FS, 100, -6)));
        assertEquals("signal.channels = 1 differs from the programme's 2", e.getMessage());
        TestSignalSource signal = TestSignals.pink(2, FS, -20, 1);
        int[][] block = new int[2][BLOCK];
        int[] n = {0};
        assertEquals(0, Allocation.bytesAllocatedBy(() -> {
            if (n[0]++ % 16 == 0) {
                if (s.programmePlays()) {
                    s.play(signal);
                } else {
                    s.stop();
                }
            }
            try {
                s.read(block, BLOCK);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }, 20_000));
    }

    private static void read(SwitchableSource s, Source twinSource, int[][] block, int[][] twin, int blocks)
            throws IOException {
        for (int b = 0; b < blocks; b++) {
            s.read(block, BLOCK);
            twinSource.read(twin, BLOCK);
        }
    }
}
