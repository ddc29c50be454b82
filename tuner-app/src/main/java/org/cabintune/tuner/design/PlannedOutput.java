package org.cabintune.tuner.design;

import java.util.List;
import java.util.OptionalDouble;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output.Role;

/**
 * What the plan does with one output.
 *
 * @param index           the output's channel
 * @param name            its name
 * @param role            what kind of driver it is
 * @param side            what it plays of the stereo bus
 * @param rear            whether it is rear fill
 * @param crossover       its crossover filters (high-pass, then low-pass), 4th-order Linkwitz-Riley
 * @param delayMs         its delay
 * @param delayCm         the same as path length at the plan's speed of sound
 * @param gainDb          its level
 * @param invert          whether its polarity is inverted
 * @param muted           whether it is muted (mix gain 0)
 * @param mutedReason     why, when muted; empty otherwise
 * @param usableBand      where the speaker plays on its own, {low, high} Hz; empty when muted
 * @param band            where it plays in the system, for EQ: the usable band within its crossovers
 * @param levelDb         its in-band level against the target before the gain, dB
 * @param predictedArrivalSeconds its predicted arrival at the seat through filters and delay
 *                        (NaN when muted; for a subwoofer only a rough figure)
 * @param measuredPolarity the polarity the measurement found (+1, -1, 0 unknown)
 * @param minHighpassHz   the board's protection minimum
 * @param ceilingDbtp     the board's ceiling
 * @param notes           why each value is what it is, for a report
 */
public record PlannedOutput(int index, String name, Role role, Side side, boolean rear, List<FilterSpec> crossover,
                            double delayMs, double delayCm, double gainDb, boolean invert, boolean muted,
                            String mutedReason, double[] usableBand, double[] band, double levelDb,
                            double predictedArrivalSeconds, int measuredPolarity, OptionalDouble minHighpassHz,
                            double ceilingDbtp, List<String> notes) {

    /** Takes immutable copies. */
    public PlannedOutput {
        crossover = List.copyOf(crossover);
        notes = List.copyOf(notes);
        usableBand = usableBand.clone();
        band = band.clone();
    }

    /** This output at another level, with a note saying why. */
    public PlannedOutput withGainDb(double newGainDb, String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new PlannedOutput(index, name, role, side, rear, crossover, delayMs, delayCm, newGainDb, invert, muted,
                mutedReason, usableBand, band, levelDb, predictedArrivalSeconds, measuredPolarity, minHighpassHz,
                ceilingDbtp, more);
    }

    @Override
    public double[] usableBand() {
        return usableBand.clone();
    }

    @Override
    public double[] band() {
        return band.clone();
    }
}
