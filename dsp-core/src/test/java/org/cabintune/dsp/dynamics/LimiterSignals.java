package org.cabintune.dsp.dynamics;

import java.util.List;
import java.util.Random;
import org.cabintune.dsp.testing.Signals;

/**
 * Adversarial stereo input for the limiter: signals whose true peak lies between samples,
 * that switch on abruptly, or whose crest changes every sample. The right channel carries a
 * different variant (other phase, level or seed) so that unlinked channels really differ.
 * Every case starts with 10 ms and ends with 20 ms of silence, so the output's abrupt
 * start and end (and the limiter's flush) are measured too.
 */
public final class LimiterSignals {

    /** The case names, in the order the guarantee suite runs them. */
    public static final List<String> CASES = List.of("square-100Hz", "square-1kHz", "square-3kHz",
            "square-7kHz", "square-11kHz", "sine-fs/4-at-45deg", "sine-fs/3-odd-phase",
            "impulses-and-doublets", "white-noise", "log-sweep", "onsets-after-silence",
            "sine-0.45fs", "sine-0.48fs", "sweep-to-nyquist", "max-intersample-sequence");

    private LimiterSignals() {
    }

    /** Case {@code name} at {@code rate}, scaled by {@code gain}: {@code [2][frames]}. */
    public static double[][] of(String name, int rate, double gain) {
        int n = rate / 16;
        double[][] body = switch (name) {
            case "square-100Hz" -> pair(square(rate, n, 100, 0.3, 1.0), square(rate, n, 100, 1.1, 0.5));
            case "square-1kHz" -> pair(square(rate, n, 1000, 0.3, 1.0), square(rate, n, 1000, 1.1, 0.5));
            case "square-3kHz" -> pair(square(rate, n, 3000, 0.3, 1.0), square(rate, n, 3100, 2.0, 1.0));
            case "square-7kHz" -> pair(square(rate, n, 7000, 0.3, 1.0), square(rate, n, 6500, 2.0, 0.7));
            case "square-11kHz" -> pair(square(rate, n, 11025, 0.3, 1.0), square(rate, n, 10000, 1.0, 1.0));
            // Samples of +-1, waveform crest sqrt(2): +3 dB between samples.
            case "sine-fs/4-at-45deg" -> pair(sine(n, 0.25, Math.PI / 4, Math.sqrt(2)),
                    sine(n, 0.25, 0.0, 1.0));
            // Samples 30 degrees (less 0.01 rad) from the crests, which they miss by 1.25 dB;
            // scaled so the samples reach 1.
            case "sine-fs/3-odd-phase" -> pair(sine(n, 1.0 / 3, Math.PI / 2 + Math.PI / 6 - 0.01,
                    1.0 / Math.cos(Math.PI / 6 - 0.01)), sine(n, 1.0 / 3, 1.3, 1.0));
            case "impulses-and-doublets" -> pair(impulses(n, 0), impulses(n, 37));
            case "white-noise" -> pair(Signals.whiteNoise(11, n, -6.0), Signals.whiteNoise(12, n, -6.0));
            case "log-sweep" -> pair(Signals.logSweep(rate, 3 * n, 20, 20_000, 1.0),
                    Signals.logSweep(rate, 3 * n, 30, 20_000, 0.7));
            case "onsets-after-silence" -> pair(onsets(rate, 2 * n, 0), onsets(rate, 2 * n, 1));
            // Near Nyquist the crest between samples depends on samples far away; at 0.48 fs
            // the samples drift over the crests once every 25 samples.
            case "sine-0.45fs" -> pair(sine(n, 0.45, 0.7, 1.0), sine(n, 0.45, 2.0, 1.0));
            case "sine-0.48fs" -> pair(sine(n, 0.48, 0.7, 1.0), sine(n, 0.49, 2.0, 1.0));
            case "sweep-to-nyquist" -> pair(Signals.logSweep(rate, 3 * n, 1000, 0.499 * rate, 1.0),
                    Signals.logSweep(rate, 3 * n, 2000, 0.499 * rate, 1.0));
            case "max-intersample-sequence" -> pair(maxIntersample(n, 16, 0), maxIntersample(n, 8, 5));
            default -> throw new IllegalArgumentException(name);
        };
        int lead = rate / 100;
        int frames = lead + body[0].length + rate / 50;
        double[][] x = new double[2][frames];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < body[c].length; i++) {
                x[c][lead + i] = gain * body[c][i];
            }
        }
        return x;
    }

    private static double[][] pair(double[] left, double[] right) {
        return new double[][] {left, right};
    }

    /** A full-scale digital square wave (not band-limited: it rings between samples). */
    static double[] square(int rate, int n, double f, double phase, double amplitude) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = amplitude * Math.signum(Math.sin(2 * Math.PI * f * i / rate + phase));
        }
        return x;
    }

    /** A sine at {@code cycles} per sample, starting (and ending) abruptly. */
    static double[] sine(int n, double cycles, double phase, double amplitude) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * cycles * i + phase);
        }
        return x;
    }

    /** Isolated +-1 impulses, +1 -1 doublets and +1 +1 pairs, with silence between. */
    static double[] impulses(int n, int offset) {
        double[] x = new double[n];
        for (int i = offset; i + 1 < n; i += 97) {
            switch ((i / 97) % 4) {
                case 0 -> x[i] = 1.0;
                case 1 -> x[i] = -1.0;
                case 2 -> {
                    x[i] = 1.0;
                    x[i + 1] = -1.0;
                }
                default -> {
                    x[i] = 1.0;
                    x[i + 1] = 1.0;
                }
            }
        }
        return x;
    }

    /**
     * Runs of {@code 2 * half} full-scale samples with the signs of {@code sinc(k - 1/2)}: the
     * sequence that makes the waveform between its middle samples as large as any run of that
     * length can (every sample adds its full weight): about 3 times the sample peak
     * (+9.6 dB) for 32 samples. Runs repeat every {@code 4 * half} samples.
     */
    static double[] maxIntersample(int n, int half, int offset) {
        double[] x = new double[n];
        for (int at = offset; at + 2 * half <= n; at += 4 * half) {
            for (int k = -half + 1; k <= half; k++) {
                x[at + half - 1 + k] = Math.signum(Math.sin(Math.PI * (k - 0.5)) / (k - 0.5));
            }
        }
        return x;
    }

    /**
     * Bursts that start at full level without warning after silence: a quarter-rate sine at
     * 45 degrees, then noise, then a 1 kHz sine, each 15 ms long after 10 ms of silence.
     */
    static double[] onsets(int rate, int n, long seed) {
        double[] x = new double[n];
        int gap = rate / 100;
        int burst = rate * 15 / 1000;
        Random random = new Random(seed);
        int at = gap;
        for (int b = 0; at + burst <= n; b++, at += burst + gap) {
            for (int i = 0; i < burst; i++) {
                x[at + i] = switch (b % 3) {
                    case 0 -> Math.sqrt(2) * Math.sin(Math.PI / 2 * i + Math.PI / 4 + seed);
                    case 1 -> 0.5 * random.nextGaussian();
                    default -> Math.sin(2 * Math.PI * 1000.0 * i / rate + seed);
                };
            }
        }
        return x;
    }
}
