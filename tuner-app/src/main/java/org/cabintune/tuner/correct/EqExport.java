package org.cabintune.tuner.correct;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.SectionDesign;
import org.cabintune.tuner.measure.LogGrid;

/**
 * A fitted filter set (peaking filters and second-order shelves) written for other equalisers
 * and for the head unit:
 *
 * <ul>
 *   <li>{@link #apo}: Equalizer APO's {@code config.txt} lines ({@code PK}, and {@code LSC} /
 *       {@code HSC}, its shelves with a Q), after a {@code Preamp} line when the EQ boosts;
 *   <li>{@link #rew}: Room EQ Wizard's filter-settings text for its Generic equaliser
 *       ({@code PK}, {@code LS Q}, {@code HS Q}), in REW's fixed-width layout;
 *   <li>{@link #camillaDsp}: a CamillaDSP (v3) YAML snippet, one {@code Biquad} filter each and a
 *       {@code Filter} pipeline step that runs them on one channel;
 *   <li>{@link #miniDsp}: miniDSP's biquad text ({@code biquad1,} {@code b0=...,} ...) with the
 *       coefficients the head unit runs (quantised), a1 and a2 negated as miniDSP's processors
 *       take them;
 *   <li>{@link #profile}: a CabinTune profile, minimal or an existing one with one output's EQ
 *       replaced.
 * </ul>
 */
public final class EqExport {

    /** The formats {@code cabintune autoeq --format} writes. */
    public enum Format { PROFILE, APO, REW, CAMILLADSP, MINIDSP }

    private static final DateTimeFormatter REW_DATE = DateTimeFormatter.ofPattern("yyyy/M/d HH:mm:ss", Locale.ROOT);

    private EqExport() {
    }

    /** The largest gain the filters reach anywhere from 10 Hz to 0.49 fs (0 when they only cut), dB. */
    public static double maxBoostDb(List<FilterSpec> filters, double sampleRate) {
        double[] hz = LogGrid.of(10, 0.49 * sampleRate, 96);
        double max = 0;
        for (double v : Magnitude.cascadeDb(SectionDesign.quantize(filters, sampleRate), hz, sampleRate)) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Equalizer APO lines. */
    public static String apo(List<FilterSpec> filters, double sampleRate) {
        StringBuilder out = new StringBuilder();
        double boost = maxBoostDb(filters, sampleRate);
        if (boost > 0) {
            out.append(String.format(Locale.ROOT, "Preamp: %.1f dB%n", -Math.ceil(boost * 10) / 10));
        }
        int n = 1;
        for (FilterSpec f : filters) {
            Shape s = Shape.of(f);
            out.append(String.format(Locale.ROOT, "Filter %d: ON %s Fc %.1f Hz Gain %.2f dB Q %.3f%n", n++,
                    s.apo(), s.hz(), s.gainDb(), s.q()));
        }
        return out.toString();
    }

    /** REW filter-settings text; {@code notes} goes on the Notes line, {@code name} under the equaliser line. */
    public static String rew(List<FilterSpec> filters, String notes, String name, LocalDateTime dated) {
        StringBuilder out = new StringBuilder();
        out.append("Filter Settings file\n\n");
        out.append("Room EQ V5.31.3\n");
        out.append("Dated: ").append(dated.format(REW_DATE)).append("\n\n");
        out.append("Notes:").append(notes).append("\n\n");
        out.append("Equaliser: Generic\n");
        out.append(name).append('\n');
        int n = 1;
        for (FilterSpec f : filters) {
            Shape s = Shape.of(f);
            out.append(String.format(Locale.ROOT, "Filter %2d: ON  %-9sFc %7s Hz  Gain %6.2f dB  Q %6.3f%n", n++,
                    s.rew(), fourDigits(s.hz()), s.gainDb(), s.q()));
        }
        return out.toString();
    }

    /** REW shows frequencies with four significant digits: 38.50, 321.0, 1079, 12500. */
    static String fourDigits(double hz) {
        if (hz >= 1000) {
            return String.format(Locale.ROOT, "%.0f", hz);
        }
        int decimals = hz >= 100 ? 1 : hz >= 10 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f", hz);
    }

    /** A CamillaDSP YAML snippet: filters named {@code prefix_1, prefix_2, ...} and the pipeline step for {@code channel}. */
    public static String camillaDsp(List<FilterSpec> filters, String prefix, int channel) {
        StringBuilder out = new StringBuilder("filters:\n");
        List<String> names = new ArrayList<>();
        int n = 1;
        for (FilterSpec f : filters) {
            Shape s = Shape.of(f);
            String name = prefix + "_" + n++;
            names.add(name);
            out.append("  ").append(name).append(":\n");
            out.append("    type: Biquad\n");
            out.append("    parameters:\n");
            out.append("      type: ").append(s.camilla()).append('\n');
            out.append(String.format(Locale.ROOT, "      freq: %.2f%n      gain: %.2f%n      q: %.4f%n", s.hz(), s.gainDb(), s.q()));
        }
        out.append("pipeline:\n");
        out.append("  - type: Filter\n");
        out.append("    channels: [").append(channel).append("]\n");
        out.append("    names:\n");
        for (String name : names) {
            out.append("      - ").append(name).append('\n');
        }
        return out.toString();
    }

    /** miniDSP biquad text of the quantised sections, at the head unit's rate. */
    public static String miniDsp(List<FilterSpec> filters, double sampleRate) {
        StringBuilder out = new StringBuilder();
        List<QuantizedBiquad> sections = SectionDesign.quantize(filters, sampleRate);
        for (int i = 0; i < sections.size(); i++) {
            BiquadCoefficients c = sections.get(i).realized();
            out.append("biquad").append(i + 1).append(",\n");
            out.append("b0=").append(plain(c.b0())).append(",\n");
            out.append("b1=").append(plain(c.b1())).append(",\n");
            out.append("b2=").append(plain(c.b2())).append(",\n");
            // miniDSP's processors add a1 y[n-1] and a2 y[n-2]: the opposite sign of a1, a2 here.
            out.append("a1=").append(plain(-c.a1())).append(",\n");
            out.append("a2=").append(plain(-c.a2())).append(i + 1 < sections.size() ? ",\n" : "\n");
        }
        return out.toString();
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    /**
     * A minimal profile: one output, fed from input {@code L}, running the fixed filters and then the
     * EQ, its level lowered by the EQ's largest boost so the EQ cannot clip.
     */
    public static Profile profile(String name, int sampleRate, String outputName, List<FilterSpec> fixed,
                                  List<FilterSpec> eq) {
        List<FilterSpec> all = new ArrayList<>(fixed);
        all.addAll(eq);
        double trim = -Math.ceil(maxBoostDb(eq, sampleRate) * 10) / 10;
        Output out = new Output(outputName, Output.Role.FULLRANGE, Map.of("L", 1.0), all, 0, trim == 0 ? 0 : trim,
                false, Output.Protect.DEFAULT);
        return new Profile(Profile.FORMAT, name, sampleRate, List.of("L"), Bus.OFF, List.of(out));
    }

    /**
     * {@code base} with output {@code outputName}'s EQ (peaking filters and shelves) replaced by {@code eq};
     * its other filters keep their order, and every other field and output stays as it was.
     *
     * @throws CorrectionException when the profile has no such output
     */
    public static Profile profile(Profile base, String outputName, List<FilterSpec> eq) {
        Output target = output(base, outputName);
        List<FilterSpec> filters = new ArrayList<>(fixedFilters(target));
        filters.addAll(eq);
        Output changed = new Output(target.name(), target.role(), new LinkedHashMap<>(target.mix()), filters,
                target.delayMs(), target.gainDb(), target.invert(), target.protect());
        List<Output> outputs = new ArrayList<>();
        for (Output o : base.outputs()) {
            outputs.add(o.name().equals(outputName) ? changed : o);
        }
        return new Profile(base.format(), base.name(), base.sampleRate(), base.inputs(), base.bus(), outputs);
    }

    /** The output named {@code name}, or an error listing the names there are. */
    public static Output output(Profile base, String name) {
        Optional<Output> found = base.outputs().stream().filter(o -> o.name().equals(name)).findFirst();
        return found.orElseThrow(() -> new CorrectionException("profile '" + base.name() + "' has no output '" + name
                + "'; its outputs are " + String.join(", ", base.outputs().stream().map(Output::name).toList())));
    }

    /** An output's filters that are not EQ (crossovers, allpasses, notches, raw biquads): what the fit keeps. */
    public static List<FilterSpec> fixedFilters(Output output) {
        return output.filters().stream().filter(f -> !isEq(f)).toList();
    }

    private static boolean isEq(FilterSpec f) {
        return f instanceof FilterSpec.Peaking || f instanceof FilterSpec.LowShelf || f instanceof FilterSpec.HighShelf
                || f instanceof FilterSpec.LowShelf1 || f instanceof FilterSpec.HighShelf1;
    }

    /** A fitted filter's parameters and its names in each format. */
    private record Shape(String apo, String rew, String camilla, double hz, double gainDb, double q) {
        static Shape of(FilterSpec f) {
            return switch (f) {
                case FilterSpec.Peaking p -> new Shape("PK", "PK", "Peaking", p.freqHz(), p.gainDb(), p.q());
                case FilterSpec.LowShelf s -> new Shape("LSC", "LS Q", "Lowshelf", s.freqHz(), s.gainDb(), s.q());
                case FilterSpec.HighShelf s -> new Shape("HSC", "HS Q", "Highshelf", s.freqHz(), s.gainDb(), s.q());
                default -> throw new IllegalArgumentException("only peaking filters and second-order shelves can be "
                        + "exported as EQ, not " + f.type().jsonName());
            };
        }
    }
}
