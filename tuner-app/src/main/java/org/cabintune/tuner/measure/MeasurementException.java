package org.cabintune.tuner.measure;

/** A recording, stimulus or calibration that cannot be analysed; the message says why, for a user. */
public final class MeasurementException extends RuntimeException {

    public MeasurementException(String message) {
        super(message);
    }
}
