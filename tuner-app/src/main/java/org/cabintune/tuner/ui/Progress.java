package org.cabintune.tuner.ui;

import java.util.concurrent.CancellationException;

/**
 * What a long operation tells the person waiting for it, and where it learns it is no longer wanted:
 * {@link #step} throws {@link CancellationException} once cancelled, so work stops at its next step.
 */
@FunctionalInterface
public interface Progress {

    /** Nobody is waiting: steps go nowhere and nothing is ever cancelled. */
    Progress NONE = (what, fraction) -> { };

    /**
     * Reports {@code what} is being done and how far along the whole is (0 .. 1, or NaN when unknown).
     *
     * @throws CancellationException when the operation was cancelled
     */
    void step(String what, double fraction);
}
