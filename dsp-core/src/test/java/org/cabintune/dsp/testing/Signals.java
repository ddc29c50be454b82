package org.cabintune.dsp.testing;

import java.util.Random;
import org.cabintune.dsp.Q824;

/**
 * Deterministic test signals as doubles (1.0 = 0 dBFS) and their Q8.24 quantisation. Every
 * generator is a pure function of its arguments, so a failing case can be replayed exactly.
 */
public final class Signals {

    private Signals() {
    }

    /** Gaussian white noise with the given RMS level in dBFS, from a seeded generator. */
    public static double[] whiteNoise(long seed, int frames, double rmsDbfs) {
        Random random = new Random(seed);
        double sigma = Q824.dbToGain(rmsDbfs);
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = sigma * random.nextGaussian();
        }
        return x;
    }

    /**
     * Exponential (log) sine sweep from {@code f1} to {@code f2} Hz over {@code frames}
     * samples, as in Farina's swept-sine method: the instantaneous frequency rises by the same
     * ratio per unit time, so each octave gets equal time.
     */
    public static double[] logSweep(int sampleRate, int frames, double f1, double f2,
            double amplitude) {
        double seconds = (double) frames / sampleRate;
        double rate = Math.log(f2 / f1);
        double k = 2 * Math.PI * f1 * seconds / rate;
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            double t = (double) n / sampleRate;
            x[n] = amplitude * Math.sin(k * Math.expm1(t / seconds * rate));
        }
        return x;
    }

    /** A sine of the given frequency, peak amplitude and starting phase (radians). */
    public static double[] sine(int sampleRate, int frames, double frequency, double amplitude,
            double phase) {
        double w = 2 * Math.PI * frequency / sampleRate;
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = amplitude * Math.sin(w * n + phase);
        }
        return x;
    }

    /** The parts one after another. */
    public static double[] concat(double[]... parts) {
        int total = 0;
        for (double[] p : parts) {
            total += p.length;
        }
        double[] x = new double[total];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, x, at, p.length);
            at += p.length;
        }
        return x;
    }

    /** Quantises to Q8.24 (round to nearest, saturate). */
    public static int[] quantize(double[] x) {
        int[] q = new int[x.length];
        for (int n = 0; n < x.length; n++) {
            q[n] = Q824.fromDouble(x[n]);
        }
        return q;
    }

    /** Converts Q8.24 samples to doubles exactly. */
    public static double[] toDouble(int[] q) {
        double[] x = new double[q.length];
        for (int n = 0; n < q.length; n++) {
            x[n] = Q824.toDouble(q[n]);
        }
        return x;
    }

    /** Deep copy of a multichannel buffer. */
    public static int[][] copy(int[][] channels) {
        int[][] c = new int[channels.length][];
        for (int i = 0; i < channels.length; i++) {
            c[i] = channels[i].clone();
        }
        return c;
    }
}
