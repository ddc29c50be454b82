package org.cabintune.link.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum of the protocol whose wire words are its constants' names in lower case, words
 * joined by hyphens: {@code LOOP_OFF} is {@code loop-off}.
 */
public interface Worded {

    /** The constant's name (every enum has it). */
    String name();

    /** The wire word. */
    default String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} with this wire word. */
    static <E extends Enum<E> & Worded> Optional<E> of(Class<E> type, String word) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.word().equals(word)).findFirst();
    }
}
