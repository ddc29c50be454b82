package org.cabintune.dsp.profile;

import java.util.List;

/**
 * A profile was refused. Each problem is one line that starts with the JSON path of the field
 * ({@code outputs[2].filters[0].freqHz}, or {@code profile} for the document as a whole),
 * then the offending value and what is allowed, e.g.
 * {@code bus.limiter.lookaheadMs = 9 is outside 0.5..5}. The message is all problems, one
 * per line.
 *
 * <p>Checked, because a bad profile is an expected event at every edge that reads one (a file,
 * a pushed message) and the caller must decide what the running unit does meanwhile.
 */
public final class ProfileException extends Exception {

    private final List<String> problems;

    /** Creates the exception from one or more problem lines. */
    public ProfileException(List<String> problems) {
        this(problems, null);
    }

    /** Creates the exception from problem lines, keeping the low-level cause for debugging. */
    public ProfileException(List<String> problems, Throwable cause) {
        super(String.join("\n", requireSome(problems)), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems, one per entry, in the order found. */
    public List<String> problems() {
        return problems;
    }

    private static List<String> requireSome(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ProfileException needs at least one problem");
        }
        return problems;
    }
}
