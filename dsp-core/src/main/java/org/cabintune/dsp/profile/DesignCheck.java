package org.cabintune.dsp.profile;

import java.util.List;
import java.util.Optional;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.profile.FilterSpec.Slope;

/**
 * The last check of a filter: design it and round it to the kernel's coefficient format, as
 * the graph compiler will, so that a validated profile never fails to compile. Field ranges
 * alone cannot promise that: a second-order section a hair below Nyquist has its poles on the
 * unit circle once {@code cos(w)} rounds to -1 in double arithmetic, and a strong shelf with
 * a high Q needs feed-forward coefficients close to the format's limit of 16.
 *
 * <p>Problems name the filter by its path and its parameters, say what is wrong in terms of
 * the design, and say which field to change.
 */
final class DesignCheck {

    private DesignCheck() {
    }

    /** Reports at {@code path} why {@code filter} cannot run at {@code sampleRate}, if it cannot. */
    static void check(FilterSpec filter, String path, int sampleRate, Problems problems) {
        problem(filter, sampleRate).ifPresent(text -> problems.at(path, " (" + describe(filter) + ") " + text));
    }

    /** What keeps {@code filter} from running at {@code sampleRate}, with what to change; empty when it runs. */
    static Optional<String> problem(FilterSpec filter, int sampleRate) {
        List<BiquadCoefficients> sections;
        try {
            sections = SectionDesign.design(filter, sampleRate);
        } catch (IllegalArgumentException e) {
            return Optional.of("cannot be designed: " + e.getMessage());
        }
        for (int i = 0; i < sections.size(); i++) {
            BiquadCoefficients section = sections.get(i);
            try {
                QuantizedBiquad.of(section);
            } catch (IllegalArgumentException e) {
                String where = sections.size() == 1 ? "" : " (section " + (i + 1) + " of " + sections.size() + ")";
                return Optional.of(explain(filter, section, sampleRate, where, e));
            }
        }
        return Optional.empty();
    }

    private static String explain(FilterSpec filter, BiquadCoefficients c, int sampleRate, String where,
                                  IllegalArgumentException e) {
        double maxB = Math.max(Math.abs(c.b0()), Math.max(Math.abs(c.b1()), Math.abs(c.b2())));
        if (!(maxB < QuantizedBiquad.MAX_FEED_FORWARD)) {
            return "needs a feed-forward coefficient of " + shown(maxB) + where + ", beyond the fixed-point limit of "
                    + FieldPath.number(QuantizedBiquad.MAX_FEED_FORWARD) + "; " + toShrink(filter);
        }
        if (!c.isStable(0)) {
            return "is not stable once designed" + where + ": its poles land on or outside the unit circle (a1 = "
                    + c.a1() + ", a2 = " + c.a2() + "); " + toStabilise(filter, sampleRate);
        }
        return "cannot be run by the fixed-point kernel" + where + ": " + e.getMessage();
    }

    /** One decimal is enough to show how far over the limit; more only when that would read as 16. */
    private static String shown(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded > QuantizedBiquad.MAX_FEED_FORWARD ? FieldPath.number(rounded) : Double.toString(value);
    }

    /**
     * Feed-forward size grows with boost and, for shelves, with Q. Passes, bandpasses,
     * notches and allpasses have |b| <= 2 by construction, so they fall to the default.
     */
    private static String toShrink(FilterSpec filter) {
        return switch (filter) {
            case FilterSpec.Peaking p -> "lower gainDb or q";
            case FilterSpec.LowShelf s -> "lower gainDb or q";
            case FilterSpec.HighShelf s -> "lower gainDb or q";
            case FilterSpec.LowShelf1 s -> "lower gainDb";
            case FilterSpec.HighShelf1 s -> "lower gainDb";
            case FilterSpec.Biquad b -> "scale b0, b1 and b2 down";
            default -> "change freqHz";
        };
    }

    /**
     * Within the validated ranges only frequencies crowding Nyquist lose stability; the low
     * end is the other place poles approach z = 1, so the advice follows the frequency.
     */
    private static String toStabilise(FilterSpec filter, int sampleRate) {
        double nyquist = sampleRate / 2.0;
        double freqHz = switch (filter) {
            case FilterSpec.Peaking p -> p.freqHz();
            case FilterSpec.LowShelf s -> s.freqHz();
            case FilterSpec.HighShelf s -> s.freqHz();
            case FilterSpec.LowShelf1 s -> s.freqHz();
            case FilterSpec.HighShelf1 s -> s.freqHz();
            case FilterSpec.LowPass l -> l.freqHz();
            case FilterSpec.HighPass h -> h.freqHz();
            case FilterSpec.BandPass b -> b.freqHz();
            case FilterSpec.Notch n -> n.freqHz();
            case FilterSpec.AllPass a -> a.freqHz();
            case FilterSpec.AllPass1 a -> a.freqHz();
            case FilterSpec.Biquad b -> Double.NaN;
        };
        if (Double.isNaN(freqHz)) {
            return "move a1 and a2 inside the stability triangle";
        }
        if (freqHz > nyquist / 2) {
            return "lower freqHz, away from Nyquist " + FieldPath.number(nyquist);
        }
        return "raise freqHz";
    }

    /** The filter as a person would name it: {@code highshelf 21000 Hz, q 20, +18 dB}. */
    static String describe(FilterSpec filter) {
        String type = filter.type().jsonName();
        return switch (filter) {
            case FilterSpec.Peaking p -> type + " " + hz(p.freqHz()) + ", q " + n(p.q()) + ", " + db(p.gainDb());
            case FilterSpec.LowShelf s -> type + " " + hz(s.freqHz()) + ", q " + n(s.q()) + ", " + db(s.gainDb());
            case FilterSpec.HighShelf s -> type + " " + hz(s.freqHz()) + ", q " + n(s.q()) + ", " + db(s.gainDb());
            case FilterSpec.LowShelf1 s -> "first-order " + type + " " + hz(s.freqHz()) + ", " + db(s.gainDb());
            case FilterSpec.HighShelf1 s -> "first-order " + type + " " + hz(s.freqHz()) + ", " + db(s.gainDb());
            case FilterSpec.LowPass l -> type + " " + hz(l.freqHz()) + ", " + slope(l.slope());
            case FilterSpec.HighPass h -> type + " " + hz(h.freqHz()) + ", " + slope(h.slope());
            case FilterSpec.BandPass b -> type + " " + hz(b.freqHz()) + ", q " + n(b.q());
            case FilterSpec.Notch x -> type + " " + hz(x.freqHz()) + ", q " + n(x.q());
            case FilterSpec.AllPass a -> type + " " + hz(a.freqHz()) + ", q " + n(a.q());
            case FilterSpec.AllPass1 a -> "first-order " + type + " " + hz(a.freqHz());
            case FilterSpec.Biquad b -> type + " b0 " + n(b.b0()) + ", b1 " + n(b.b1()) + ", b2 " + n(b.b2())
                    + ", a1 " + n(b.a1()) + ", a2 " + n(b.a2());
        };
    }

    private static String slope(Slope slope) {
        return switch (slope) {
            case Slope.Aligned a -> a.align().jsonName() + " order " + a.order();
            case Slope.Resonant r -> "q " + n(r.q());
        };
    }

    private static String hz(double freqHz) {
        return n(freqHz) + " Hz";
    }

    private static String db(double gainDb) {
        return (gainDb > 0 ? "+" : "") + (gainDb == 0 ? "0" : n(gainDb)) + " dB";
    }

    private static String n(double value) {
        return FieldPath.number(value);
    }
}
