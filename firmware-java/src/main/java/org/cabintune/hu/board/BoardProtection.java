package org.cabintune.hu.board;

import org.cabintune.dsp.dynamics.LimiterParams;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.graph.GraphPlan;
import org.cabintune.dsp.loudness.ProgrammeLoudness;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.SectionDesign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The board's protection limits, laid over a profile's plan. Whatever a profile asks, on a
 * board every output
 * <ul>
 *   <li>sits behind a highpass at or above the channel's {@code minHighpassHz}: when the
 *       profile's own filters have none that counts, a {@value #HIGHPASS_ORDER}th-order
 *       Butterworth highpass (24 dB/octave, -3 dB at the minimum) is added after them. On a
 *       tweeter only a highpass of order 4 or more counts, so a tweeter's bass is always down by
 *       24 dB per octave below the minimum: with the lowest minimum a board may give a tweeter
 *       (1000 Hz), 100 Hz is at least 80 dB down;</li>
 *   <li>ends in a protection limiter whose ceiling is the lower of the profile's
 *       {@code protect.ceilingDbtp} (0 dBTP when absent) and the channel's {@code ceilingDbtp}.</li>
 * </ul>
 * The plan's outputs are put in the board's order, one per {@code outputs[i]} of the board, so
 * every profile compiled for a board has the same shape and any two can be cross-faded;
 * a board output the profile does not name plays exact silence. A profile that already keeps
 * every limit compiles to the same numbers it always did.
 */
public final class BoardProtection {

    /** Order of the added highpass: 24 dB/octave, as steep as the crossovers tweeters usually get. */
    static final int HIGHPASS_ORDER = 4;

    private BoardProtection() {
    }

    /**
     * The profile's plan for the board, and one line for each limit the board had to add.
     * The profile must fit the board ({@link BoardProfiles#problems} empty).
     */
    static Laid lay(BoardConfig board, Profile profile, ProgrammeLoudness programme) {
        GraphPlan plan = GraphPlan.of(profile, programme);
        List<BoardConfig.Output> dac = board.outputs();
        int n = dac.size();
        double[][] mix = new double[n][plan.inputs()];
        List<List<QuantizedBiquad>> sections = new ArrayList<>();
        double[] delays = new double[n];
        double[] gains = new double[n];
        boolean[] inverted = new boolean[n];
        List<LimiterParams> protection = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BoardConfig.Output channel = dac.get(i);
            int p = indexOf(profile, channel.speaker());
            double ceiling = channel.ceilingDbtp();
            if (p < 0) {
                sections.add(List.of());
            } else {
                Output out = profile.outputs().get(p);
                mix[i] = plan.mix()[p].clone();
                delays[i] = plan.delaysMs()[p];
                gains[i] = plan.gainsDb()[p];
                inverted[i] = plan.inverted()[p];
                List<QuantizedBiquad> own = new ArrayList<>(plan.sections().get(p));
                if (channel.minHighpassHz() != null && !protects(out, channel)) {
                    own.addAll(SectionDesign.quantize(List.of(highpass(channel.minHighpassHz())), profile.sampleRate()));
                    added.add(channel.speaker() + ": highpass " + hz(channel.minHighpassHz()) + " Hz, "
                            + HIGHPASS_ORDER + "th-order Butterworth, added (the board's minimum; the profile's filters "
                            + describe(out, channel) + ")");
                }
                sections.add(List.copyOf(own));
                double asked = plan.protection().isEmpty() ? 0 : plan.protection().get(p).ceilingDbtp();
                if (asked > ceiling) {
                    added.add(channel.speaker() + ": ceiling " + ceiling + " dBTP (the board's) instead of the profile's "
                            + asked + " dBTP");
                } else {
                    ceiling = asked;
                }
            }
            protection.add(LimiterParams.of(profile.sampleRate(), 1, ceiling, GraphPlan.PROTECTION_LOOKAHEAD_MS,
                    GraphPlan.PROTECTION_RELEASE_MS));
        }
        if (plan.protection().isEmpty()) {
            added.add("every output: a protection limiter at the board's ceiling (the profile declares none)");
        }
        List<String> notes = new ArrayList<>(plan.notes());
        added.forEach(a -> notes.add("protection: " + a));
        GraphPlan laid = new GraphPlan(plan.sampleRate(), plan.preampDb(), plan.normalizeGainDb(), plan.rider(),
                plan.multiband(), plan.limiter(), mix, List.copyOf(sections), delays, gains, inverted,
                List.copyOf(protection), plan.compensation(), plan.trimDb(), List.copyOf(notes));
        return new Laid(laid, List.copyOf(added));
    }

    /**
     * A plan on the board and what the board added to the profile.
     *
     * @param plan  the plan, outputs in the board's order
     * @param added one line per limit added, e.g. {@code front-left-tweeter: highpass 2000 Hz, ...}
     */
    record Laid(GraphPlan plan, List<String> added) {
    }

    /**
     * True when the output's own filters hold a highpass that meets the channel's minimum: at
     * or above it and, on a tweeter, at least {@value #HIGHPASS_ORDER}th order. Raw biquads do
     * not count: their corner is not known.
     */
    static boolean protects(Output out, BoardConfig.Output channel) {
        return out.filters().stream().anyMatch(f -> f instanceof FilterSpec.HighPass hp
                && hp.freqHz() >= channel.minHighpassHz()
                && (!isTweeter(channel) || order(hp.slope()) >= HIGHPASS_ORDER));
    }

    private static boolean isTweeter(BoardConfig.Output channel) {
        return Output.Role.TWEETER.jsonName().equals(channel.role());
    }

    private static int order(FilterSpec.Slope slope) {
        return switch (slope) {
            case FilterSpec.Slope.Aligned a -> a.order();
            case FilterSpec.Slope.Resonant r -> 2;
        };
    }

    private static FilterSpec.HighPass highpass(double hz) {
        return new FilterSpec.HighPass(hz, new FilterSpec.Slope.Aligned(HIGHPASS_ORDER, FilterSpec.Align.BUTTERWORTH));
    }

    private static String describe(Output out, BoardConfig.Output channel) {
        Optional<FilterSpec.HighPass> highest = out.filters().stream()
                .filter(FilterSpec.HighPass.class::isInstance).map(FilterSpec.HighPass.class::cast)
                .max((a, b) -> Double.compare(a.freqHz(), b.freqHz()));
        if (highest.isEmpty()) {
            return "have no highpass";
        }
        FilterSpec.HighPass hp = highest.get();
        return hp.freqHz() < channel.minHighpassHz()
                ? "have their highest highpass at " + hz(hp.freqHz()) + " Hz"
                : "have a highpass at " + hz(hp.freqHz()) + " Hz of order " + order(hp.slope())
                        + ", less than a tweeter needs";
    }

    private static int indexOf(Profile profile, String speaker) {
        for (int i = 0; i < profile.outputs().size(); i++) {
            if (profile.outputs().get(i).name().equals(speaker)) {
                return i;
            }
        }
        return -1;
    }

    private static String hz(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
