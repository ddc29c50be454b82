package org.cabintune.tuner.ui.eq;

import java.util.Locale;
import java.util.Objects;
import org.cabintune.dsp.profile.FilterSpec;

/**
 * One EQ filter as the editor shows it: a peaking filter or a second-order shelf, with its
 * frequency, gain and Q (the {@link FilterSpec} kinds the auto-EQ places and the exports write).
 *
 * @param kind   what it is
 * @param freqHz centre (peaking) or midpoint (shelf) frequency
 * @param gainDb gain at the centre, or of the shelf
 * @param q      quality factor
 */
public record EqBand(Kind kind, double freqHz, double gainDb, double q) {

    /** The kinds an EQ filter may be. */
    public enum Kind {
        PEAKING("Peaking"), LOW_SHELF("Low shelf"), HIGH_SHELF("High shelf");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public EqBand {
        Objects.requireNonNull(kind, "kind");
    }

    /** The band of an EQ filter; other filters (crossovers, raw biquads) are not EQ and are refused. */
    public static EqBand of(FilterSpec f) {
        return switch (f) {
            case FilterSpec.Peaking p -> new EqBand(Kind.PEAKING, p.freqHz(), p.gainDb(), p.q());
            case FilterSpec.LowShelf s -> new EqBand(Kind.LOW_SHELF, s.freqHz(), s.gainDb(), s.q());
            case FilterSpec.HighShelf s -> new EqBand(Kind.HIGH_SHELF, s.freqHz(), s.gainDb(), s.q());
            default -> throw new IllegalArgumentException("a " + f.type().jsonName()
                    + " filter is not an EQ filter the editor can change (peaking, low shelf, high shelf)");
        };
    }

    /** The filter the profile holds. */
    public FilterSpec spec() {
        return switch (kind) {
            case PEAKING -> new FilterSpec.Peaking(freqHz, q, gainDb);
            case LOW_SHELF -> new FilterSpec.LowShelf(freqHz, q, gainDb);
            case HIGH_SHELF -> new FilterSpec.HighShelf(freqHz, q, gainDb);
        };
    }

    public EqBand withFrequency(double value) {
        return new EqBand(kind, value, gainDb, q);
    }

    public EqBand withGain(double value) {
        return new EqBand(kind, freqHz, value, q);
    }

    public EqBand withQ(double value) {
        return new EqBand(kind, freqHz, gainDb, value);
    }

    public EqBand withKind(Kind value) {
        return new EqBand(value, freqHz, gainDb, q);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.1f Hz %+.2f dB Q %.2f", kind, freqHz, gainDb, q);
    }
}
