package org.cabintune.tuner.rta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fractional-octave bands with IEC 61260-1:2014's base-ten rules: octave ratio G = 10^(3/10),
 * reference 1000 Hz, for a fraction 1/b the exact mid-band frequencies are 1000 G^(x/b) when b
 * is odd and 1000 G^((2x+1)/(2b)) when b is even, and a band's edges lie G^(1/(2b)) below and
 * above its middle. Adjacent bands share their edges, so the bands tile the spectrum.
 *
 * @param fraction b: 1 for octaves, 3 for third-octaves, 6, 12, 24
 * @param centres  exact mid-band frequencies, rising
 * @param lower    lower edges
 * @param upper    upper edges
 */
public record Bands(int fraction, double[] centres, double[] lower, double[] upper) {

    /** The octave ratio of the base-ten system. */
    public static final double G = Math.pow(10, 0.3);
    /** Fractions offered. */
    public static final List<Integer> FRACTIONS = List.of(1, 3, 6, 12, 24);
    /** How far an exact middle may lie outside the range asked for: more than the R10 names' rounding (0.9 %). */
    static final double NOMINAL_TOLERANCE = 0.012;
    /** The R10 preferred numbers: the nominal third-octave (and octave) mid-band frequencies of a decade. */
    private static final double[] R10 = {1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8};

    /**
     * The bands of 1/{@code fraction} octave whose middles lie within [lowHz, highHz], give or
     * take the {@value #NOMINAL_TOLERANCE} by which nominal names round them (the third-octave
     * named 20 Hz is 19.95 Hz).
     */
    public static Bands of(int fraction, double lowHz, double highHz) {
        if (!FRACTIONS.contains(fraction)) {
            throw new IllegalArgumentException("fraction 1/" + fraction + " is not one of 1/1, 1/3, 1/6, 1/12, 1/24");
        }
        if (!(lowHz > 0 && highHz >= lowHz)) {
            throw new IllegalArgumentException("band range " + lowHz + " .. " + highHz + " Hz must be positive and rising");
        }
        List<Double> mids = new ArrayList<>();
        int first = (int) Math.floor(Math.log(lowHz / 1000) / Math.log(G) * fraction) - 1;
        for (int x = first; ; x++) {
            double fm = middle(fraction, x);
            if (fm > highHz * (1 + NOMINAL_TOLERANCE)) {
                break;
            }
            if (fm >= lowHz / (1 + NOMINAL_TOLERANCE)) {
                mids.add(fm);
            }
        }
        double half = Math.pow(G, 1.0 / (2 * fraction));
        double[] c = mids.stream().mapToDouble(Double::doubleValue).toArray();
        double[] lo = new double[c.length];
        double[] hi = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            lo[i] = c[i] / half;
            hi[i] = c[i] * half;
        }
        return new Bands(fraction, c, lo, hi);
    }

    /** The exact mid-band frequency of band x (x = 0 is 1000 Hz for odd b, just above it for even b). */
    static double middle(int b, int x) {
        return b % 2 == 1 ? 1000 * Math.pow(G, (double) x / b) : 1000 * Math.pow(G, (2.0 * x + 1) / (2.0 * b));
    }

    /** How many bands. */
    public int size() {
        return centres.length;
    }

    /**
     * The band's name: the nominal frequency for octaves and third-octaves (31.5, 63, 1k, 12.5k:
     * the R10 numbers), else its middle to three significant figures (1.06k).
     */
    public String label(int i) {
        double f = centres[i];
        if (fraction == 1 || fraction == 3) {
            int x = (int) Math.round(Math.log10(f / 1000) * 10);
            int decade = Math.floorDiv(x, 10);
            f = R10[Math.floorMod(x, 10)] * Math.pow(10, decade + 3);
        }
        return hz(f);
    }

    /** A frequency in three significant figures, thousands as k: 31.5, 100, 1.25k, 16k. */
    static String hz(double f) {
        boolean kilo = f >= 999.5;
        double v = kilo ? f / 1000 : f;
        String s = String.format(Locale.ROOT, v >= 99.95 ? "%.0f" : v >= 9.995 ? "%.1f" : "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s + (kilo ? "k" : "");
    }
}
