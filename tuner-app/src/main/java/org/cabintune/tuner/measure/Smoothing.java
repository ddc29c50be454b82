package org.cabintune.tuner.measure;

import java.util.Locale;

/**
 * Frequency smoothing of a response sampled on a uniform FFT grid, evaluated at any set of
 * frequencies. Each output is the mean over a band around its frequency of the linearly
 * interpolated input, so a band narrower than a bin still gets a well-defined value (the
 * interpolated one) and results do not jump as the band crosses bins.
 *
 * <ul>
 *   <li>{@code 1/N} (N = 1, 2, 3, 6, 12, 24, 48 or any whole number up to 96): the band is 1/N
 *       octave centred (geometrically) on the frequency.
 *   <li>{@code var}: variable, 1/48 octave below 100 Hz, 1/3 octave above 10 kHz, the
 *       fraction's logarithm moving linearly with log-frequency between (detail where modes
 *       live, calm where the ear integrates).
 *   <li>{@code psy}: psychoacoustic, 1/3 octave below 100 Hz, 1/6 octave above 1 kHz, varying
 *       between, and a cubic mean of the magnitude (the cube root of the mean of |H|^3), so
 *       peaks weigh more than dips as they do to a listener.
 *   <li>{@code erb}: one equivalent rectangular bandwidth, 24.7 (4.37 f / 1000 + 1) Hz
 *       (Glasberg and Moore 1990), wide in the bass and narrow in relative terms at the top.
 *   <li>{@code none}: the interpolated value at each frequency.
 * </ul>
 *
 * Magnitudes are averaged as power (|H|^2), except {@code psy}; phase is taken from the mean of
 * the complex response over the same band.
 *
 * @param kind     what shapes the band
 * @param fraction N of a fixed 1/N octave (0 for the other kinds)
 */
public record Smoothing(Kind kind, int fraction) {

    /** The ways to choose a band. */
    public enum Kind { NONE, OCTAVE_FRACTION, VARIABLE, PSYCHOACOUSTIC, ERB }

    /** Finest fixed fraction accepted. */
    public static final int MAX_FRACTION = 96;

    public static final Smoothing NONE = new Smoothing(Kind.NONE, 0);

    /** Validates the fraction against the kind. */
    public Smoothing {
        if (kind == Kind.OCTAVE_FRACTION && (fraction < 1 || fraction > MAX_FRACTION)) {
            throw new IllegalArgumentException("smoothing 1/" + fraction + " octave is outside the allowed range 1/1 .. 1/"
                    + MAX_FRACTION);
        }
    }

    /** Parses {@code 1/12}, {@code var}, {@code psy}, {@code erb} or {@code none}. */
    public static Smoothing parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "none", "0" -> {
                return NONE;
            }
            case "var", "variable" -> {
                return new Smoothing(Kind.VARIABLE, 0);
            }
            case "psy", "psychoacoustic" -> {
                return new Smoothing(Kind.PSYCHOACOUSTIC, 0);
            }
            case "erb" -> {
                return new Smoothing(Kind.ERB, 0);
            }
            default -> {
                if (t.startsWith("1/")) {
                    try {
                        return new Smoothing(Kind.OCTAVE_FRACTION, Integer.parseInt(t.substring(2)));
                    } catch (NumberFormatException e) {
                        // falls through to the message below
                    }
                }
                throw new IllegalArgumentException("smoothing '" + text + "' is not one of 1/N (N = 1 .. "
                        + MAX_FRACTION + "), var, psy, erb, none");
            }
        }
    }

    /** The band edges [low, high] in Hz around f. */
    public double[] band(double f) {
        return switch (kind) {
            case NONE -> new double[] {f, f};
            case OCTAVE_FRACTION -> octaves(f, 1.0 / fraction);
            case VARIABLE -> octaves(f, 1 / logBlend(f, 100, 10_000, 48, 3));
            case PSYCHOACOUSTIC -> octaves(f, 1 / logBlend(f, 100, 1_000, 3, 6));
            case ERB -> {
                double erb = 24.7 * (4.37 * f / 1000 + 1);
                yield new double[] {Math.max(f / 2, f - erb / 2), f + erb / 2};
            }
        };
    }

    /** The power exponent the magnitude is averaged with: 3 for psychoacoustic (cubic mean), 2 otherwise. */
    double magnitudeExponent() {
        return kind == Kind.PSYCHOACOUSTIC ? 3 : 2;
    }

    /** The label used in file headers: {@code 1/12 octave}, {@code var}, ... */
    public String label() {
        return switch (kind) {
            case NONE -> "none";
            case OCTAVE_FRACTION -> "1/" + fraction + " octave";
            case VARIABLE -> "var";
            case PSYCHOACOUSTIC -> "psy";
            case ERB -> "erb";
        };
    }

    private static double[] octaves(double f, double width) {
        double half = Math.pow(2, width / 2);
        return new double[] {f / half, f * half};
    }

    /** N moving from n1 (below f1) to n2 (above f2), log N linear in log f between. */
    private static double logBlend(double f, double f1, double f2, double n1, double n2) {
        if (f <= f1) {
            return n1;
        }
        if (f >= f2) {
            return n2;
        }
        double x = Math.log(f / f1) / Math.log(f2 / f1);
        return Math.exp(Math.log(n1) + x * (Math.log(n2) - Math.log(n1)));
    }

    /**
     * The mean over each output's band of values sampled every {@code binHz} from 0 Hz,
     * linearly interpolated between samples.
     */
    public double[] mean(double[] values, double binHz, double[] at) {
        double[] integral = cumulative(values);
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double[] b = band(at[i]);
            out[i] = meanOver(values, integral, b[0] / binHz, b[1] / binHz);
        }
        return out;
    }

    /** Running trapezoid sums: integral[k] = integral of the interpolant from bin 0 to bin k. */
    static double[] cumulative(double[] v) {
        double[] c = new double[v.length];
        for (int k = 1; k < v.length; k++) {
            c[k] = c[k - 1] + 0.5 * (v[k - 1] + v[k]);
        }
        return c;
    }

    static double meanOver(double[] v, double[] integral, double lo, double hi) {
        double max = v.length - 1;
        lo = Math.max(0, Math.min(max, lo));
        hi = Math.max(0, Math.min(max, hi));
        if (hi - lo < 1e-9) {
            return valueAt(v, lo);
        }
        return (integralTo(v, integral, hi) - integralTo(v, integral, lo)) / (hi - lo);
    }

    private static double valueAt(double[] v, double x) {
        int k = Math.min((int) x, v.length - 2);
        double u = x - k;
        return v[k] + (v[k + 1] - v[k]) * u;
    }

    private static double integralTo(double[] v, double[] integral, double x) {
        int k = Math.min((int) x, v.length - 2);
        double u = x - k;
        return integral[k] + v[k] * u + 0.5 * (v[k + 1] - v[k]) * u * u;
    }
}
