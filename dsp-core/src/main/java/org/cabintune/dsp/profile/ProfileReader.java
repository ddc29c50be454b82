package org.cabintune.dsp.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cabintune.dsp.profile.Output.Protect;
import org.cabintune.dsp.profile.Output.Role;

/**
 * Maps a JSON tree to a {@link Profile}: structure and JSON types only, reporting every
 * problem. Ranges and cross-field rules are {@link ProfileValidator}'s.
 */
final class ProfileReader {

    private ProfileReader() {
    }

    /** The profile, or null after reporting why not. */
    static Profile profile(JsonNode node, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, "", problems, "a profile",
                List.of("format", "name", "sampleRate", "inputs", "outputs"), List.of("bus"));
        if (f == null) {
            return null;
        }
        String format = f.string("format");
        String name = f.string("name");
        int sampleRate = f.integer("sampleRate", "is not one of " + ProfileValidator.SAMPLE_RATES_TEXT);
        List<String> inputs = f.list("inputs", (n, p) -> stringElement(n, p, problems));
        Bus bus = f.has("bus") ? BusReader.bus(f.get("bus"), f.path("bus"), problems) : Bus.OFF;
        List<Output> outputs = f.list("outputs", (n, p) -> output(n, p, problems));
        if (problems.size() > mark) {
            return null;
        }
        return new Profile(format, name, sampleRate, inputs, bus, outputs);
    }

    private static Output output(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "an output", List.of("name", "role", "mix"),
                List.of("filters", "delayMs", "gainDb", "invert", "protect"));
        if (f == null) {
            return null;
        }
        String name = f.string("name");
        Role role = f.choice("role", Role.values(), Role::jsonName, null);
        Map<String, Double> mix = f.has("mix") ? mix(f.get("mix"), f.path("mix"), problems) : null;
        List<FilterSpec> filters = f.list("filters", (n, p) -> FilterReader.filter(n, p, problems));
        double delayMs = f.number("delayMs", 0.0);
        double gainDb = f.number("gainDb", 0.0);
        boolean invert = f.bool("invert", false);
        Protect protect = f.has("protect") ? protect(f.get("protect"), f.path("protect"), problems)
                : Protect.DEFAULT;
        if (problems.size() > mark) {
            return null;
        }
        return new Output(name, role, mix, filters, delayMs, gainDb, invert, protect);
    }

    /** Keys are input names, so any key is allowed here; the validator matches them to inputs. */
    private static Map<String, Double> mix(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.at(path, " " + Fields.describe(node) + "; expected an object of input name to linear gain");
            return null;
        }
        Map<String, Double> mix = new LinkedHashMap<>();
        boolean failed = false;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Double gain = Fields.numberElement(entry.getValue(), FieldPath.field(path, entry.getKey()), problems);
            failed |= gain == null;
            mix.put(entry.getKey(), gain);
        }
        return failed ? null : mix;
    }

    private static Protect protect(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "protect", List.of(), List.of("minHighpassHz", "ceilingDbtp"));
        if (f == null) {
            return null;
        }
        OptionalDouble minHighpassHz = f.has("minHighpassHz")
                ? OptionalDouble.of(f.number("minHighpassHz")) : OptionalDouble.empty();
        double ceilingDbtp = f.number("ceilingDbtp", Protect.DEFAULT.ceilingDbtp());
        return problems.size() > mark ? null : new Protect(minHighpassHz, ceilingDbtp);
    }

    private static String stringElement(JsonNode node, String path, Problems problems) {
        if (!node.isTextual()) {
            problems.at(path, " " + Fields.describe(node) + "; expected a string");
            return null;
        }
        return node.textValue();
    }
}
