package org.cabintune.tuner.design;

import java.util.List;

/**
 * The subwoofer's delay and polarity that make it sum best with the front speakers it meets.
 * A subwoofer's arrival is ill-defined (its response is milliseconds wide and its crossover
 * adds milliseconds of group delay), so it is aligned by phase instead: over one octave
 * centred on the crossover ({@value #POINTS} points, 1/24 octave apart), the level of the
 * complex sum of subwoofer and fronts (each with its realised filters, level, polarity and
 * delay), power-averaged over the microphone positions, then averaged in dB over the
 * frequencies, so a cancellation anywhere in the octave counts fully.
 *
 * <p>The search covers {@value #SEARCH_MS} ms either side of where the arrival would put the
 * subwoofer, every {@value #STEP_MS} ms (0.36 degrees at 100 Hz), both polarities. Choices
 * within {@value #TIE_DB} dB of the best are equal; among them the delay nearest the
 * arrival's wins, whatever its polarity (the measured one where two are equally near). Near
 * the crossover a polarity flip and half a period of delay sum almost alike, so preferring the
 * measured polarity first made the choice hang on that measurement, which for a subwoofer in a
 * car can go either way from one take to the next (in the virtual SUV a wrong reading moved the
 * subwoofer by 7.6 ms). The arrival is a physical instant, so the choice nearest it is the same
 * whichever polarity was measured.
 */
final class SubAlignment {

    static final double SEARCH_MS = 10;
    static final double STEP_MS = 0.01;
    static final int POINTS = 25;
    static final double TIE_DB = 0.1;

    /** An output's responses at the positions and its realised chain. */
    record Part(OutputMeasurement output, Realized chain) {
    }

    /**
     * A choice for the subwoofer.
     *
     * @param delayMs delay relative to the others' alignment; negative means the others wait
     * @param flip    whether the subwoofer's polarity is flipped beyond the measured correction
     * @param sumDb   level of the sum with this choice
     */
    record Choice(double delayMs, boolean flip, double sumDb) {
    }

    private SubAlignment() {
    }

    /** One octave centred on {@code crossoverHz}, 1/24 octave apart. */
    static double[] frequencies(double crossoverHz) {
        double[] hz = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            hz[i] = crossoverHz * Math.pow(2, (i - (POINTS - 1) / 2.0) / (POINTS - 1));
        }
        return hz;
    }

    /** The level of the sum of {@code parts} as they are realised (see the class comment). */
    static double sumDb(List<Part> parts, double[] hz) {
        double[][][] sum = sum(parts, hz);
        return level(sum[0], sum[1], null, null, 0, 1, hz);
    }

    /**
     * The best delay and polarity for {@code sub} (its chain undelayed) against {@code fronts},
     * the delay searched in [{@code fromMs}, {@code toMs}] as an ideal delay, ties broken
     * towards {@code centreMs}.
     */
    static Choice search(List<Part> fronts, Part sub, double[] hz, double fromMs, double toMs, double centreMs) {
        double[][][] f = sum(fronts, hz);
        double[][][] s = sum(List.of(sub), hz);
        int steps = (int) Math.floor((toMs - fromMs) / STEP_MS + 1e-9);
        double[] levels = new double[2 * (steps + 1)];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double delayMs = fromMs + i * STEP_MS;
            for (int flip = 0; flip < 2; flip++) {
                double level = level(f[0], f[1], s[0], s[1], delayMs, flip == 0 ? 1 : -1, hz);
                levels[2 * i + flip] = level;
                best = Math.max(best, level);
            }
        }
        Choice chosen = null;
        for (int i = 0; i <= steps; i++) {
            double delayMs = fromMs + i * STEP_MS;
            for (int flip = 0; flip < 2; flip++) {
                if (levels[2 * i + flip] >= best - TIE_DB && (chosen == null
                        || Math.abs(delayMs - centreMs) < Math.abs(chosen.delayMs() - centreMs))) {
                    chosen = new Choice(delayMs, flip == 1, levels[2 * i + flip]);
                }
            }
        }
        return chosen;
    }

    /** {re, im}[position][frequency] of the sum of parts, over the positions they all have. */
    private static double[][][] sum(List<Part> parts, double[] hz) {
        int positions = parts.stream().mapToInt(p -> p.output().positions().size()).min().orElse(0);
        double[][] re = new double[positions][hz.length];
        double[][] im = new double[positions][hz.length];
        for (Part part : parts) {
            for (int j = 0; j < hz.length; j++) {
                double[] h = part.chain().at(hz[j]);
                for (int p = 0; p < positions; p++) {
                    double[] t = Realized.valueAt(part.output().positions().get(p), hz[j]);
                    re[p][j] += t[0] * h[0] - t[1] * h[1];
                    im[p][j] += t[0] * h[1] + t[1] * h[0];
                }
            }
        }
        return new double[][][] {re, im};
    }

    /**
     * Mean over frequencies of the dB of the position-averaged power of a + sign * b delayed by
     * {@code delayMs} (ideal delay; b may be null).
     */
    private static double level(double[][] aRe, double[][] aIm, double[][] bRe, double[][] bIm, double delayMs,
                                int sign, double[] hz) {
        int positions = bRe == null ? aRe.length : Math.min(aRe.length, bRe.length);
        double total = 0;
        for (int j = 0; j < hz.length; j++) {
            double phase = -2 * Math.PI * hz[j] * delayMs / 1000;
            double c = sign * Math.cos(phase);
            double s = sign * Math.sin(phase);
            double power = 0;
            for (int p = 0; p < positions; p++) {
                double re = aRe[p][j];
                double im = aIm[p][j];
                if (bRe != null) {
                    re += bRe[p][j] * c - bIm[p][j] * s;
                    im += bRe[p][j] * s + bIm[p][j] * c;
                }
                power += re * re + im * im;
            }
            total += 10 * Math.log10(Math.max(power / positions, OutputMeasurement.SILENCE));
        }
        return total / hz.length;
    }
}
