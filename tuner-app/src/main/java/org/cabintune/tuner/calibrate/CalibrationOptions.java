package org.cabintune.tuner.calibrate;

/**
 * Choices of one calibration.
 *
 * @param seat         the seat the correction is for
 * @param sweepSeconds the sweep's length
 * @param levelDbfs    the sweep's peak level
 * @param reference    the output index that plays the timing markers
 * @param profileId    the id the corrected profile is stored under
 * @param profileName  its name
 */
public record CalibrationOptions(String seat, double sweepSeconds, double levelDbfs, int reference, String profileId,
                                 String profileName) {
}
