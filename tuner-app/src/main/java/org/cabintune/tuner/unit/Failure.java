package org.cabintune.tuner.unit;

/**
 * A failure the user can act on, said in one line: the CLI prints its message after the
 * command's name and exits with 1, without a stack trace.
 */
public class Failure extends RuntimeException {

    public Failure(String message) {
        super(message);
    }

    public Failure(String message, Throwable cause) {
        super(message, cause);
    }
}
