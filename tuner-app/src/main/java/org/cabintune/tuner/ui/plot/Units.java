package org.cabintune.tuner.ui.plot;

import java.util.Locale;

/** How numbers read on axes, readouts and tables. */
public final class Units {

    private Units() {
    }

    /** A frequency: {@code 31.5 Hz}, {@code 250 Hz}, {@code 1.25 kHz}, {@code 12.5 kHz}. */
    public static String hz(double f) {
        if (f >= 1000) {
            return String.format(Locale.ROOT, f >= 10_000 ? "%.1f kHz" : "%.2f kHz", f / 1000);
        }
        return String.format(Locale.ROOT, f >= 100 ? "%.0f Hz" : "%.1f Hz", f);
    }

    /** A frequency for an axis tick: {@code 20}, {@code 500}, {@code 1k}, {@code 20k}. */
    public static String tick(double f) {
        if (f >= 1000) {
            double k = f / 1000;
            return (k == Math.rint(k) ? Long.toString(Math.round(k)) : String.format(Locale.ROOT, "%.1f", k)) + "k";
        }
        return f == Math.rint(f) ? Long.toString(Math.round(f)) : String.format(Locale.ROOT, "%.1f", f);
    }

    /** A value with its unit and a precision that suits it. */
    public static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "-";
        }
        String number = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
        return unit.isEmpty() ? number : unit.equals("\u00b0") ? number + unit : number + " " + unit;
    }
}
