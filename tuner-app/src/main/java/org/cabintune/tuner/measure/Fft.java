package org.cabintune.tuner.measure;

import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * Real FFTs through JTransforms, with plans cached by size. Spectra use JTransforms' packed
 * layout for an even length n: {@code a[0]} = Re X[0], {@code a[1]} = Re X[n/2], and
 * {@code a[2k]}, {@code a[2k+1]} = Re, Im X[k] for {@code 0 < k < n/2}.
 *
 * <p>JTransforms runs single-threaded here: the analysis is one short job, results stay
 * bit-for-bit reproducible, and the tuner shares its machine with the recording.
 */
public final class Fft {

    private static final ConcurrentHashMap<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();

    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private Fft() {
    }

    /** The smallest even n >= {@code minimum} whose only prime factors are 2, 3 and 5 (fast sizes). */
    public static int goodSize(int minimum) {
        int best = Integer.MAX_VALUE;
        for (long p5 = 1; p5 < best; p5 *= 5) {
            for (long p35 = p5; p35 < best; p35 *= 3) {
                long n = p35 * 2;
                while (n < minimum) {
                    n *= 2;
                }
                if (n < best) {
                    best = (int) n;
                }
            }
        }
        return best;
    }

    /** The transform of {@code x[from, from + length)} zero-padded to n (even), in packed layout. */
    public static double[] forward(double[] x, int from, int length, int n) {
        double[] a = new double[n];
        int count = Math.max(0, Math.min(length, Math.min(n, x.length - from)));
        if (count > 0) {
            System.arraycopy(x, from, a, 0, count);
        }
        plan(n).realForward(a);
        return a;
    }

    /** The transform of all of {@code x}, zero-padded to n. */
    public static double[] forward(double[] x, int n) {
        return forward(x, 0, x.length, n);
    }

    /** In-place inverse of a packed spectrum, scaled so that inverse(forward(x)) = x. */
    public static void inverse(double[] packed) {
        plan(packed.length).realInverse(packed, true);
    }

    /** |X[k]|^2 for k in 0 .. n/2. */
    public static double[] power(double[] packed) {
        int n = packed.length;
        double[] p = new double[n / 2 + 1];
        p[0] = packed[0] * packed[0];
        p[n / 2] = packed[1] * packed[1];
        for (int k = 1; k < n / 2; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            p[k] = re * re + im * im;
        }
        return p;
    }

    /** Sets X[k] of a packed spectrum (the imaginary part is dropped at k = 0 and k = n/2). */
    public static void set(double[] packed, int k, double re, double im) {
        if (k == 0) {
            packed[0] = re;
        } else if (k == packed.length / 2) {
            packed[1] = re;
        } else {
            packed[2 * k] = re;
            packed[2 * k + 1] = im;
        }
    }

    /** Re X[k] of a packed spectrum, k in 0 .. n/2. */
    public static double re(double[] packed, int k) {
        return k == 0 ? packed[0] : k == packed.length / 2 ? packed[1] : packed[2 * k];
    }

    /** Im X[k] of a packed spectrum (0 at k = 0 and k = n/2). */
    public static double im(double[] packed, int k) {
        return k == 0 || k == packed.length / 2 ? 0 : packed[2 * k + 1];
    }

    private static DoubleFFT_1D plan(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("FFT length = " + n + " must be even and at least 2");
        }
        return PLANS.computeIfAbsent(n, DoubleFFT_1D::new);
    }
}
