package org.cabintune.dsp.wav;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How integer output is dithered: the word of a command line ({@code --dither}) or a board file. */
public enum DitherMode {
    /** Plain rounding: no dither (the error is then correlated with quiet signals). */
    OFF("off"),
    /** Flat TPDF dither of +-1 LSB (the default). */
    TPDF("tpdf"),
    /** TPDF dither shaped by the E-weighted error filter ({@link Dither#shaped}). */
    SHAPED("shaped");

    private final String word;

    DitherMode(String word) {
        this.word = word;
    }

    /** The word used on command lines and in board files. */
    public String word() {
        return word;
    }

    /** Every word, for messages: {@code off, tpdf, shaped}. */
    public static List<String> words() {
        return Arrays.stream(values()).map(DitherMode::word).toList();
    }

    /** The mode for a word, if there is one. */
    public static Optional<DitherMode> fromWord(String word) {
        return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst();
    }

    /** The dither this mode asks for, for a stream of {@code channels} channels; null for {@link #OFF}. */
    public Dither create(long seed, int channels) {
        return switch (this) {
            case OFF -> null;
            case TPDF -> new Dither(seed);
            case SHAPED -> Dither.shaped(seed, channels);
        };
    }
}
