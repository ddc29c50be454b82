package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The limiter's promise: on adversarial input its output's true peak, read by an independent
 * 8x meter ({@link LimiterTruePeakProbe}), never exceeds the ceiling by more than
 * {@value #TOLERANCE_DB} dB. Every case of {@link LimiterSignals}, at full scale and with
 * 12 dB of gain in front, at 44.1, 48 and 96 kHz, linked and unlinked, with the shortest
 * look-ahead and the fastest release (the hardest timing), the shortest look-ahead with a
 * musical release, and the profile default look-ahead. The 8x detector runs the same matrix at
 * 48 kHz, and 88.2 kHz gets the hardest timing. The worst case is printed at the end.
 */
class TruePeakLimiterGuaranteeTest {

    static final double TOLERANCE_DB = 0.1;
    static final double CEILING_DBTP = -1.0;
    /** Look-ahead and release pairs, ms. */
    static final double[][] TIMINGS = {{0.5, 1.0}, {0.5, 50.0}, {1.5, 50.0}};
    static final double[] GAINS = {1.0, 4.0};

    private static final List<String> RESULTS = new ArrayList<>();
    private static double worstDb = Double.NEGATIVE_INFINITY;
    private static String worstCase = "none";

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (int rate : SampleRates.ALL) {
            addCases(all, rate, 4, TIMINGS);
        }
        addCases(all, SampleRates.DEFAULT, 8, TIMINGS);
        addCases(all, 88_200, 4, new double[][] {TIMINGS[0]});
        return all.stream();
    }

    private static void addCases(List<Arguments> all, int rate, int factor, double[][] timings) {
        for (String signal : LimiterSignals.CASES) {
            for (double gain : GAINS) {
                for (boolean linked : new boolean[] {true, false}) {
                    for (double[] t : timings) {
                        all.add(Arguments.of(signal, rate, factor, gain, linked, t[0], t[1]));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} at {1} Hz, {2}x, gain {3}, linked {4}, look-ahead {5} ms, release {6} ms")
    @MethodSource("matrix")
    void outputTruePeakStaysUnderTheCeiling(String signal, int rate, int factor, double gain,
            boolean linked, double lookaheadMs, double releaseMs) {
        LimiterParams params = new LimiterParams(rate, 2, CEILING_DBTP, lookaheadMs, releaseMs,
                linked, factor);
        double[][] input = LimiterSignals.of(signal, rate, gain);
        int[][] audio = {Signals.quantize(input[0]), Signals.quantize(input[1])};
        assertTrue(peak(audio) > params.ceilingLinear(), "the case must engage the limiter");

        new TruePeakLimiter(params).process(audio, audio[0].length);

        double[][] output = {Signals.toDouble(audio[0]), Signals.toDouble(audio[1])};
        double overDb = Q824.gainToDb(LimiterTruePeakProbe.truePeak(output)) - CEILING_DBTP;
        String name = String.format("%s at %d Hz, %dx, gain %.0f, %s, %.1f/%.0f ms", signal, rate,
                factor, gain, linked ? "linked" : "unlinked", lookaheadMs, releaseMs);
        record(name, overDb);
        assertTrue(overDb <= TOLERANCE_DB, String.format("%s: output true peak %.3f dB over the ceiling",
                name, overDb));
    }

    private static synchronized void record(String name, double overDb) {
        RESULTS.add(name);
        if (overDb > worstDb) {
            worstDb = overDb;
            worstCase = name;
        }
    }

    private static double peak(int[][] audio) {
        double peak = 0;
        for (int[] channel : audio) {
            for (int s : channel) {
                peak = Math.max(peak, Math.abs(Q824.toDouble(s)));
            }
        }
        return peak;
    }

    @AfterAll
    static void printWorstCase() {
        System.out.printf("True-peak guarantee: %d cases, worst output %+.3f dB relative to the "
                + "ceiling (%s)%n", RESULTS.size(), worstDb, worstCase);
    }
}
