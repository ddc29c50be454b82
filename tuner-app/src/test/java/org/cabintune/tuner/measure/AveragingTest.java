package org.cabintune.tuner.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AveragingTest {

    private static final double[] HZ = {100, 200, 400, 800, 1600, 3200};
    private static final double[] NONE = new double[HZ.length];

    @Test
    void rmsAverageAlignsLevelsBeforeAveragingPower() {
        FrequencyResponse a = new FrequencyResponse(HZ, new double[] {70, 70, 70, 70, 70, 70}, NONE, NONE);
        // The same shape 6 dB louder, with a 10 dB dip at 3.2 kHz outside the alignment band.
        FrequencyResponse b = new FrequencyResponse(HZ, new double[] {76, 76, 76, 76, 76, 66}, NONE, NONE);
        FrequencyResponse avg = Averaging.rms(List.of(a, b), 150, 2000);
        for (int i = 0; i < 5; i++) {
            assertEquals(70, avg.db()[i], 1e-9);
        }
        // Power mean of 70 dB and 60 dB.
        assertEquals(10 * Math.log10((1e7 + 1e6) / 2), avg.db()[5], 1e-9);
    }

    @Test
    void vectorAverageCancelsWhatIsOutOfPhase() {
        Transfer a = new Transfer(1, new double[] {1, 1, 0}, new double[] {0, 0, 2});
        Transfer b = new Transfer(1, new double[] {1, -1, 0}, new double[] {0, 0, 2});
        Transfer v = Averaging.vector(List.of(a, b));
        assertArrayEquals(new double[] {1, 0, 0}, v.re(), 0);
        assertArrayEquals(new double[] {0, 0, 2}, v.im(), 0);
    }
}
