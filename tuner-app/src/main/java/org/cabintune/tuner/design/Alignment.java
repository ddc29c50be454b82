package org.cabintune.tuner.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cabintune.dsp.delay.DelayParams;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output.Role;
import org.cabintune.tuner.measure.Transfer;

/**
 * Time alignment of a planned system: every heard output but the subwoofers is delayed so its
 * predicted arrival ({@link TimeAlignment}) meets the others; each subwoofer's delay and
 * polarity come from its sum with the fronts ({@link SubAlignment}). When a subwoofer sums
 * best earlier than it can be made to arrive, every other output waits for it instead, by
 * whole samples: a whole-sample shift moves a realised arrival by exactly that much, so the
 * others stay aligned as predicted.
 *
 * @param delaysMs    by output index
 * @param flipped     subwoofers whose polarity is flipped for the sum
 * @param arrivals    predicted arrival through filters and delay, by index
 * @param delayNotes  why each delay is what it is, by index
 * @param subwoofers  each subwoofer's sum with the fronts
 */
record Alignment(Map<Integer, Double> delaysMs, Set<Integer> flipped, Map<Integer, Double> arrivals,
                 Map<Integer, String> delayNotes, List<SystemPlan.SubwooferSum> subwoofers) {

    static Alignment of(List<Analysed> analysed, Map<Integer, List<FilterSpec>> filters,
                        CrossoverRules.Plan crossovers, Map<Integer, Double> gains, int fs, List<String> notes) {
        Map<Integer, Double> delays = new HashMap<>();
        Map<Integer, Double> arrivals = new HashMap<>();
        Map<Integer, String> delayNotes = new HashMap<>();
        Set<Integer> flipped = new HashSet<>();
        List<SystemPlan.SubwooferSum> sums = new ArrayList<>();

        List<Analysed> timed = analysed.stream().filter(a -> a.heard() && !a.isSub()).toList();
        List<Analysed> subs = analysed.stream().filter(a -> a.heard() && a.isSub()).toList();
        if (timed.isEmpty()) {
            notes.add("no output but subwoofers plays: nothing to align");
            return new Alignment(delays, flipped, arrivals, delayNotes, sums);
        }
        List<Transfer> filtered = timed.stream().map(a -> filtered(a, filters, fs)).toList();
        double[] undelayed = filtered.stream().mapToDouble(t -> TimeAlignment.arrival(t, 0, fs)).toArray();
        int latest = 0;
        for (int i = 1; i < undelayed.length; i++) {
            latest = undelayed[i] > undelayed[latest] ? i : latest;
        }
        TimeAlignment.Result r = TimeAlignment.align(filtered, undelayed, undelayed[latest], fs);
        for (int i = 0; i < timed.size(); i++) {
            delays.put(timed.get(i).index(), r.delaysMs()[i]);
        }

        double subHz = crossovers.subCrossoverHz();
        List<Analysed> partners = timed.stream().filter(a -> a.output().role() != Role.TWEETER
                && crossovers.byIndex().get(a.index()).highpassHz() == subHz).toList();
        List<Analysed> fronts = partners.stream().anyMatch(a -> !a.output().rear())
                ? partners.stream().filter(a -> !a.output().rear()).toList() : partners;
        double shiftMs = 0;
        if (!subs.isEmpty() && fronts.isEmpty()) {
            notes.add("no speaker meets the subwoofer crossover: the subwoofer is not phase aligned");
        } else if (!subs.isEmpty()) {
            double[] hz = SubAlignment.frequencies(subHz);
            List<SubAlignment.Part> plainFronts = parts(fronts, filters, gains, delays, fs);
            double longest = delays.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double from = Math.max(-SubAlignment.SEARCH_MS, -(DelayParams.MAX_MS - longest));
            Map<Integer, SubAlignment.Choice> choices = new HashMap<>();
            double earliest = 0;
            for (Analysed s : subs) {
                SubAlignment.Choice c = SubAlignment.search(plainFronts, part(s, filters, gains, 0, fs), hz, from,
                        SubAlignment.SEARCH_MS, 0);
                choices.put(s.index(), c);
                earliest = Math.min(earliest, c.delayMs());
            }
            shiftMs = Math.ceil(-earliest * fs / 1000 - 1e-9) * 1000 / fs;
            if (shiftMs > 0) {
                for (Analysed a : timed) {
                    delays.put(a.index(), delays.get(a.index()) + shiftMs);
                }
                notes.add(String.format(Locale.ROOT, "every output but the subwoofers waits %.3f ms more (%d samples)"
                        + " so the subwoofer can sum in phase", shiftMs, Math.round(shiftMs * fs / 1000)));
            }
            List<SubAlignment.Part> finalFronts = parts(fronts, filters, gains, delays, fs);
            for (Analysed s : subs) {
                SubAlignment.Choice c = choices.get(s.index());
                double delay = c.delayMs() + shiftMs;
                delays.put(s.index(), delay);
                if (c.flip()) {
                    flipped.add(s.index());
                }
                List<SubAlignment.Part> before = new ArrayList<>(plainFronts);
                before.add(part(s, filters, gains, 0, fs));
                List<SubAlignment.Part> after = new ArrayList<>(finalFronts);
                SubAlignment.Part sub = part(s, filters, gains, delay, fs);
                after.add(c.flip() ? new SubAlignment.Part(sub.output(), sub.chain().inverted()) : sub);
                sums.add(new SystemPlan.SubwooferSum(s.index(), s.name(), hz[0], hz[hz.length - 1], delay, c.delayMs(),
                        c.flip(), SubAlignment.sumDb(before, hz), SubAlignment.sumDb(after, hz)));
                delayNotes.put(s.index(), String.format(Locale.ROOT, "delay chosen for the sum with %s at the crossover:"
                        + " %+.2f ms against theirs", names(fronts), c.delayMs()));
            }
        }
        for (Analysed s : subs) {
            delays.putIfAbsent(s.index(), 0.0);
            arrivals.put(s.index(), TimeAlignment.arrival(filtered(s, filters, fs), delays.get(s.index()), fs));
        }
        double target = r.targetSeconds() + shiftMs / 1000;
        for (int i = 0; i < timed.size(); i++) {
            Analysed a = timed.get(i);
            double arrival = r.arrivals()[i] + shiftMs / 1000;
            arrivals.put(a.index(), arrival);
            double miss = arrival - target;
            delayNotes.put(a.index(), String.format(Locale.ROOT, "delay %.4f ms: predicted arrival %.4f ms after the"
                            + " timing reference through its filters and delay (%s, the latest, arrives undelayed at"
                            + " %.4f ms)%s", delays.get(a.index()), arrival * 1000, timed.get(latest).name(),
                    undelayed[latest] * 1000, Math.abs(miss) > 1e-7 ? String.format(Locale.ROOT, "; %+.1f us from the"
                            + " common arrival, the nearest the head unit's fractional delay reaches", miss * 1e6) : ""));
        }
        return new Alignment(delays, flipped, arrivals, delayNotes, sums);
    }

    /** The response at the first position through the output's filters, undelayed. */
    private static Transfer filtered(Analysed a, Map<Integer, List<FilterSpec>> filters, int fs) {
        return Realized.of(filters.get(a.index()), 0, 0, false, fs).applied(a.output().reference());
    }

    private static List<SubAlignment.Part> parts(List<Analysed> outputs, Map<Integer, List<FilterSpec>> filters,
                                                 Map<Integer, Double> gains, Map<Integer, Double> delays, int fs) {
        return outputs.stream().map(a -> part(a, filters, gains, delays.get(a.index()), fs)).toList();
    }

    /** An output with its filters, gain, measured polarity corrected, and {@code delayMs}. */
    private static SubAlignment.Part part(Analysed a, Map<Integer, List<FilterSpec>> filters,
                                          Map<Integer, Double> gains, double delayMs, int fs) {
        return new SubAlignment.Part(a.output(), Realized.of(filters.get(a.index()), delayMs, gains.get(a.index()),
                a.output().polarity() < 0, fs));
    }

    private static String names(List<Analysed> outputs) {
        return String.join(" and ", outputs.stream().map(Analysed::name).toList());
    }
}
