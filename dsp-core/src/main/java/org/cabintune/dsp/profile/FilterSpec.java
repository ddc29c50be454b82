package org.cabintune.dsp.profile;

import java.util.Objects;
import java.util.Optional;

/**
 * One filter of an output's chain, as written in a profile: what to design, not the design.
 * Frequencies are in Hz, gains in dB, Q is dimensionless. The filter package turns these into
 * coefficients; ranges are checked by {@link ProfileValidator} because the Nyquist limit
 * depends on the profile's sample rate.
 *
 * <p>Each kind is its own record so that a compiler can {@code switch} over them
 * exhaustively; the JSON {@code type} word is {@link #type()}. A type that comes in two
 * orders has one record per order ({@link LowShelf} and {@link LowShelf1} are both
 * {@code lowshelf}), so every record holds exactly the fields its design uses.
 */
public sealed interface FilterSpec {

    /** The JSON {@code type} of this filter. */
    Type type();

    /** The JSON {@code type} words. */
    enum Type {
        PEAKING("peaking"), LOWSHELF("lowshelf"), HIGHSHELF("highshelf"),
        LOWPASS("lowpass"), HIGHPASS("highpass"), BANDPASS("bandpass"),
        NOTCH("notch"), ALLPASS("allpass"), BIQUAD("biquad");

        private final String jsonName;

        Type(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The word used in profile files. */
        public String jsonName() {
            return jsonName;
        }

        /** The constant for a profile word, if there is one. */
        public static Optional<Type> fromJsonName(String text) {
            return JsonNames.lookup(values(), Type::jsonName, text);
        }
    }

    /** Alignment of a lowpass/highpass of a given order. */
    enum Align {
        /** Maximally flat; -3 dB at freqHz. The default when {@code align} is omitted. */
        BUTTERWORTH("butterworth"),
        /** Two cascaded Butterworths of half the order; -6 dB at freqHz, so LP+HP sum flat. */
        LINKWITZ_RILEY("linkwitz-riley");

        private final String jsonName;

        Align(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The word used in profile files. */
        public String jsonName() {
            return jsonName;
        }

        /** The constant for a profile word, if there is one. */
        public static Optional<Align> fromJsonName(String text) {
            return JsonNames.lookup(values(), Align::jsonName, text);
        }
    }

    /** How steep a lowpass/highpass is: an aligned order, or one section with a given Q. */
    sealed interface Slope {

        /** {@code order} 1..8 with an {@code align}ment; Linkwitz-Riley needs an even order. */
        record Aligned(int order, Align align) implements Slope {
            /** Rejects a null alignment. */
            public Aligned {
                Objects.requireNonNull(align, "align");
            }
        }

        /** A single second-order section ({@code order} 2) with an explicit {@code q}. */
        record Resonant(double q) implements Slope {
        }
    }

    /** RBJ cookbook peaking EQ. */
    record Peaking(double freqHz, double q, double gainDb) implements FilterSpec {
        @Override
        public Type type() {
            return Type.PEAKING;
        }
    }

    /** RBJ cookbook low shelf ({@code order} 2, the default); {@code freqHz} is the shelf midpoint. */
    record LowShelf(double freqHz, double q, double gainDb) implements FilterSpec {
        @Override
        public Type type() {
            return Type.LOWSHELF;
        }
    }

    /** RBJ cookbook high shelf ({@code order} 2, the default); {@code freqHz} is the shelf midpoint. */
    record HighShelf(double freqHz, double q, double gainDb) implements FilterSpec {
        @Override
        public Type type() {
            return Type.HIGHSHELF;
        }
    }

    /**
     * First-order low shelf ({@code "order": 1}): {@code gainDb} towards DC, half of it at
     * {@code freqHz}, 6 dB/octave at most in between. It has no Q.
     */
    record LowShelf1(double freqHz, double gainDb) implements FilterSpec {
        @Override
        public Type type() {
            return Type.LOWSHELF;
        }
    }

    /**
     * First-order high shelf ({@code "order": 1}): {@code gainDb} towards Nyquist, half of it
     * at {@code freqHz}. It has no Q.
     */
    record HighShelf1(double freqHz, double gainDb) implements FilterSpec {
        @Override
        public Type type() {
            return Type.HIGHSHELF;
        }
    }

    /** Lowpass (crossover or roll-off). */
    record LowPass(double freqHz, Slope slope) implements FilterSpec {
        /** Rejects a null slope. */
        public LowPass {
            Objects.requireNonNull(slope, "slope");
        }

        @Override
        public Type type() {
            return Type.LOWPASS;
        }
    }

    /** Highpass (crossover, subsonic or driver protection). */
    record HighPass(double freqHz, Slope slope) implements FilterSpec {
        /** Rejects a null slope. */
        public HighPass {
            Objects.requireNonNull(slope, "slope");
        }

        @Override
        public Type type() {
            return Type.HIGHPASS;
        }
    }

    /** RBJ cookbook bandpass, 0 dB peak gain. */
    record BandPass(double freqHz, double q) implements FilterSpec {
        @Override
        public Type type() {
            return Type.BANDPASS;
        }
    }

    /** RBJ cookbook notch. */
    record Notch(double freqHz, double q) implements FilterSpec {
        @Override
        public Type type() {
            return Type.NOTCH;
        }
    }

    /** RBJ cookbook second-order allpass ({@code order} 2, the default): 180 degrees at {@code freqHz}. */
    record AllPass(double freqHz, double q) implements FilterSpec {
        @Override
        public Type type() {
            return Type.ALLPASS;
        }
    }

    /** First-order allpass ({@code "order": 1}): 90 degrees at {@code freqHz}. It has no Q. */
    record AllPass1(double freqHz) implements FilterSpec {
        @Override
        public Type type() {
            return Type.ALLPASS;
        }
    }

    /**
     * A raw biquad, normalised so that a0 = 1:
     * {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)}.
     */
    record Biquad(double b0, double b1, double b2, double a1, double a2) implements FilterSpec {
        @Override
        public Type type() {
            return Type.BIQUAD;
        }
    }
}
