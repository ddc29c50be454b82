package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.cabintune.dsp.ReferenceBlock;
import org.cabintune.dsp.dynamics.MultibandParams.Detection;
import org.cabintune.dsp.testing.Phasor;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steady sines at levels below, across and above the knee: the output level must follow the
 * static curve written out here from Giannoulis, Massberg and Reiss (2012), eq. (4), in dB,
 * independently of {@link CompressorDesign}.
 *
 * <p>Set-up: two bands split at 200 Hz, the low band at unity; the tone (about 2 kHz) sits
 * 3.3 octaves above the split, where the LR4 high-pass passes it within 0.0005 dB and the
 * low-pass leaves it 80 dB down. RMS uses a 10 ms window, 20 whole cycles of a 2 kHz tone, so
 * its level has no ripple at all. Peak detection uses a 0.1 ms attack and a 5 s release, so
 * the smoothed reduction holds the crests, and a 1998 Hz tone, whose samples drift across
 * its crest instead of repeating the same 24 phases every cycle; what remains is the design's
 * own behaviour (the reduction charges only near the crest and droops between crests), a few
 * hundredths of a dB.
 */
class CompressorStaticCurveTest {

    private static final double SPLIT_HZ = 200;
    private static final double[] LEVELS_DB = {-45, -30, -26, -25, -23, -21, -20, -19, -17, -15, -14, -10, 0, 6};

    static Stream<Arguments> curves() {
        return SampleRates.crossedWith(
                new Object[] {Detection.PEAK, new CompressorParams(-20, 4, 10, 0.1, 5000, 3)},
                new Object[] {Detection.RMS, new CompressorParams(-20, 4, 10, 5, 50, 3)},
                new Object[] {Detection.PEAK, new CompressorParams(-24, 20, 0, 0.1, 5000, -6)},
                new Object[] {Detection.RMS, new CompressorParams(-30, 2, 24, 5, 50, 12)});
    }

    /** The static curve's output level in dB, from the paper's formula. */
    static double expectedOutputDb(double levelDb, CompressorParams p) {
        double t = p.thresholdDb();
        double w = p.kneeDb();
        double over = levelDb - t;
        double out;
        if (2 * over < -w) {
            out = levelDb;
        } else if (2 * Math.abs(over) <= w && w > 0) {
            out = levelDb + (1 / p.ratio() - 1) * Math.pow(over + w / 2, 2) / (2 * w);
        } else {
            out = t + over / p.ratio();
        }
        return out + p.makeupDb();
    }

    @ParameterizedTest(name = "{0} Hz, {1}, {2}")
    @MethodSource("curves")
    void steadySinesFollowTheStaticCurve(int rate, Detection detection, CompressorParams band) {
        MultibandParams params = MultibandParams.of(rate, 1, List.of(SPLIT_HZ),
                List.of(CompressorParams.unity(), band)).withDetection(detection).withRmsWindowMs(10);
        for (double levelDb : LEVELS_DB) {
            // Peak level = amplitude; RMS level = amplitude / sqrt 2.
            double amplitude = Math.pow(10, levelDb / 20) * (detection == Detection.RMS ? Math.sqrt(2) : 1);
            double expected = 20 * Math.log10(amplitude) + expectedOutputDb(levelDb, band) - levelDb;
            double fixed = outputDb(params, amplitude, rate, true);
            double twin = outputDb(params, amplitude, rate, false);
            assertTrue(Math.abs(fixed - expected) <= 0.1,
                    "at " + levelDb + " dB: fixed " + fixed + " dB, curve " + expected + " dB");
            assertTrue(Math.abs(twin - expected) <= 0.1,
                    "at " + levelDb + " dB: twin " + twin + " dB, curve " + expected + " dB");
        }
    }

    /** Amplitude of the tone at the output over half a second after 0.25 s of settling, dB. */
    static double outputDb(MultibandParams params, double amplitude, int rate, boolean fixed) {
        double hz = params.detection() == Detection.RMS ? 2000 : 1998;
        int settle = rate / 4;
        double[] x = Signals.sine(rate, settle + rate / 2, hz, amplitude, 0.4);
        double[] y;
        if (fixed) {
            int[] q = Signals.quantize(x);
            new MultibandCompressor(params).process(new int[][] {q}, q.length);
            y = Signals.toDouble(q);
        } else {
            y = x.clone();
            ReferenceBlock twin = new MultibandCompressorReference(params);
            twin.process(new double[][] {y}, y.length);
        }
        return 20 * Math.log10(Phasor.of(y, rate, hz, settle, rate / 2).magnitude());
    }
}
