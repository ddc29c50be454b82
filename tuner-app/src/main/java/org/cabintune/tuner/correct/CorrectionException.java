package org.cabintune.tuner.correct;

/** A target curve, measurement set or fitting request that cannot be used; the message says why, for a user. */
public final class CorrectionException extends RuntimeException {

    public CorrectionException(String message) {
        super(message);
    }
}
