package org.cabintune.dsp.profile;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.cabintune.dsp.profile.FilterSpec.HighPass;
import org.cabintune.dsp.profile.Output.Protect;
import org.cabintune.dsp.profile.Output.Role;

/** Ranges and rules of one {@link Output}, including the tweeter protection rule. */
final class OutputValidator {

    static final int MAX_NAME_LENGTH = 48;
    /** Lower-case words joined by single hyphens, like {@code front-left-tweeter}: safe in topics and file names. */
    static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Linear mix gains; 4 (+12 dB) is plenty for summing and keeps headroom in Q8.24. */
    static final double MAX_MIX_GAIN = 4.0;
    /** 20 ms is about 6.9 m of path difference, more than any cabin needs. */
    static final double MAX_DELAY_MS = 20.0;
    static final double MIN_GAIN_DB = -60.0;
    static final double MAX_GAIN_DB = 24.0;
    static final double MIN_PROTECT_HIGHPASS_HZ = 10.0;
    static final double MAX_PROTECT_HIGHPASS_HZ = 20000.0;
    static final double MIN_CEILING_DBTP = -20.0;

    private OutputValidator() {
    }

    /**
     * @param sampleRate the profile's rate, or 0 when it is invalid (skips Nyquist checks)
     * @param inputs     the declared input names, which the mix may refer to
     */
    static void check(Output output, String path, int sampleRate, List<String> inputs, Problems problems) {
        String name = output.name();
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            problems.value(path + ".name", name, "must be 1.." + MAX_NAME_LENGTH + " characters of "
                    + "a-z and 0-9 in words joined by single hyphens, like front-left-tweeter");
        }
        checkMix(output.mix(), path + ".mix", inputs, problems);
        List<FilterSpec> filters = output.filters();
        problems.count(path + ".filters", filters.size(), 0, FilterValidator.MAX_FILTERS);
        for (int i = 0; i < filters.size(); i++) {
            FilterValidator.check(filters.get(i), FieldPath.index(path + ".filters", i), sampleRate, problems);
        }
        problems.range(path + ".delayMs", output.delayMs(), 0.0, MAX_DELAY_MS);
        problems.range(path + ".gainDb", output.gainDb(), MIN_GAIN_DB, MAX_GAIN_DB);
        checkProtect(output, path, problems);
    }

    private static void checkMix(Map<String, Double> mix, String path, List<String> inputs, Problems problems) {
        if (mix.isEmpty()) {
            problems.at(path, " is empty; it needs at least one input, e.g. {\"L\": 1.0}");
        }
        mix.forEach((input, gain) -> {
            String entry = FieldPath.field(path, input);
            if (!inputs.contains(input)) {
                problems.at(entry, " names an input that is not declared; inputs are "
                        + String.join(", ", inputs));
            }
            problems.range(entry, gain, -MAX_MIX_GAIN, MAX_MIX_GAIN);
        });
    }

    /**
     * A declared {@code minHighpassHz} must be met by a highpass in the output's own filters
     * (raw biquads do not count: their corner is not known). A tweeter must declare one.
     */
    private static void checkProtect(Output output, String path, Problems problems) {
        Protect protect = output.protect();
        String protectPath = path + ".protect";
        problems.range(protectPath + ".ceilingDbtp", protect.ceilingDbtp(), MIN_CEILING_DBTP, 0.0);
        OptionalDouble min = protect.minHighpassHz();
        if (min.isEmpty()) {
            if (output.role() == Role.TWEETER) {
                problems.at(protectPath + ".minHighpassHz", " is missing; an output with role tweeter "
                        + "must declare it, because a tweeter must never get bass");
            }
            return;
        }
        String minPath = protectPath + ".minHighpassHz";
        if (!problems.range(minPath, min.getAsDouble(), MIN_PROTECT_HIGHPASS_HZ, MAX_PROTECT_HIGHPASS_HZ)) {
            return;
        }
        double highest = output.filters().stream()
                .filter(HighPass.class::isInstance)
                .mapToDouble(f -> ((HighPass) f).freqHz())
                .max().orElse(Double.NaN);
        if (!(highest >= min.getAsDouble())) {
            problems.at(path + ".filters", " has no highpass at or above " + minPath + " = "
                    + FieldPath.number(min.getAsDouble()) + " Hz"
                    + (Double.isNaN(highest) ? " (it has no highpass at all)"
                            : " (the highest is at " + FieldPath.number(highest) + " Hz)")
                    + "; the " + output.role().jsonName() + " needs one to be protected");
        }
    }
}
