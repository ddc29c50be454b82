package org.cabintune.tuner.ui;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Errors as a person reads them: the message that names what went wrong, never a stack trace. */
public final class Messages {

    private Messages() {
    }

    /** The readable text of {@code e}, unwrapped from the wrappers threads and reflection add. */
    public static String readable(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException || t instanceof InvocationTargetException
                || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return switch (t) {
            case NoSuchFileException n -> n.getFile() + ": no such file";
            case AccessDeniedException a -> a.getFile() + ": permission denied";
            case OutOfMemoryError o -> "not enough memory for this; close some measurements or give Java more (-Xmx)";
            default -> t.getMessage() != null && !t.getMessage().isBlank() ? t.getMessage()
                    : "unexpected " + t.getClass().getSimpleName() + (t.getCause() != null ? ": " + readable(t.getCause()) : "");
        };
    }
}
