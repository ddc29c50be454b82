package org.cabintune.dsp.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the ranges and cross-field rules of a whole {@link Profile}, and that every filter
 * designs into stable sections the fixed-point kernel can hold, reporting every problem with
 * its JSON path. The parser and the writer run it; code that builds a profile (the
 * tuner's correction design) runs it before pushing one. Per-part rules live in
 * {@link BusValidator}, {@link OutputValidator} and {@link FilterValidator}.
 */
public final class ProfileValidator {

    /** The sample rates the DAC HATs and the filter design are qualified for. */
    public static final List<Integer> SAMPLE_RATES = List.of(44100, 48000, 88200, 96000);
    static final String SAMPLE_RATES_TEXT = SAMPLE_RATES.stream().map(String::valueOf)
            .collect(Collectors.joining(", "));

    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_INPUTS = 8;
    static final int MAX_INPUT_NAME_LENGTH = 16;
    /** Short channel names, usable as keys in {@code mix} and in topics: {@code L}, {@code R}, {@code aux_1}. */
    static final Pattern INPUT_NAME = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_INPUT_NAME_LENGTH + "}");
    static final int MAX_OUTPUTS = 16;

    private ProfileValidator() {
    }

    /** Throws a {@link ProfileException} listing every problem of {@code profile}. */
    public static void validate(Profile profile) throws ProfileException {
        Problems problems = new Problems();
        check(profile, problems);
        problems.throwIfAny();
    }

    static void check(Profile profile, Problems problems) {
        if (!Profile.FORMAT.equals(profile.format())) {
            problems.value("format", profile.format(), "is not \"" + Profile.FORMAT + "\"");
        }
        checkName(profile.name(), problems);
        boolean rateKnown = SAMPLE_RATES.contains(profile.sampleRate());
        if (!rateKnown) {
            problems.value("sampleRate", profile.sampleRate(), "is not one of " + SAMPLE_RATES_TEXT);
        }
        checkInputs(profile.inputs(), problems);
        BusValidator.check(profile.bus(), "bus", problems);
        List<Output> outputs = profile.outputs();
        problems.count("outputs", outputs.size(), 1, MAX_OUTPUTS);
        // With an unknown rate there is no Nyquist limit to hold frequencies to.
        int sampleRate = rateKnown ? profile.sampleRate() : 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            String path = FieldPath.index("outputs", i);
            Output output = outputs.get(i);
            OutputValidator.check(output, path, sampleRate, profile.inputs(), problems);
            Integer first = seen.putIfAbsent(output.name(), i);
            if (first != null) {
                problems.value(path + ".name", output.name(), "repeats outputs[" + first + "].name; "
                        + "output names must be unique");
            }
        }
    }

    private static void checkName(String name, Problems problems) {
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_NAME_LENGTH) {
            problems.value("name", name, "has " + length + " characters; allowed 1.." + MAX_NAME_LENGTH);
        } else if (name.isBlank()) {
            problems.value("name", name, "is blank; it needs a visible character");
        } else if (!isPrintable(name)) {
            problems.value("name", name, "contains a control character or broken Unicode");
        }
    }

    /** No control characters and no lone surrogates (which cannot be written as UTF-8). */
    private static boolean isPrintable(String text) {
        return text.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.SURROGATE);
    }

    private static void checkInputs(List<String> inputs, Problems problems) {
        problems.count("inputs", inputs.size(), 1, MAX_INPUTS);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            String path = FieldPath.index("inputs", i);
            String input = inputs.get(i);
            if (!INPUT_NAME.matcher(input).matches()) {
                problems.value(path, input, "must be 1.." + MAX_INPUT_NAME_LENGTH
                        + " characters of A-Z, a-z, 0-9, _ and -");
            }
            Integer first = seen.putIfAbsent(input, i);
            if (first != null) {
                problems.value(path, input, "repeats inputs[" + first + "]; input names must be unique");
            }
        }
    }
}
