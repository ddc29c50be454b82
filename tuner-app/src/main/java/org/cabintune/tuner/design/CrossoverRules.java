package org.cabintune.tuner.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output.Role;

/**
 * Crossovers suggested from each speaker's usable band ({@link UsableBand}: where it is within
 * 10 dB of its in-band level). Every filter is a 4th-order Linkwitz-Riley ({@link #SLOPE}); a
 * crossover's two sides share one frequency, so they sum flat in phase.
 *
 * <ul>
 *   <li><b>Front stage</b> (and any stage with several roles), per side: woofer or mid-woofer,
 *       midrange, tweeter from the bottom up. The upper speaker's high-pass sits
 *       {@value #MARGIN_OCTAVES} octave above its own lower edge, and never below its protection
 *       minimum; the speaker below gets its low-pass at the same frequency. One frequency
 *       serves both sides (the highest either needs), so the stage stays symmetric.
 *   <li><b>Subwoofer crossover</b>: the subwoofer's low-pass and the high-pass of every speaker
 *       that meets it (mid-woofers, woofers, coaxials, full-range; not a tweeter) share one
 *       frequency, between {@value #SUB_MIN_HZ} and {@value #SUB_MAX_HZ} Hz: at least
 *       {@value #MARGIN_OCTAVES} octave above where the doors fall (and not below their
 *       protection), at most {@value #MARGIN_OCTAVES} octave below the subwoofer's upper edge;
 *       the geometric middle of what is left. These edges are read against the target
 *       ({@link Analysed#bass}): the house curve lifts the bass by several dB, and what matters
 *       is where each speaker can still follow it.
 *   <li><b>Bottom of the system</b>: the subwoofer (or, without one, each speaker that would
 *       have met it) gets a subsonic high-pass half an octave below its lower edge, never below
 *       its protection minimum.
 *   <li>Frequencies are rounded to two significant figures, then raised to the protection
 *       minimum if the rounding went below it.
 * </ul>
 */
final class CrossoverRules {

    /** The default slope: Linkwitz-Riley, 24 dB per octave. */
    static final FilterSpec.Slope SLOPE = new FilterSpec.Slope.Aligned(4, FilterSpec.Align.LINKWITZ_RILEY);
    /** How far inside a speaker's usable edge its crossover sits. */
    static final double MARGIN_OCTAVES = 1;
    /** How far below the lowest speaker's lower edge the subsonic high-pass sits. */
    static final double SUBSONIC_OCTAVES = 0.5;
    static final double SUB_MIN_HZ = 60;
    static final double SUB_MAX_HZ = 100;
    /** No subsonic high-pass below this: the profile's lowest filter frequency. */
    static final double MIN_HIGHPASS_HZ = 10;

    /**
     * One output's crossover.
     *
     * @param filters    the high-pass and low-pass, in that order (either may be absent)
     * @param highpassHz NaN when none
     * @param lowpassHz  NaN when none
     * @param notes      why each frequency is where it is
     */
    record Crossover(List<FilterSpec> filters, double highpassHz, double lowpassHz, List<String> notes) {
    }

    /**
     * All outputs' crossovers.
     *
     * @param byIndex        by output index
     * @param subCrossoverHz NaN when no subwoofer plays
     * @param notes          about the system as a whole
     */
    record Plan(Map<Integer, Crossover> byIndex, double subCrossoverHz, List<String> notes) {
    }

    private CrossoverRules() {
    }

    static Plan plan(List<Analysed> outputs, double subCrossoverOverride) {
        List<String> notes = new ArrayList<>();
        // boundaries.get(stage).get(rank): the crossover below the speakers of that rank.
        Map<Boolean, TreeMap<Integer, Double>> boundaries = new HashMap<>();
        for (boolean rear : new boolean[] {false, true}) {
            boundaries.put(rear, stageBoundaries(outputs, rear, notes));
        }
        double sub = subCrossover(outputs, boundaries, subCrossoverOverride, notes);
        Map<Integer, Crossover> byIndex = new TreeMap<>();
        for (Analysed a : outputs) {
            byIndex.put(a.index(), crossover(a, boundaries.get(a.output().rear()), sub));
        }
        return new Plan(byIndex, sub, notes);
    }

    /** Place in a stage's chain from the bottom; 0 for speakers outside the chain. */
    static int rank(Role role) {
        return switch (role) {
            case WOOFER, MIDWOOFER -> 1;
            case MIDRANGE -> 2;
            case TWEETER -> 3;
            case SUBWOOFER, COAXIAL, FULLRANGE -> 0;
        };
    }

    /** The crossovers between consecutive roles of one stage's chain, keyed by the upper rank. */
    private static TreeMap<Integer, Double> stageBoundaries(List<Analysed> outputs, boolean rear, List<String> notes) {
        TreeMap<Integer, List<Analysed>> byRank = new TreeMap<>();
        for (Analysed a : outputs) {
            if (a.heard() && a.output().rear() == rear && rank(a.output().role()) > 0) {
                byRank.computeIfAbsent(rank(a.output().role()), r -> new ArrayList<>()).add(a);
            }
        }
        TreeMap<Integer, Double> boundaries = new TreeMap<>();
        Integer below = null;
        for (var entry : byRank.entrySet()) {
            if (below != null) {
                double hz = 0;
                for (Analysed upper : entry.getValue()) {
                    hz = Math.max(hz, Math.max(upper.minHighpassHz(), insideLowEdge(upper)));
                }
                hz = rounded(hz, entry.getValue());
                boundaries.put(entry.getKey(), hz);
                for (Analysed lower : byRank.get(below)) {
                    if (lower.band().highHz() < hz * Math.pow(2, MARGIN_OCTAVES)) {
                        notes.add(String.format(Locale.ROOT, "%s is 10 dB down at %.0f Hz, less than %.0f octave"
                                + " above its %.0f Hz low-pass: the crossover may dip", lower.name(),
                                lower.band().highHz(), MARGIN_OCTAVES, hz));
                    }
                }
            }
            below = entry.getKey();
        }
        return boundaries;
    }

    /** The subwoofer crossover, or NaN when no subwoofer plays. */
    private static double subCrossover(List<Analysed> outputs, Map<Boolean, TreeMap<Integer, Double>> boundaries,
                                       double override, List<String> notes) {
        List<Analysed> subs = outputs.stream().filter(a -> a.heard() && a.isSub()).toList();
        if (subs.isEmpty()) {
            return Double.NaN;
        }
        if (!Double.isNaN(override)) {
            notes.add(String.format(Locale.ROOT, "subwoofer crossover %.0f Hz, as asked", override));
            return override;
        }
        double doors = 0;
        String doorsName = "";
        for (Analysed a : outputs) {
            if (a.heard() && meetsSub(a, boundaries.get(a.output().rear()))) {
                double need = Math.max(a.minHighpassHz(), a.bass().lowHz() * Math.pow(2, MARGIN_OCTAVES));
                if (need > doors) {
                    doors = need;
                    doorsName = a.name();
                }
            }
        }
        double subTop = Double.POSITIVE_INFINITY;
        String subName = "";
        for (Analysed s : subs) {
            double top = s.bass().highHz() / Math.pow(2, MARGIN_OCTAVES);
            if (top < subTop) {
                subTop = top;
                subName = s.name();
            }
        }
        double low = Math.max(doors, SUB_MIN_HZ);
        double high = Math.min(subTop, SUB_MAX_HZ);
        double hz;
        if (low <= high) {
            hz = Math.sqrt(low * high);
        } else {
            hz = Math.clamp(Math.sqrt(Math.max(doors, 1) * subTop), SUB_MIN_HZ, SUB_MAX_HZ);
            notes.add(String.format(Locale.ROOT, "the doors (%s needs %.0f Hz) and the subwoofer (%s reaches %.0f Hz)"
                    + " overlap less than the rule asks: the subwoofer crossover is a compromise", doorsName, doors,
                    subName, subTop));
        }
        hz = Math.round(hz);
        notes.add(String.format(Locale.ROOT, "subwoofer crossover %.0f Hz: between %.0f Hz (doors%s) and %.0f Hz"
                + " (%s's upper edge against the target less %.0f octave), within %.0f .. %.0f Hz", hz, doors,
                doorsName.isEmpty() ? "" : ": " + doorsName, subTop, subName, MARGIN_OCTAVES, SUB_MIN_HZ, SUB_MAX_HZ));
        return hz;
    }

    /** True for a speaker whose high-pass is the subwoofer crossover: no chain member below it, and not a tweeter. */
    private static boolean meetsSub(Analysed a, TreeMap<Integer, Double> boundaries) {
        Role role = a.output().role();
        return !a.isSub() && role != Role.TWEETER && !boundaries.containsKey(rank(role));
    }

    private static Crossover crossover(Analysed a, TreeMap<Integer, Double> boundaries, double sub) {
        Role role = a.output().role();
        List<String> notes = new ArrayList<>();
        double hp;
        double lp = Double.NaN;
        if (a.isSub()) {
            hp = subsonic(a, notes);
            lp = sub;
            if (!Double.isNaN(sub)) {
                notes.add(String.format(Locale.ROOT, "low-pass %.0f Hz: the subwoofer crossover", sub));
            }
        } else {
            int rank = rank(role);
            Double below = boundaries.get(rank);
            if (below != null) {
                hp = below;
                notes.add(String.format(Locale.ROOT, "high-pass %.0f Hz: %.0f octave above where the %ss are 10 dB"
                        + " down, at least their protection minimum", hp, MARGIN_OCTAVES, role.jsonName()));
            } else if (role == Role.TWEETER) {
                hp = a.heard() ? rounded(Math.max(a.minHighpassHz(), insideLowEdge(a)), List.of(a)) : a.minHighpassHz();
                notes.add(String.format(Locale.ROOT, "high-pass %.0f Hz: no speaker below it on this stage", hp));
            } else if (!Double.isNaN(sub)) {
                hp = sub;
                notes.add(String.format(Locale.ROOT, "high-pass %.0f Hz: the subwoofer crossover", hp));
            } else {
                hp = subsonic(a, notes);
            }
            Map.Entry<Integer, Double> above = rank > 0 ? boundaries.higherEntry(rank) : null;
            if (above != null) {
                lp = above.getValue();
                notes.add(String.format(Locale.ROOT, "low-pass %.0f Hz: meets the speaker above", lp));
            }
        }
        if (hp > 0 && hp < a.minHighpassHz()) {
            notes.add(String.format(Locale.ROOT, "high-pass raised from %.0f Hz to the protection minimum %.0f Hz", hp,
                    a.minHighpassHz()));
            hp = a.minHighpassHz();
        }
        List<FilterSpec> filters = new ArrayList<>();
        if (hp > 0) {
            filters.add(new FilterSpec.HighPass(hp, SLOPE));
        }
        if (!Double.isNaN(lp)) {
            filters.add(new FilterSpec.LowPass(lp, SLOPE));
        }
        return new Crossover(List.copyOf(filters), hp > 0 ? hp : Double.NaN, lp, List.copyOf(notes));
    }

    /** The high-pass at the bottom of the system: half an octave below the lower edge, at least the protection minimum; 0 for none. */
    private static double subsonic(Analysed a, List<String> notes) {
        if (!a.heard()) {
            return a.minHighpassHz();
        }
        double edge = a.band().lowHz() / Math.pow(2, SUBSONIC_OCTAVES);
        double hz = Math.max(a.minHighpassHz(), roundTwoFigures(edge));
        if (hz < MIN_HIGHPASS_HZ) {
            return 0;
        }
        notes.add(String.format(Locale.ROOT, "high-pass %.0f Hz: %.1f octave below where it is 10 dB down (%.0f Hz),"
                + " at least its protection minimum", hz, SUBSONIC_OCTAVES, a.band().lowHz()));
        return hz;
    }

    /** A speaker's own lower edge plus the margin. */
    private static double insideLowEdge(Analysed a) {
        return a.band().lowHz() * Math.pow(2, MARGIN_OCTAVES);
    }

    /** Two significant figures, but never below any of {@code speakers}' protection minimum. */
    private static double rounded(double hz, List<Analysed> speakers) {
        double r = roundTwoFigures(hz);
        for (Analysed a : speakers) {
            r = Math.max(r, a.minHighpassHz());
        }
        return r;
    }

    static double roundTwoFigures(double hz) {
        double scale = Math.pow(10, Math.floor(Math.log10(hz)) - 1);
        return Math.round(hz / scale) * scale;
    }
}
