package org.cabintune.bench.tools;

import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.profile.SectionDesign;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the biquad sections a profile's outputs really run: each section as CabinTune designs
 * it, then rounded to the kernel's Q5.59 format and read back, so another program fed these
 * numbers does the same filtering, not a redesign of it.
 *
 * <pre>
 * PrintCoefficients PROFILE.json                   every output's sections, one per line
 * PrintCoefficients --ffmpeg OUTPUT PROFILE.json   one output's sections as an ffmpeg filter chain
 * </pre>
 *
 * {@code OUTPUT} is an output's index or name. Exit status: 0, 1 for a bad profile or
 * output, 2 for bad usage.
 */
public final class PrintCoefficients {

    private static final String USAGE = "usage: PrintCoefficients [--ffmpeg OUTPUT] PROFILE.json";

    private PrintCoefficients() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String ffmpegOutput = null;
        Path file;
        if (args.length == 1 && !args[0].startsWith("-")) {
            file = Path.of(args[0]);
        } else if (args.length == 3 && args[0].equals("--ffmpeg")) {
            ffmpegOutput = args[1];
            file = Path.of(args[2]);
        } else {
            err.println(USAGE);
            return 2;
        }
        Profile profile;
        try {
            profile = ProfileParser.parse(file);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (ProfileException e) {
            err.println(file + " is not a valid profile:\n" + e.getMessage());
            return 1;
        }
        if (ffmpegOutput == null) {
            printTable(profile, out);
            return 0;
        }
        int index = outputIndex(profile, ffmpegOutput);
        if (index < 0) {
            err.println("no output '" + ffmpegOutput + "' in " + file + "; it has " + profile.outputs().size()
                    + " outputs: " + profile.outputs().stream().map(Output::name).toList());
            return 1;
        }
        List<BiquadCoefficients> sections = realized(profile.outputs().get(index), profile.sampleRate());
        if (sections.isEmpty()) {
            // ffmpeg refuses an empty -af; a pass-through filter keeps the command valid.
            out.println("anull");
        } else {
            out.println(ffmpegChain(sections));
        }
        return 0;
    }

    /**
     * The sections of one output in processing order, as the fixed-point kernel realises them.
     */
    static List<BiquadCoefficients> realized(Output output, int sampleRate) {
        List<BiquadCoefficients> sections = new ArrayList<>();
        for (FilterSpec spec : output.filters()) {
            for (BiquadCoefficients designed : SectionDesign.design(spec, sampleRate)) {
                sections.add(QuantizedBiquad.of(designed).realized());
            }
        }
        return sections;
    }

    /**
     * ffmpeg's {@code biquad} filter for each section, joined into one chain. Both use
     * {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (a0 + a1 z^-1 + a2 z^-2)}, here with a0 = 1.
     * {@link Double#toString} gives the shortest decimal that reads back as the same double,
     * so ffmpeg (which parses with {@code strtod}) gets bit-identical coefficients.
     */
    static String ffmpegChain(List<BiquadCoefficients> sections) {
        StringBuilder chain = new StringBuilder();
        for (BiquadCoefficients c : sections) {
            if (!chain.isEmpty()) {
                chain.append(',');
            }
            chain.append("biquad=b0=").append(c.b0())
                    .append(":b1=").append(c.b1())
                    .append(":b2=").append(c.b2())
                    .append(":a0=1")
                    .append(":a1=").append(c.a1())
                    .append(":a2=").append(c.a2());
        }
        return chain.toString();
    }

    private static void printTable(Profile profile, PrintStream out) {
        int total = 0;
        for (int o = 0; o < profile.outputs().size(); o++) {
            Output output = profile.outputs().get(o);
            List<FilterSpec> specs = output.filters();
            int section = 0;
            for (int f = 0; f < specs.size(); f++) {
                for (BiquadCoefficients designed : SectionDesign.design(specs.get(f), profile.sampleRate())) {
                    BiquadCoefficients c = QuantizedBiquad.of(designed).realized();
                    out.printf("outputs[%d] %s filters[%d] %s section %d: b0=%s b1=%s b2=%s a1=%s a2=%s%n",
                            o, output.name(), f, specs.get(f).type().jsonName(), section++,
                            c.b0(), c.b1(), c.b2(), c.a1(), c.a2());
                }
            }
            total += section;
        }
        out.println(total + " sections in " + profile.outputs().size() + " outputs");
    }

    private static int outputIndex(Profile profile, String key) {
        List<Output> outputs = profile.outputs();
        for (int o = 0; o < outputs.size(); o++) {
            if (outputs.get(o).name().equals(key)) {
                return o;
            }
        }
        try {
            int index = Integer.parseInt(key);
            return index >= 0 && index < outputs.size() ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
