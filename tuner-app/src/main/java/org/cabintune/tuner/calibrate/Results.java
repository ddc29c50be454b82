package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.tuner.calibrate.CalibrationResult.OutputResult;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.RewText;

/** Writes what a calibration produced, and prints its before/after table. */
public final class Results {

    private Results() {
    }

    /**
     * Writes into {@code dir}: {@code report.html}, {@code profile.json} (what the unit now
     * plays), and per output {@code measurements/NAME-before.txt}, {@code -after.txt} (REW text,
     * the microphone positions' average at 1/6 octave) and the EQ exports
     * ({@code exports/NAME.apo.txt}, {@code .rew.txt}, {@code .camilladsp.yaml}, {@code .minidsp.txt}).
     */
    public static List<Path> write(CalibrationResult r, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        Files.createDirectories(dir);
        Path report = dir.resolve("report.html");
        HtmlReport.write(r, report);
        written.add(report);
        Path profile = dir.resolve("profile.json");
        try {
            ProfileWriter.write(r.profile(), profile);
        } catch (ProfileException e) {
            throw new IOException("the calibrated profile does not write: " + String.join("; ", e.problems()), e);
        }
        written.add(profile);
        Path measurements = Files.createDirectories(dir.resolve("measurements"));
        Path exports = Files.createDirectories(dir.resolve("exports"));
        for (OutputResult o : r.outputs()) {
            if (!o.connected()) {
                continue;
            }
            written.add(rew(measurements.resolve(o.name() + "-before.txt"), r, o, o.curves().before(), "before correction"));
            if (o.curves().after() != null) {
                written.add(rew(measurements.resolve(o.name() + "-after.txt"), r, o, o.curves().after(), "after correction"));
            }
            written.addAll(Exports.write(exports, o.name(), o.eq(), r.profile().sampleRate()));
        }
        return written;
    }

    private static Path rew(Path file, CalibrationResult r, OutputResult o, double[] db, String what) throws IOException {
        double[] nan = new double[db.length];
        Arrays.fill(nan, Double.NaN);
        RewText.write(file, List.of("CabinTune calibration: " + o.name() + ", " + what,
                "Car: " + r.car() + ", seat: " + r.seat() + ", " + r.positions().size() + " microphone positions (RMS average)",
                "Smoothing: 1/6 octave"), new FrequencyResponse(r.hz(), db, nan, nan.clone()));
        return file;
    }

    /** The before/after table: residual against the target per output and summed, delays and levels. */
    public static void printTable(CalibrationResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "%-24s %9s %9s %9s %9s %8s %7s%n", "output", "before", "predicted", "after", "delay ms",
                "level", "filters");
        for (Row o : rows(r)) {
            if (!o.connected()) {
                out.printf(Locale.ROOT, "%-24s muted: %s%n", o.name(), o.note());
                continue;
            }
            out.printf(Locale.ROOT, "%-24s %9.2f %9.2f %9.2f %9.3f %8.1f %7d%n", o.name(), o.beforeDb(), o.predictedDb(),
                    o.afterDb(), o.delayMs(), o.gainDb(), o.filters());
        }
        CalibrationResult.Curves s = r.summed();
        out.printf(Locale.ROOT, "%-24s %9.2f %9s %9.2f   (shape only, 40 Hz - 16 kHz)%n", "all outputs",
                Residual.of(r.hz(), s.before(), s.target(), null, 0, 1e9, true).rmsDb(),
                s.predicted() == null ? "-" : String.format(Locale.ROOT, "%.2f",
                        Residual.of(r.hz(), s.predicted(), s.target(), null, 0, 1e9, true).rmsDb()),
                s.after() == null ? Double.NaN : Residual.of(r.hz(), s.after(), s.target(), null, 0, 1e9, true).rmsDb());
        out.println("residuals: dB RMS against the target, 1/6 octave, in each output's band (nulls left out)");
        out.flush();
    }

    /**
     * One output of a result as its table shows it.
     *
     * @param name        the output
     * @param connected   whether a speaker was heard on it (else it is muted)
     * @param note        why it is muted, or ""
     * @param beforeDb    residual against the target before the correction, dB RMS in its band
     * @param predictedDb what the correction predicts
     * @param afterDb     measured through the correction
     * @param delayMs     its delay
     * @param gainDb      its level
     * @param filters     crossover and EQ filters
     */
    public record Row(String name, boolean connected, String note, double beforeDb, double predictedDb, double afterDb,
                      double delayMs, double gainDb, int filters) {
    }

    /** Every output's row, in DAC order. */
    public static List<Row> rows(CalibrationResult r) {
        List<Row> rows = new ArrayList<>();
        for (OutputResult o : r.outputs()) {
            if (!o.connected()) {
                rows.add(new Row(o.name(), false, String.join("; ", o.notes()), Double.NaN, Double.NaN, Double.NaN,
                        0, 0, 0));
            } else {
                rows.add(new Row(o.name(), true, "", HtmlReport.residual(r, o, o.curves().before()),
                        HtmlReport.residual(r, o, o.curves().predicted()), HtmlReport.residual(r, o, o.curves().after()),
                        o.delayMs(), o.gainDb(), o.crossover().size() + o.eq().size()));
            }
        }
        return List.copyOf(rows);
    }
}
