package org.cabintune.tuner.ui.unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Failures said in one sentence a person can act on: the views never show a stack trace. */
final class Problems {

    private Problems() {
    }

    /** The sentence for {@code failure}. */
    static String readable(Throwable failure) {
        Throwable t = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        if (t instanceof NoSuchFileException e) {
            return e.getFile() + " does not exist";
        }
        if (t instanceof AccessDeniedException e) {
            return e.getFile() + " cannot be read or written: permission denied";
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t instanceof IOException ? "input/output failed (" + t.getClass().getSimpleName() + ")"
                    : "unexpected " + t.getClass().getSimpleName() + "; please report it";
        }
        // The tuner's own failures (Failure, CalibrationException, MeasurementException, checks) are sentences already.
        return message.strip().replace('\n', ' ');
    }

    /** {@code clause} as the start of a sentence: its first letter capitalised. */
    static String capitalised(String clause) {
        return clause.isEmpty() ? clause : Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    }
}
