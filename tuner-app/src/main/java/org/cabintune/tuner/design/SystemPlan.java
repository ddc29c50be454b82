package org.cabintune.tuner.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;

/**
 * The system-level design for one seat, before per-output EQ: each output's crossover, delay,
 * level, polarity and whether it plays ({@link SystemDesign#plan}).
 *
 * @param seat           the seat it is for
 * @param sampleRate     the profile's rate it was designed at
 * @param speedOfSound   m/s, for the delays in cm
 * @param subCrossoverHz the subwoofer crossover, NaN when no subwoofer plays
 * @param subwoofers     how each subwoofer was aligned with the fronts
 * @param outputs        per output, in channel order
 * @param notes          about the system as a whole
 */
public record SystemPlan(String seat, int sampleRate, double speedOfSound, double subCrossoverHz,
                         List<SubwooferSum> subwoofers, List<PlannedOutput> outputs, List<String> notes) {

    /** Takes immutable copies. */
    public SystemPlan {
        subwoofers = List.copyOf(subwoofers);
        outputs = List.copyOf(outputs);
        notes = List.copyOf(notes);
    }

    /**
     * How a subwoofer sums with the fronts over one octave around the crossover: the level of
     * the sum (see {@link SystemDesign}) without alignment (no delay of its own, polarity as
     * measured corrected, the others at their time alignment) and as planned.
     *
     * @param index        the subwoofer's output
     * @param name         its name
     * @param lowHz        the octave's lower end
     * @param highHz       its upper end
     * @param delayMs      the subwoofer's planned delay
     * @param relativeMs   its delay against the fronts' time alignment (negative: the others wait for it)
     * @param flipped      whether its polarity is flipped beyond the measured correction
     * @param unalignedDb  level of the sum without alignment, dB
     * @param alignedDb    level of the sum as planned, dB
     */
    public record SubwooferSum(int index, String name, double lowHz, double highHz, double delayMs,
                               double relativeMs, boolean flipped, double unalignedDb, double alignedDb) {

        /** What the alignment gains, dB. */
        public double improvementDb() {
            return alignedDb - unalignedDb;
        }
    }

    /**
     * The profile's outputs, in channel order: crossover, then {@code eqByOutput}'s filters
     * for the output (by index; none when absent), delay, gain, polarity, the board's
     * protection, and the stereo mix ({@code L} or {@code R} at 1.0 by side; subwoofers and
     * the centre from both at 0.5; a muted output's mix gains 0).
     *
     * @throws IllegalArgumentException when {@code eqByOutput} names an output the plan does not have
     */
    public List<Output> toProfileOutputs(Map<Integer, List<FilterSpec>> eqByOutput) {
        Set<Integer> known = outputs.stream().map(PlannedOutput::index).collect(Collectors.toSet());
        for (Integer index : eqByOutput.keySet()) {
            if (!known.contains(index)) {
                throw new IllegalArgumentException("eqByOutput[" + index + "] names no output of the plan; outputs are "
                        + known);
            }
        }
        List<Output> out = new ArrayList<>();
        for (PlannedOutput p : outputs) {
            List<FilterSpec> filters = new ArrayList<>(p.crossover());
            filters.addAll(eqByOutput.getOrDefault(p.index(), List.of()));
            boolean both = p.role() == Output.Role.SUBWOOFER;
            out.add(new Output(p.name(), p.role(), p.side().mix(both, p.muted()), filters, p.delayMs(), p.gainDb(),
                    p.invert(), new Output.Protect(p.minHighpassHz(), p.ceilingDbtp())));
        }
        return out;
    }

    /** A plain-text table and the notes, for a report. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "System plan for the %s seat, %d Hz, speed of sound %.1f m/s%n", seat,
                sampleRate, speedOfSound));
        b.append(String.format(Locale.ROOT, "%-24s %9s %9s %8s %7s %7s %6s  %s%n", "output", "HP Hz", "LP Hz",
                "delay ms", "cm", "gain dB", "invert", "band Hz / state"));
        for (PlannedOutput p : outputs) {
            b.append(String.format(Locale.ROOT, "%-24s %9s %9s %8.3f %7.1f %7.1f %6s  %s%n", p.name(),
                    corner(p.crossover(), true), corner(p.crossover(), false), p.delayMs(), p.delayCm(), p.gainDb(),
                    p.invert() ? "yes" : "no", p.muted() ? "muted: " + p.mutedReason()
                            : String.format(Locale.ROOT, "%.0f .. %.0f", p.band()[0], p.band()[1])));
        }
        for (SubwooferSum s : subwoofers) {
            b.append(String.format(Locale.ROOT, "%s with the fronts, %.0f .. %.0f Hz: %.1f dB unaligned, %.1f dB"
                            + " aligned (%+.1f dB; %+.2f ms against the fronts%s)%n", s.name(), s.lowHz(), s.highHz(),
                    s.unalignedDb(), s.alignedDb(), s.improvementDb(), s.relativeMs(),
                    s.flipped() ? ", polarity flipped" : ""));
        }
        for (String note : notes) {
            b.append("note: ").append(note).append(System.lineSeparator());
        }
        for (PlannedOutput p : outputs) {
            for (String note : p.notes()) {
                b.append("note: ").append(p.name()).append(": ").append(note).append(System.lineSeparator());
            }
        }
        return b.toString();
    }

    private static String corner(List<FilterSpec> crossover, boolean high) {
        for (FilterSpec f : crossover) {
            if (high && f instanceof FilterSpec.HighPass h) {
                return String.format(Locale.ROOT, "%.0f", h.freqHz());
            }
            if (!high && f instanceof FilterSpec.LowPass l) {
                return String.format(Locale.ROOT, "%.0f", l.freqHz());
            }
        }
        return "-";
    }
}
