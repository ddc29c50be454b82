package org.cabintune.hu.board;

import java.util.List;

/** A board file that cannot be used; one line per problem, each starting with the field's path. */
public final class BoardConfigException extends Exception {

    private final List<String> problems;

    BoardConfigException(String file, List<String> problems) {
        super(file + " is not a valid board configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, each {@code path message}. */
    public List<String> problems() {
        return problems;
    }
}
