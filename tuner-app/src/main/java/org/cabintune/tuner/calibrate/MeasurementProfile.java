package org.cabintune.tuner.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.tuner.design.Realized;
import org.cabintune.tuner.design.Side;

/**
 * The flat profile a car is measured through before it is corrected: every board output
 * named as on the board, fed from its side of the stereo bus (as the designed profile: {@link Side}), with nothing in its path but the
 * board's own minimum high-pass written out (so the unit adds nothing of its own and the
 * measurement knows exactly what played), no delay, 0 dB, no bus.
 */
final class MeasurementProfile {

    /** The id it is stored under on the unit. */
    static final String ID = "calibration-flat";
    static final String NAME = "Calibration flat";
    /** The protection high-pass's order, as the unit's own: 24 dB/octave Butterworth. */
    static final int PROTECTION_ORDER = 4;

    private MeasurementProfile() {
    }

    /** The board's outputs in DAC (channel) order. */
    static List<BoardConfig.Output> outputs(BoardConfig board) {
        return board.outputs().stream().sorted(java.util.Comparator.comparingInt(BoardConfig.Output::channel)).toList();
    }

    static Profile of(BoardConfig board, int sampleRate) {
        List<Output> outs = new ArrayList<>();
        for (BoardConfig.Output o : outputs(board)) {
            outs.add(new Output(o.speaker(), role(o), Side.fromName(o.speaker()).mix(role(o) == Output.Role.SUBWOOFER, false),
                    protection(o), 0, 0, false, protect(o)));
        }
        return new Profile(Profile.FORMAT, NAME, sampleRate, List.of("L", "R"), Bus.OFF, outs);
    }

    /** The exact sections of an output's path in the measurement profile, as the unit runs them. */
    static List<BiquadCoefficients> path(BoardConfig.Output o, int sampleRate) {
        return Realized.of(protection(o), 0, 0, false, sampleRate).sections();
    }

    static List<FilterSpec> protection(BoardConfig.Output o) {
        if (o.minHighpassHz() == null) {
            return List.of();
        }
        return List.of(new FilterSpec.HighPass(o.minHighpassHz(),
                new FilterSpec.Slope.Aligned(PROTECTION_ORDER, FilterSpec.Align.BUTTERWORTH)));
    }

    static Output.Role role(BoardConfig.Output o) {
        return Output.Role.fromJsonName(o.role()).orElseThrow(() -> new IllegalArgumentException(
                "board output " + o.speaker() + " has role " + o.role() + ", which profiles do not know"));
    }

    static Output.Protect protect(BoardConfig.Output o) {
        return new Output.Protect(o.minHighpassHz() == null ? OptionalDouble.empty() : OptionalDouble.of(o.minHighpassHz()),
                o.ceilingDbtp() == null ? 0.0 : o.ceilingDbtp());
    }
}
