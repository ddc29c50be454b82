package org.cabintune.tuner.design;

import org.cabintune.dsp.profile.Output.Role;

/**
 * One output's response read for the plan: its smoothed RMS-average level on the plan's grid,
 * its usable band, and why it is muted when it is.
 *
 * @param output      the measurement
 * @param levelDb     RMS average over the positions, smoothed, on the plan's grid
 * @param band        where it plays; null when muted
 * @param bass        where it plays against the target (the same rule on its level minus the
 *                    target): what the subwoofer crossover is chosen from; null when muted
 * @param mutedReason why it is muted; null when it plays
 */
record Analysed(OutputMeasurement output, double[] levelDb, UsableBand band, UsableBand bass, String mutedReason) {

    boolean heard() {
        return mutedReason == null;
    }

    boolean isSub() {
        return output.role() == Role.SUBWOOFER;
    }

    int index() {
        return output.index();
    }

    String name() {
        return output.name();
    }

    /** The board's protection minimum, or 0 when there is none. */
    double minHighpassHz() {
        return output.minHighpassHz().orElse(0);
    }

    /** This output muted for {@code reason}. */
    Analysed muted(String reason) {
        return new Analysed(output, levelDb, null, null, reason);
    }
}
