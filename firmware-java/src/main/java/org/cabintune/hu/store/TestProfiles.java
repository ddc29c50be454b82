package org.cabintune.hu.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.hu.engine.TestSignals;

/**
 * What a test signal plays through: the playing profile, corrected or {@linkplain ProfileService#flat
 * flat}, with its mixes changed so that only the outputs under test hear the signal. Each output
 * keeps its own chain (filters, delay, level, polarity, protection), so it hears its signal as
 * the programme would reach it: the signal times the sum of its mix gains.
 *
 * <p>A signal without timing markers is on every input, so an output under test keeps its mix
 * and the others get theirs at zero. A stimulus with timing markers has two channels, the
 * markers on input {@link TestSignals#MARKER_INPUT} and the sweep on input
 * {@link TestSignals#SWEEP_INPUT}: the reference output takes the first, the outputs under test
 * the second, each at the sum of its mix gains; a reference output also under test takes both
 * (the markers and the sweep never sound at once), and the other outputs neither.
 */
public final class TestProfiles {

    private TestProfiles() {
    }

    /**
     * @param corrected the profile playing
     * @param speakers  the outputs under test
     * @param reference the output that plays a stimulus's timing markers, or null for a signal without them
     * @param flat      true to leave the correction out, as {@code set-bypass} does
     * @throws IllegalArgumentException when {@code reference} is given and the profile has fewer than two inputs
     */
    public static Profile forTest(Profile corrected, Set<String> speakers, String reference, boolean flat) {
        Profile profile = flat ? ProfileService.flat(corrected) : corrected;
        List<String> inputs = profile.inputs();
        if (reference != null && inputs.size() <= Math.max(TestSignals.MARKER_INPUT, TestSignals.SWEEP_INPUT)) {
            throw new IllegalArgumentException("\"" + profile.name() + "\" has " + inputs.size() + " input(s); a sweep"
                    + " with timing markers plays its markers and its sweep on two inputs");
        }
        List<Output> outputs = profile.outputs().stream().map(o -> {
            boolean tested = speakers.contains(o.name());
            if (reference == null && tested) {
                return o;
            }
            Map<String, Double> mix = silent(o.mix());
            double sum = o.mix().values().stream().mapToDouble(Double::doubleValue).sum();
            if (o.name().equals(reference)) {
                mix.put(inputs.get(TestSignals.MARKER_INPUT), sum);
            }
            if (reference != null && tested) {
                mix.put(inputs.get(TestSignals.SWEEP_INPUT), sum);
            }
            return new Output(o.name(), o.role(), mix, o.filters(), o.delayMs(), o.gainDb(), o.invert(), o.protect());
        }).toList();
        return new Profile(profile.format(), profile.name(), profile.sampleRate(), inputs, profile.bus(), outputs);
    }

    /** The same inputs at zero gain: the output hears nothing, and its mix still names an input. */
    private static Map<String, Double> silent(Map<String, Double> mix) {
        Map<String, Double> zero = new LinkedHashMap<>();
        mix.keySet().forEach(k -> zero.put(k, 0.0));
        return zero;
    }
}
