package org.cabintune.tuner.measure;

/**
 * Peaks of band-limited signals between samples: the signal is interpolated with a
 * Hann-windowed sinc ({@value #HALF_TAPS} taps each side) on a grid of 1/{@value #STEPS} sample
 * around the best sample, and a parabola through the best grid point and its neighbours gives
 * the final position. {@link Analytic#envelopePeak} uses the same interpolation on both parts
 * of an analytic signal.
 */
public final class Peaks {

    static final int HALF_TAPS = 24;
    static final int STEPS = 64;

    private Peaks() {
    }

    /**
     * A peak.
     *
     * @param position where it is, in samples (fractional)
     * @param value    the interpolated signal there (its sign is the polarity)
     */
    public record Peak(double position, double value) {
    }

    /** Index of the largest |x[i]| for i in [from, to). */
    public static int largest(double[] x, int from, int to) {
        int best = from;
        double max = -1;
        for (int i = Math.max(0, from); i < Math.min(to, x.length); i++) {
            double a = Math.abs(x[i]);
            if (a > max) {
                max = a;
                best = i;
            }
        }
        return best;
    }

    /** Refines a peak found at sample {@code index}. */
    public static Peak refine(double[] x, int index) {
        double bestT = index;
        double best = Math.abs(x[index]);
        for (int s = -STEPS; s <= STEPS; s++) {
            double t = index + (double) s / STEPS;
            double v = Math.abs(interpolate(x, t));
            if (v > best) {
                best = v;
                bestT = t;
            }
        }
        double h = 1.0 / STEPS;
        double a = Math.abs(interpolate(x, bestT - h));
        double c = Math.abs(interpolate(x, bestT + h));
        double denominator = a - 2 * best + c;
        double offset = denominator < 0 ? 0.5 * (a - c) / denominator * h : 0;
        double position = bestT + Math.max(-h, Math.min(h, offset));
        return new Peak(position, interpolate(x, position));
    }

    /** The band-limited value of x at fractional position t (zero outside the array). */
    public static double interpolate(double[] x, double t) {
        int centre = (int) Math.floor(t);
        double frac = t - centre;
        if (frac == 0 && centre >= 0 && centre < x.length) {
            return x[centre];
        }
        return apply(x, centre, kernel(frac));
    }

    /**
     * The interpolation weights for a point {@code frac} (0 .. 1) past a sample: weight j applies
     * to the sample {@code j - HALF_TAPS + 1} places from it. Computing them once serves every
     * point at the same fraction.
     */
    static double[] kernel(double frac) {
        double[] k = new double[2 * HALF_TAPS];
        for (int i = -HALF_TAPS + 1; i <= HALF_TAPS; i++) {
            double d = i - frac;
            double window = 0.5 + 0.5 * Math.cos(Math.PI * d / HALF_TAPS);
            k[i + HALF_TAPS - 1] = d == 0 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d) * window;
        }
        return k;
    }

    /** The value of x at a point past sample {@code centre}, with that point's {@link #kernel}. */
    static double apply(double[] x, int centre, double[] kernel) {
        double sum = 0;
        int first = centre - HALF_TAPS + 1;
        int from = Math.max(0, -first);
        int to = Math.min(kernel.length, x.length - first);
        for (int j = from; j < to; j++) {
            sum += x[first + j] * kernel[j];
        }
        return sum;
    }
}
