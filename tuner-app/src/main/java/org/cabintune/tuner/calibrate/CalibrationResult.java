package org.cabintune.tuner.calibrate;

import java.util.List;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.hu.board.BoardConfig;

/**
 * What a calibration did and found: per output and for all outputs together, the response
 * before, the target, what the correction predicts and what was measured after it, on one
 * log-frequency grid (dB, 1/6 octave, averaged over the microphone positions).
 *
 * @param unit       the unit's id
 * @param board      the board the unit runs: its outputs, their DAC channels and protection limits
 * @param vehicle    the vehicle as the installer names it (by default the cabin's description)
 * @param car        what was measured: a car's name, or the microphone's
 * @param seat       the seat the correction is for
 * @param positions  the microphone positions averaged
 * @param targetName the target curve's name
 * @param hz         the grid
 * @param profileId  the id the profile was stored under
 * @param profile    the profile the unit now plays
 * @param outputs    one entry per unit output, in DAC order
 * @param summed     all corrected outputs playing together
 * @param seconds    how long the whole loop took
 */
public record CalibrationResult(String unit, BoardConfig board, String vehicle, String car, String seat, List<String> positions, String targetName,
                                double[] hz, String profileId, Profile profile, List<OutputResult> outputs,
                                Curves summed, double seconds) {

    /**
     * One output.
     *
     * @param index           its index in DAC order
     * @param name            its name
     * @param role            its role word
     * @param connected       whether a speaker was heard on it
     * @param notes           what the design decided and why (crossover, level, muting)
     * @param curves          before, target, predicted and after
     * @param nulls           grid points excluded as uncorrectable nulls
     * @param bandHz          the band it was corrected in, {low, high}
     * @param crossover       the crossover filters designed
     * @param eq              the EQ filters fitted
     * @param delayMs         its delay
     * @param gainDb          its level
     * @param invert          whether its polarity is inverted
     * @param arrivalBeforeMs its arrival at the seat before, ms after the timing reference
     * @param arrivalAfterMs  after the correction (delay included)
     * @param fitMillis       how long its EQ fit took
     */
    public record OutputResult(int index, String name, String role, boolean connected, List<String> notes,
                               Curves curves, boolean[] nulls, double[] bandHz, List<FilterSpec> crossover,
                               List<FilterSpec> eq, double delayMs, double gainDb, boolean invert,
                               double arrivalBeforeMs, double arrivalAfterMs, double fitMillis) {
    }

    /**
     * Responses on the result's grid, dB; null where not measured.
     *
     * @param before    measured before the correction
     * @param target    the target at the level the correction aims for
     * @param predicted what the correction's exact quantised filters predict
     * @param after     measured with the correction playing
     */
    public record Curves(double[] before, double[] target, double[] predicted, double[] after) {
    }
}
