package org.cabintune.dsp.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cabintune.dsp.profile.FilterSpec.Align;
import org.cabintune.dsp.profile.FilterSpec.Slope;
import org.cabintune.dsp.profile.FilterSpec.Type;

/**
 * Maps one {@code filters[i]} object to its {@link FilterSpec}: the {@code type} decides which
 * fields are allowed, so a {@code q} on a biquad or an {@code order} on a peaking filter is
 * reported as not belonging there. For shelves and the allpass the {@code order} picks the
 * record (first or second order), so it is read here; other ranges are left to
 * {@link FilterValidator}.
 */
final class FilterReader {

    private static final List<String> EQ = List.of("type", "freqHz", "q", "gainDb");
    private static final List<String> SHELF = List.of("type", "freqHz", "gainDb");
    private static final List<String> RESONANT = List.of("type", "freqHz", "q");
    private static final List<String> ALLPASS = List.of("type", "freqHz");
    /** Shelves and the allpass: {@code order} 1 (no q) or 2 (the default, with q). */
    private static final List<String> FIRST_OR_SECOND = List.of("order", "q");
    private static final List<String> PASS = List.of("type", "freqHz");
    private static final List<String> PASS_OPTIONAL = List.of("order", "align", "q");
    private static final List<String> BIQUAD = List.of("type", "b0", "b1", "b2", "a1", "a2");
    private static final String TYPES = JsonNames.list(Type.values(), Type::jsonName);
    private static final String ORDER_RANGE = "is outside " + FilterValidator.MIN_ORDER + ".."
            + FilterValidator.MAX_ORDER;

    private FilterReader() {
    }

    /** The filter, or null after reporting why not. */
    static FilterSpec filter(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.at(path, " " + Fields.describe(node) + "; expected a filter (a JSON object with a type)");
            return null;
        }
        JsonNode typeNode = node.get("type");
        String typePath = FieldPath.field(path, "type");
        if (typeNode == null) {
            problems.at(typePath, " is missing; a filter requires a type, one of " + TYPES);
            return null;
        }
        if (!typeNode.isTextual()) {
            problems.at(typePath, " " + Fields.describe(typeNode) + "; expected one of " + TYPES);
            return null;
        }
        Type type = Type.fromJsonName(typeNode.textValue()).orElse(null);
        if (type == null) {
            problems.value(typePath, typeNode.textValue(), "is not one of " + TYPES);
            return null;
        }
        return switch (type) {
            case PEAKING -> peaking(node, path, problems);
            case LOWSHELF, HIGHSHELF -> shelf(type, node, path, problems);
            case LOWPASS, HIGHPASS -> pass(type, node, path, problems);
            case BANDPASS, NOTCH -> resonant(type, node, path, problems);
            case ALLPASS -> allpass(node, path, problems);
            case BIQUAD -> biquad(node, path, problems);
        };
    }

    private static FilterSpec peaking(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, what(Type.PEAKING), EQ, List.of());
        FilterSpec.Peaking peaking = new FilterSpec.Peaking(f.number("freqHz"), f.number("q"), f.number("gainDb"));
        return problems.size() > mark ? null : peaking;
    }

    private static FilterSpec shelf(Type type, JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, what(type), SHELF, FIRST_OR_SECOND);
        double freqHz = f.number("freqHz");
        double gainDb = f.number("gainDb");
        int order = firstOrSecond(type, f, problems);
        double q = order == 2 ? f.number("q") : Double.NaN;
        if (problems.size() > mark) {
            return null;
        }
        boolean low = type == Type.LOWSHELF;
        if (order == 1) {
            return low ? new FilterSpec.LowShelf1(freqHz, gainDb) : new FilterSpec.HighShelf1(freqHz, gainDb);
        }
        return low ? new FilterSpec.LowShelf(freqHz, q, gainDb) : new FilterSpec.HighShelf(freqHz, q, gainDb);
    }

    private static FilterSpec allpass(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, what(Type.ALLPASS), ALLPASS, FIRST_OR_SECOND);
        double freqHz = f.number("freqHz");
        int order = firstOrSecond(Type.ALLPASS, f, problems);
        double q = order == 2 ? f.number("q") : Double.NaN;
        if (problems.size() > mark) {
            return null;
        }
        return order == 1 ? new FilterSpec.AllPass1(freqHz) : new FilterSpec.AllPass(freqHz, q);
    }

    /**
     * The {@code order} of a shelf or allpass: 1 for the first-order section, which has no
     * {@code q}, or 2 (the default) for the cookbook's second-order section, which needs one.
     * 0 after a reported problem.
     */
    private static int firstOrSecond(Type type, Fields f, Problems problems) {
        String name = type.jsonName();
        int mark = problems.size();
        int order = f.has("order") ? f.integer("order", "is not 1 or 2") : 2;
        if (problems.size() > mark) {
            return 0;
        }
        if (order != 1 && order != 2) {
            problems.value(f.path("order"), order, "is not 1 or 2; a " + name + " is first order (1) or the "
                    + "cookbook's second-order section (2, the default)");
            return 0;
        }
        if (order == 1 && f.has("q")) {
            problems.at(f.path("q"), " is not allowed with order 1; a first-order " + name + " has no q, "
                    + "remove it (or use order 2)");
            return 0;
        }
        if (order == 2 && !f.has("q")) {
            problems.at(f.path("q"), " is missing; a " + name + " of order 2 (the default) requires q; "
                    + "give q, or order 1 for a first-order " + name);
            return 0;
        }
        return order;
    }

    private static FilterSpec resonant(Type type, JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, what(type), RESONANT, List.of());
        double freqHz = f.number("freqHz");
        double q = f.number("q");
        if (problems.size() > mark) {
            return null;
        }
        return type == Type.BANDPASS ? new FilterSpec.BandPass(freqHz, q) : new FilterSpec.Notch(freqHz, q);
    }

    /**
     * Lowpass/highpass come in two forms: {@code order} (+ {@code align}, default
     * Butterworth), or {@code q} (with {@code order} 2 or no order) for one second-order
     * section with that Q.
     */
    private static FilterSpec pass(Type type, JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, what(type), PASS, PASS_OPTIONAL);
        double freqHz = f.number("freqHz");
        int beforeOrder = problems.size();
        int order = f.integer("order", ORDER_RANGE);
        boolean orderRead = f.has("order") && problems.size() == beforeOrder;
        Slope slope = null;
        if (f.has("q")) {
            double q = f.number("q");
            if (f.has("align")) {
                problems.at(f.path("align"), " cannot be combined with q; q makes a single "
                        + "second-order section, remove one of them");
            }
            if (orderRead && order != 2) {
                problems.value(f.path("order"), order, "must be 2 when q is given (q makes a "
                        + "single second-order section)");
            }
            slope = new Slope.Resonant(q);
        } else if (!f.has("order")) {
            problems.at(f.path("order"), " is missing; " + what(type) + " needs order (1..8, "
                    + "with align) or q (one second-order section)");
        } else {
            Align align = f.choice("align", Align.values(), Align::jsonName, Align.BUTTERWORTH);
            slope = align == null ? null : new Slope.Aligned(order, align);
        }
        if (problems.size() > mark || slope == null) {
            return null;
        }
        return type == Type.LOWPASS ? new FilterSpec.LowPass(freqHz, slope) : new FilterSpec.HighPass(freqHz, slope);
    }

    private static FilterSpec biquad(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, what(Type.BIQUAD), BIQUAD, List.of());
        FilterSpec.Biquad biquad = new FilterSpec.Biquad(f.number("b0"), f.number("b1"),
                f.number("b2"), f.number("a1"), f.number("a2"));
        return problems.size() > mark ? null : biquad;
    }

    private static String what(Type type) {
        return "a " + type.jsonName() + " filter";
    }
}
