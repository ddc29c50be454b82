package org.cabintune.tuner.calibrate;

/** A calibration that cannot go on, with a message for the installer. */
public final class CalibrationException extends RuntimeException {

    public CalibrationException(String message) {
        super(message);
    }

    public CalibrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
