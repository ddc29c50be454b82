package org.cabintune.hu.store;

import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileValidator;
import org.cabintune.hu.board.BoardConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The profile the head unit plays when no stored profile can: built from the board alone, so
 * it always fits it. Quiet (the bus 12 dB down), every output behind the board's minimum
 * highpass (4th-order Butterworth) and at the board's ceiling, subwoofers below 80 Hz
 * (Linkwitz-Riley, 4th order). A speaker whose name says {@code left} or {@code right} hears
 * that input, any other the mono sum. It is meant to keep music playing, safely, until a
 * proper profile is stored, not to sound tuned.
 */
public final class SafeProfile {

    /** Its name, as the driver sees it. */
    public static final String NAME = "Safe (built-in)";
    static final double PREAMP_DB = -12;
    static final double SUBWOOFER_LOWPASS_HZ = 80;

    private SafeProfile() {
    }

    /**
     * The safe profile for {@code board}.
     *
     * @throws ProfileException when no profile can run at the board's sample rate
     */
    public static Profile forBoard(BoardConfig board) throws ProfileException {
        List<Output> outputs = new ArrayList<>();
        for (BoardConfig.Output o : board.outputs()) {
            Output.Role role = Output.Role.fromJsonName(o.role()).orElseThrow();
            Map<String, Double> mix = new LinkedHashMap<>();
            if (o.speaker().contains("left")) {
                mix.put("L", 1.0);
            } else if (o.speaker().contains("right")) {
                mix.put("R", 1.0);
            } else {
                mix.put("L", 0.5);
                mix.put("R", 0.5);
            }
            List<FilterSpec> filters = new ArrayList<>();
            if (o.minHighpassHz() != null) {
                filters.add(new FilterSpec.HighPass(o.minHighpassHz(),
                        new FilterSpec.Slope.Aligned(4, FilterSpec.Align.BUTTERWORTH)));
            }
            if (role == Output.Role.SUBWOOFER) {
                filters.add(new FilterSpec.LowPass(SUBWOOFER_LOWPASS_HZ,
                        new FilterSpec.Slope.Aligned(4, FilterSpec.Align.LINKWITZ_RILEY)));
            }
            OptionalDouble min = o.minHighpassHz() == null ? OptionalDouble.empty() : OptionalDouble.of(o.minHighpassHz());
            outputs.add(new Output(o.speaker(), role, mix, filters, 0, 0, false, new Output.Protect(min, o.ceilingDbtp())));
        }
        Profile profile = new Profile(Profile.FORMAT, NAME, board.stream().sampleRate(), List.of("L", "R"),
                new Bus(PREAMP_DB, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty()),
                outputs);
        ProfileValidator.validate(profile);
        return profile;
    }
}
