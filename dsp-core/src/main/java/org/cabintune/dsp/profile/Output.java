package org.cabintune.dsp.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One physical output channel (one amplifier channel, one speaker): what it hears from the
 * bus, its filters in order, time alignment, level, polarity and protection.
 *
 * @param name    unique kebab-case name, e.g. {@code front-left-tweeter}
 * @param role    what kind of driver is connected; tweeters must be protected from bass
 * @param mix     input name to linear gain; the output hears the sum (iteration order is
 *                the file's order)
 * @param filters crossover and EQ filters, applied in order; defaults to none
 * @param delayMs time alignment delay, ms; defaults to 0
 * @param gainDb  level trim, dB; defaults to 0
 * @param invert  polarity inversion; defaults to false
 * @param protect the protection limiter and minimum highpass; defaults to {@link Protect#DEFAULT}
 */
public record Output(String name, Role role, Map<String, Double> mix, List<FilterSpec> filters,
                     double delayMs, double gainDb, boolean invert, Protect protect) {

    /** Takes immutable copies (keeping the mix's order); rejects nulls. */
    public Output {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(protect, "protect");
        mix = Collections.unmodifiableMap(new LinkedHashMap<>(mix));
        mix.forEach((k, v) -> {
            Objects.requireNonNull(k, "mix key");
            Objects.requireNonNull(v, "mix gain");
        });
        filters = List.copyOf(filters);
    }

    /** The kind of driver on an output. */
    public enum Role {
        /** High-frequency dome or ribbon; must sit behind a highpass (see {@link Protect}). */
        TWEETER("tweeter"),
        /** A dedicated midrange, typically 300 Hz..3 kHz. */
        MIDRANGE("midrange"),
        /** The door mid-bass/mid-woofer of a two-way front stage. */
        MIDWOOFER("midwoofer"),
        /** A woofer that is not a subwoofer (e.g. a kick panel 8"). */
        WOOFER("woofer"),
        /** A single wide-band driver with no crossover partner. */
        FULLRANGE("fullrange"),
        /** A coaxial with its own passive crossover, typically the rear fill. */
        COAXIAL("coaxial"),
        /** The lowest octaves, usually below 80 Hz. */
        SUBWOOFER("subwoofer");

        private final String jsonName;

        Role(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The word used in profile files. */
        public String jsonName() {
            return jsonName;
        }

        /** The constant for a profile word, if there is one. */
        public static Optional<Role> fromJsonName(String text) {
            return JsonNames.lookup(values(), Role::jsonName, text);
        }
    }

    /**
     * Protection of the driver: a true-peak ceiling on the output, and optionally the lowest
     * highpass the output's filters must contain (a tweeter must never get bass).
     *
     * @param minHighpassHz when present, the output's filters must contain a highpass at or
     *                      above this frequency; required for tweeters
     * @param ceilingDbtp   the output's true-peak ceiling, dBTP; defaults to 0 (full scale)
     */
    public record Protect(OptionalDouble minHighpassHz, double ceilingDbtp) {

        /** No highpass requirement, ceiling at full scale: what an absent {@code protect} means. */
        public static final Protect DEFAULT = new Protect(OptionalDouble.empty(), 0.0);

        /** Rejects a null minimum (use {@link OptionalDouble#empty()}). */
        public Protect {
            Objects.requireNonNull(minHighpassHz, "minHighpassHz");
        }
    }
}
