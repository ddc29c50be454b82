package org.cabintune.tuner.correct;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.profile.ProfileValidator;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.RewText;
import org.cabintune.tuner.measure.Smoothing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune autoeq --measurement fr.txt --target T.txt --out F --format ...}: fits
 * parametric EQ for one output from its measurements at one or more microphone positions and
 * writes it as a profile or for another equaliser.
 */
@Command(name = "autoeq", mixinStandardHelpOptions = true,
        description = {"Fit parametric EQ for one output to a target curve from its measured response",
                "(one REW text file per microphone position) and write it as a CabinTune profile or for",
                "Equalizer APO, REW, CamillaDSP or miniDSP."},
        footer = {"", "Positions are averaged as power after aligning their levels in the band, then smoothed;",
                "dips that move between positions or show a cancellation's phase are treated as nulls and",
                "never boosted. The table gives the fitted filters and the predicted residual against the",
                "target (nulls excluded), from the coefficients the head unit runs.", "",
                "Examples:",
                "  cabintune autoeq --measurement pos1.txt --measurement pos2.txt \\",
                "      --target calibration/targets/car-default.txt --from 60 --to 5000 --out eq.json",
                "  cabintune autoeq --measurement fr.txt --target car-default.txt --base car.json \\",
                "      --output front-left-midwoofer --out car-eq.json",
                "  cabintune autoeq --measurement fr.txt --target flat.txt --format apo --out config.txt", ""})
public final class AutoEqCommand implements Callable<Integer> {

    @Option(names = "--measurement", required = true, paramLabel = "FR.txt",
            description = "Measured response (REW text export); repeat once per microphone position.")
    List<Path> measurements;

    @Option(names = "--target", required = true, paramLabel = "T.txt",
            description = "Target (house) curve, REW house-curve text.")
    Path target;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the result.")
    Path out;

    @Option(names = "--format", paramLabel = "F", defaultValue = "profile",
            description = "profile, apo, rew, camilladsp or minidsp (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--max-filters", paramLabel = "N", defaultValue = "10",
            description = "Most filters to place (default ${DEFAULT-VALUE}).")
    int maxFilters;

    @Option(names = "--max-boost", paramLabel = "DB", defaultValue = "6",
            description = "Most boost, per filter and in total (default ${DEFAULT-VALUE} dB).")
    double maxBoost;

    @Option(names = "--max-cut", paramLabel = "DB", defaultValue = "-12",
            description = "Most cut, per filter and in total; the sign is optional (default ${DEFAULT-VALUE} dB).")
    double maxCut;

    @Option(names = "--from", paramLabel = "HZ", description = "Start of the band to correct (default: where the measurement starts, at least 20 Hz).")
    Double fromHz;

    @Option(names = "--to", paramLabel = "HZ", description = "End of the band (default: where the measurement ends, at most 20 kHz).")
    Double toHz;

    @Option(names = "--smoothing", paramLabel = "S", defaultValue = "1/6",
            description = "Smoothing of the average the fit sees: 1/N octave, var, psy, erb or none (default ${DEFAULT-VALUE}).")
    String smoothing;

    @Option(names = "--no-shelves", description = "Use peaking filters only.")
    boolean noShelves;

    @Option(names = "--sample-rate", paramLabel = "HZ",
            description = "Rate the head unit runs at (default: the --base profile's, else 48000).")
    Integer sampleRate;

    @Option(names = "--base", paramLabel = "P.json",
            description = "Profile whose output (--output) gets the EQ; its crossover filters stay and count in the prediction.")
    Path base;

    @Option(names = "--output", paramLabel = "NAME",
            description = "The output to correct: in --base, or the name of the minimal profile's output (default autoeq).")
    String outputName;

    @Option(names = "--measured-with-filters",
            description = "The measurements were taken through the --base output's crossover filters: do not add them again.")
    boolean measuredWithFilters;

    @Option(names = "--channel", paramLabel = "N", defaultValue = "0",
            description = "CamillaDSP channel of the pipeline step (default ${DEFAULT-VALUE}).")
    int channel;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        EqExport.Format kind = format();
        Smoothing smooth;
        try {
            smooth = Smoothing.parse(smoothing);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--smoothing: " + e.getMessage());
        }
        if (base != null && outputName == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--base needs --output NAME: the output to correct");
        }
        Profile baseProfile = base != null ? readProfile(base) : null;
        int rate = sampleRate != null ? sampleRate : baseProfile != null ? baseProfile.sampleRate() : 48_000;
        if (!ProfileValidator.SAMPLE_RATES.contains(rate)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sample-rate " + rate + " is not one of "
                    + ProfileValidator.SAMPLE_RATES);
        }
        List<FilterSpec> fixed = baseProfile != null ? EqExport.fixedFilters(EqExport.output(baseProfile, outputName)) : List.of();
        Positions positions = Positions.read(measurements);
        double[] hz = positions.hz();
        double from = fromHz != null ? fromHz : Math.max(20, hz[0]);
        double to = toHz != null ? toHz : Math.min(Math.min(20_000, hz[hz.length - 1]), 0.49 * rate);
        AutoEq.Limits limits;
        AutoEq.Problem problem;
        try {
            limits = new AutoEq.Limits(maxFilters, maxBoost, -Math.abs(maxCut), AutoEq.Limits.DEFAULT.minQ(),
                    AutoEq.Limits.DEFAULT.maxQ(), !noShelves, smooth);
            problem = new AutoEq.Problem(rate, hz, positions.db(), positions.phase(), HouseCurve.read(target).on(hz),
                    from, to, measuredWithFilters ? List.of() : fixed, limits);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        AutoEq.Result r = AutoEq.fit(problem);
        Files.writeString(out, render(kind, r, rate, fixed, baseProfile, from, to), StandardCharsets.UTF_8);
        report(r, from, to, kind);
        return 0;
    }

    private EqExport.Format format() {
        try {
            return EqExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: '" + format
                    + "' is not one of profile, apo, rew, camilladsp, minidsp");
        }
    }

    private static Profile readProfile(Path file) throws IOException {
        try {
            return ProfileParser.parse(file);
        } catch (NoSuchFileException e) {
            throw new CorrectionException(file + ": no such file");
        } catch (ProfileException e) {
            throw new CorrectionException(file + ": " + String.join("; ", e.problems()));
        }
    }

    private String render(EqExport.Format kind, AutoEq.Result r, int rate, List<FilterSpec> fixed, Profile baseProfile,
                          double from, double to) {
        String what = String.format(Locale.ROOT, "CabinTune autoeq, %d position(s), %.0f-%.0f Hz, target %s",
                measurements.size(), from, to, target.getFileName());
        return switch (kind) {
            case APO -> "# " + what + "\n" + EqExport.apo(r.filters(), rate);
            case REW -> EqExport.rew(r.filters(), what, outputName != null ? outputName : "autoeq", LocalDateTime.now());
            case CAMILLADSP -> "# " + what + "\n" + EqExport.camillaDsp(r.filters(), "cabintune_eq", channel);
            case MINIDSP -> EqExport.miniDsp(r.filters(), rate);
            case PROFILE -> {
                Profile p = baseProfile != null ? EqExport.profile(baseProfile, outputName, r.filters())
                        : EqExport.profile("autoeq", rate, outputName != null ? outputName : "autoeq", fixed, r.filters());
                try {
                    yield ProfileWriter.write(p);
                } catch (ProfileException e) {
                    throw new CorrectionException("the fitted profile does not validate: " + String.join("; ", e.problems()));
                }
            }
        };
    }

    private void report(AutoEq.Result r, double from, double to, EqExport.Format kind) {
        PrintWriter o = spec.commandLine().getOut();
        o.println(String.format(Locale.ROOT, "%d position(s), band %.0f-%.0f Hz, target %s", measurements.size(), from, to,
                target.getFileName()));
        o.println(" #  type        freq Hz   gain dB      Q");
        int n = 1;
        for (FilterSpec f : r.filters()) {
            double[] v = switch (f) {
                case FilterSpec.Peaking p -> new double[] {p.freqHz(), p.gainDb(), p.q()};
                case FilterSpec.LowShelf s -> new double[] {s.freqHz(), s.gainDb(), s.q()};
                case FilterSpec.HighShelf s -> new double[] {s.freqHz(), s.gainDb(), s.q()};
                default -> throw new IllegalStateException("unexpected filter " + f);
            };
            o.println(String.format(Locale.ROOT, "%2d  %-9s %9.1f %+9.2f %6.2f", n++, f.type().jsonName(), v[0], v[1], v[2]));
        }
        int inBand = 0;
        for (double f : r.hz()) {
            inBand += f >= from && f <= to ? 1 : 0;
        }
        o.println(String.format(Locale.ROOT, "predicted residual: RMS %.2f dB, max %.2f dB; nulls excluded: %d of %d points",
                r.residualRmsDb(), r.residualMaxDb(), r.nullCount(), inBand));
        o.println(String.format(Locale.ROOT, "level offset to the target: %+.1f dB", r.levelOffsetDb()));
        o.println("wrote " + out + " (" + kind.name().toLowerCase(Locale.ROOT) + ")");
        o.flush();
    }

    /** The measurement files on one frequency grid: their own when they share it, else a 48-per-octave grid they all cover. */
    record Positions(double[] hz, double[][] db, double[][] phase) {

        static Positions read(List<Path> files) throws IOException {
            List<FrequencyResponse> responses = new ArrayList<>();
            for (Path f : files) {
                responses.add(RewText.read(f).response());
            }
            double[] hz = responses.get(0).hz();
            boolean shared = responses.stream().allMatch(r -> Arrays.equals(r.hz(), responses.get(0).hz()));
            if (!shared) {
                double lo = responses.stream().mapToDouble(r -> r.hz()[0]).max().orElseThrow();
                double hi = responses.stream().mapToDouble(r -> r.hz()[r.size() - 1]).min().orElseThrow();
                if (!(hi > lo * 1.1)) {
                    throw new CorrectionException("the measurements share no frequency range (" + lo + " .. " + hi + " Hz)");
                }
                hz = LogGrid.of(lo, hi, 48);
            }
            boolean phase = responses.stream().allMatch(r -> Arrays.stream(r.phaseDegrees()).noneMatch(Double::isNaN));
            double[][] db = new double[responses.size()][];
            double[][] ph = phase ? new double[responses.size()][] : null;
            for (int p = 0; p < responses.size(); p++) {
                FrequencyResponse r = responses.get(p);
                db[p] = shared ? r.db() : resample(r.hz(), r.db(), hz);
                if (phase) {
                    ph[p] = shared ? r.phaseDegrees() : resample(r.hz(), unwrap(r.phaseDegrees()), hz);
                }
            }
            return new Positions(hz, db, ph);
        }

        private static double[] resample(double[] from, double[] values, double[] to) {
            double[] out = new double[to.length];
            for (int i = 0; i < to.length; i++) {
                out[i] = FrequencyResponse.interpolateLog(from, values, to[i]);
            }
            return out;
        }

        private static double[] unwrap(double[] degrees) {
            double[] out = degrees.clone();
            for (int i = 1; i < out.length; i++) {
                out[i] -= 360 * Math.rint((out[i] - out[i - 1]) / 360);
            }
            return out;
        }
    }
}
