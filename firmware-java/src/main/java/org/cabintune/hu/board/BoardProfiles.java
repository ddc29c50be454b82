package org.cabintune.hu.board;

import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a profile may play on a board. A profile output plays on the DAC channel whose
 * {@code speaker} has its name, and must be for the same kind of driver; the profile must run
 * at the board's sample rate. Highpasses and ceilings are not checked here: the board lays its
 * own over any profile ({@link BoardProtection}), so a profile written for another car can
 * never send bass to a tweeter. DAC channels no profile output names get exact silence.
 */
public final class BoardProfiles {

    private BoardProfiles() {
    }

    /** Every reason the profile cannot play on the board; empty when it can. */
    public static List<String> problems(BoardConfig board, Profile profile) {
        List<String> problems = new ArrayList<>();
        if (profile.sampleRate() != board.stream().sampleRate()) {
            problems.add("profile.sampleRate = " + profile.sampleRate() + " but the board's stream.sampleRate is "
                    + board.stream().sampleRate());
        }
        List<Output> outputs = profile.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            String path = "profile.outputs[" + i + "]";
            BoardConfig.Output dac = board.outputs().stream().filter(b -> b.speaker().equals(o.name()))
                    .findFirst().orElse(null);
            if (dac == null) {
                problems.add(path + ".name = \"" + o.name() + "\" is no speaker of board " + board.id() + " (its speakers: "
                        + String.join(", ", board.outputs().stream().map(BoardConfig.Output::speaker).toList()) + ")");
            } else if (!dac.role().equals(o.role().jsonName())) {
                problems.add(path + ".role = \"" + o.role().jsonName() + "\" but DAC channel " + dac.channel()
                        + " (" + dac.speaker() + ") drives a " + dac.role());
            }
        }
        return problems;
    }
}
