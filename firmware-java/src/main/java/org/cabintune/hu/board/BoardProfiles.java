package org.cabintune.hu.board;

import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a profile may play on a board, and on which DAC channels. A profile output plays on
 * the DAC channel whose {@code speaker} has its name; it must be for the same kind of driver,
 * and carry a highpass at least as high as the board's {@code minHighpassHz} for that
 * channel, so a profile written for another car can never send bass to a tweeter. DAC
 * channels no profile output names get exact silence.
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
                continue;
            }
            if (!dac.role().equals(o.role().jsonName())) {
                problems.add(path + ".role = \"" + o.role().jsonName() + "\" but DAC channel " + dac.channel()
                        + " (" + dac.speaker() + ") drives a " + dac.role());
            }
            if (dac.minHighpassHz() != null) {
                double highest = highestHighpass(o.filters());
                if (highest < dac.minHighpassHz()) {
                    problems.add(path + " (" + o.name() + ") has " + (highest == 0 ? "no highpass" : "its highest highpass at "
                            + highest + " Hz") + "; the board asks at least " + dac.minHighpassHz() + " Hz on DAC channel "
                            + dac.channel());
                }
            }
        }
        return problems;
    }

    /**
     * For each DAC channel, the profile output it plays, or -1 for silence: the engine's
     * {@code channelMap}. Call after {@link #problems} found none.
     */
    public static int[] channelMap(BoardConfig board, Profile profile) {
        int[] map = new int[board.dac().channels()];
        java.util.Arrays.fill(map, -1);
        for (BoardConfig.Output dac : board.outputs()) {
            for (int i = 0; i < profile.outputs().size(); i++) {
                if (profile.outputs().get(i).name().equals(dac.speaker())) {
                    map[dac.channel()] = i;
                }
            }
        }
        return map;
    }

    private static double highestHighpass(List<FilterSpec> filters) {
        double highest = 0;
        for (FilterSpec f : filters) {
            if (f instanceof FilterSpec.HighPass hp) {
                highest = Math.max(highest, hp.freqHz());
            }
        }
        return highest;
    }
}
