package org.cabintune.tuner.ui;

/** A long operation run off the event thread; it reports through {@link Progress} and may be cancelled there. */
@FunctionalInterface
public interface Job<T> {

    T run(Progress progress) throws Exception;
}
