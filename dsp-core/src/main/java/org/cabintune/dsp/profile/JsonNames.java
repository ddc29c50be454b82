package org.cabintune.dsp.profile;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps the profile's enum words ({@code "linkwitz-riley"}) to constants and back. */
final class JsonNames {

    private JsonNames() {
    }

    /** The constant whose JSON name is exactly {@code text} (case-sensitive, as in files). */
    static <E> Optional<E> lookup(E[] values, Function<E, String> jsonName, String text) {
        return Arrays.stream(values).filter(v -> jsonName.apply(v).equals(text)).findFirst();
    }

    /** The JSON names joined for messages: {@code "peaking, lowshelf, highshelf"}. */
    static <E> String list(E[] values, Function<E, String> jsonName) {
        return Arrays.stream(values).map(jsonName).collect(Collectors.joining(", "));
    }
}
