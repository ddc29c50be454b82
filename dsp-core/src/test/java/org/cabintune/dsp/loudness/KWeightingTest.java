package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KWeightingTest {

    /** ITU-R BS.1770-5 Annex 1, Tables 1 and 2: the two stages at 48 kHz. */
    private static final double[] SHELF_48K = {1.53512485958697, -2.69169618940638, 1.19839281085285,
        -1.69065929318241, 0.73248077421585};
    private static final double[] HIGHPASS_48K = {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};

    @Test
    void derivedCoefficientsAt48kHzAreTheRecommendationsTable() {
        assertCoefficients(SHELF_48K, KWeighting.shelf(48000));
        assertCoefficients(HIGHPASS_48K, KWeighting.highpass(48000));
    }

    private static void assertCoefficients(double[] expected, BiquadCoefficients actual) {
        double[] a = {actual.b0(), actual.b1(), actual.b2(), actual.a1(), actual.a2()};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], a[i], 1e-8, "coefficient " + i + " of " + actual);
        }
    }

    /**
     * The same analog filter at every rate: the magnitude at each frequency matches the 48 kHz
     * design's within 0.05 dB from 10 Hz to 16 kHz. (Not to 0: the bilinear transform is exact
     * only at the pre-warped corner, so each rate bends the shelf's slope a little differently;
     * libebur128 and ffmpeg derive their filters the same way and differ the same.)
     */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {44100, 88200, 96000, 32000})
    void responseIsTheSameAtEveryRate(int fs) {
        List<BiquadCoefficients> reference = KWeighting.design(48000);
        List<BiquadCoefficients> other = KWeighting.design(fs);
        double worst = 0;
        for (double f = 10; f <= Math.min(16000, 0.45 * fs); f *= Math.pow(2, 1.0 / 12)) {
            double difference = BiquadCoefficients.magnitudeDb(other, f, fs)
                    - BiquadCoefficients.magnitudeDb(reference, f, 48000);
            worst = Math.max(worst, Math.abs(difference));
        }
        System.out.println(String.format(java.util.Locale.ROOT, "K-weighting at %d Hz: largest difference from 48 kHz %.4f dB", fs, worst));
        assertTrue(worst < 0.05, "largest difference from the 48 kHz response: " + worst + " dB");
    }

    /**
     * The constant -0.691 in BS.1770's loudness formula cancels the K-weighting's gain at
     * 997 Hz, so that a 997 Hz sine at 0 dBFS in one channel reads -3.01 LUFS. That holds at
     * every rate within 0.02 dB, for the designed and for the fixed-point (Q5.59) sections.
     */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {44100, 48000, 88200, 96000})
    void gainAt997HzIsTheLoudnessOffset(int fs) {
        assertEquals(0.691, BiquadCoefficients.magnitudeDb(KWeighting.design(fs), 997, fs), 0.02);
        List<BiquadCoefficients> realized = LoudnessMeter.kWeightingSections(fs).stream()
                .map(QuantizedBiquad::realized).toList();
        assertEquals(BiquadCoefficients.magnitudeDb(KWeighting.design(fs), 997, fs),
                BiquadCoefficients.magnitudeDb(realized, 997, fs), 1e-9);
    }

    @Test
    void shelfLiftsHighFrequenciesByFourDecibels() {
        assertEquals(4.0, KWeighting.shelf(48000).magnitudeDb(10000, 48000), 0.1);
        assertEquals(0.0, KWeighting.shelf(48000).magnitudeDb(20, 48000), 0.01);
        assertTrue(KWeighting.highpass(48000).magnitudeDb(20, 48000) < -10, "the RLB high-pass cuts 20 Hz");
    }
}
