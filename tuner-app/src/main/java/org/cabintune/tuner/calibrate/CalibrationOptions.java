package org.cabintune.tuner.calibrate;

import java.nio.file.Path;

/**
 * Choices of one calibration.
 *
 * @param seat         the seat the correction is for
 * @param sweepSeconds the sweep's length
 * @param levelDbfs    the sweep's peak level
 * @param reference    the output index that plays the timing markers
 * @param profileId    the id the corrected profile is stored under
 * @param profileName  its name
 * @param target       the target curve (REW house-curve text)
 */
public record CalibrationOptions(String seat, double sweepSeconds, double levelDbfs, int reference, String profileId,
                                 String profileName, Path target) {

    /** The stimulus's default peak level: loud enough over road noise, well clear of the limiters. */
    public static final double LEVEL_DBFS = -12;
}
