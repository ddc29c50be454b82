package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.tuner.calibrate.CalibrationResult.OutputResult;
import org.cabintune.tuner.design.PathLength;

/**
 * The installer report of a calibration: one self-contained HTML file (inline SVG plots and
 * styles, nothing fetched) for the customer's file and the workshop's. In order: the vehicle,
 * unit, seat, target and date with the results in one table; the speakers (outputs, DAC
 * channels, roles, what was done to each); the protection limits the board sets and what they
 * made the unit add; the response of all outputs together; then one section per output with its
 * plot (before, target, predicted, after), delay, level, polarity, residuals and filters.
 *
 * <p>It prints cleanly to PDF from a browser: white background and dark text only, each section
 * from a new page, plots 180 mm wide (inside the margins of A4 and Letter alike), tables and
 * plots never split across pages.
 */
public final class HtmlReport {

    /** Block size of the compile that finds what the board adds (any size finds the same). */
    private static final int COMPILE_FRAMES = 128;
    /** The print width of a plot: A4 (210 mm) and Letter (216 mm) less 14 mm margins each side. */
    static final String PRINT_PLOT_WIDTH = "180mm";
    private static final String STYLE = """
            :root{color-scheme:light}
            html,body{background:#fff;color:#222}
            body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:780px;padding:0 1em}
            h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 8px;border-bottom:1px solid #eee;\
            text-align:right;vertical-align:top}th{text-align:left}td.l{text-align:left}
            .legend span{margin-right:1.2em}.muted{color:#888}
            svg.plot{display:block;width:100%;height:auto;max-width:720px}
            section{break-inside:avoid-page}
            @page{size:auto;margin:14mm}
            @media print{body{margin:0;padding:0;max-width:none;font-size:10pt}section{break-before:page}\
            section.first{break-before:auto}h2{break-after:avoid;margin-top:0}table,svg.plot{break-inside:avoid}\
            svg.plot{width:PLOT;max-width:100%}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """.replace("PLOT", PRINT_PLOT_WIDTH);

    private HtmlReport() {
    }

    /** Writes the report. */
    public static void write(CalibrationResult r, Path file) throws IOException {
        Files.writeString(file, html(r, ZonedDateTime.now()), StandardCharsets.UTF_8);
    }

    static String html(CalibrationResult r, ZonedDateTime date) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>CabinTune installer report: ").append(esc(r.vehicle())).append(", ").append(esc(r.seat()))
                .append("</title>\n<style>\n").append(STYLE).append("</style></head><body>\n");
        h.append("<section class=\"first\" id=\"summary\"><h1>Installer report: ").append(esc(r.vehicle()))
                .append("</h1>\n<table>");
        row(h, "Vehicle", r.vehicle());
        row(h, "Cabin measured", r.car());
        row(h, "Head unit", r.unit() + " on " + r.board().name() + " (board " + r.board().id() + ")");
        row(h, "Seat", r.seat());
        row(h, "Microphone positions", r.positions().size() + ": " + String.join(", ", r.positions()));
        row(h, "Target", r.targetName());
        row(h, "Profile", r.profileId() + " (" + r.profile().name() + ", " + r.profile().sampleRate() + " Hz)");
        row(h, "Date", date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)));
        row(h, "Calibration time", fmt(r.seconds(), 1) + " s");
        h.append("</table>\n<h2>Results</h2>\n").append(summaryTable(r))
                .append("<p>Residuals: dB RMS against the target at 1/6 octave, in each output's band, nulls left out;")
                .append(" delays also in cm of path at ").append(fmt(PathLength.SPEED_OF_SOUND, 0)).append(" m/s.</p></section>\n");
        h.append(speakers(r));
        h.append(protection(r));
        h.append("<section id=\"all-outputs\"><h2>All outputs together</h2>\n<p class=\"legend\">")
                .append(ResponsePlot.legend()).append("</p>\n")
                .append(ResponsePlot.svg(r.hz(), r.summed(), null, "all outputs together"))
                .append("<p>Residual (shape, 40 Hz - 16 kHz): before ").append(fmt(summedResidual(r, r.summed().before()), 2))
                .append(" dB RMS, after ").append(fmt(summedResidual(r, r.summed().after()), 2))
                .append(" dB RMS.</p></section>\n");
        for (OutputResult o : r.outputs()) {
            h.append(output(r, o));
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static double summedResidual(CalibrationResult r, double[] db) {
        return db == null ? Double.NaN : Residual.of(r.hz(), db, r.summed().target(), null, 0, 1e9, true).rmsDb();
    }

    private static String summaryTable(CalibrationResult r) {
        StringBuilder h = new StringBuilder("<table><tr><th>Output</th><th>Band (Hz)</th><th>Delay (ms)</th>")
                .append("<th>Delay (cm)</th><th>Level (dB)</th><th>Polarity</th><th>Filters</th>")
                .append("<th>Before (dB RMS)</th><th>Predicted</th><th>After</th></tr>\n");
        for (OutputResult o : r.outputs()) {
            if (!o.connected()) {
                h.append("<tr class=\"muted\"><td class=\"l\">").append(esc(o.name()))
                        .append("</td><td class=\"l\" colspan=\"9\">muted: ").append(esc(String.join("; ", o.notes())))
                        .append("</td></tr>\n");
                continue;
            }
            h.append("<tr><td class=\"l\">").append(esc(o.name())).append("</td><td>")
                    .append(fmt(o.bandHz()[0], 0)).append(" - ").append(fmt(o.bandHz()[1], 0)).append("</td><td>")
                    .append(fmt(o.delayMs(), 3)).append("</td><td>").append(fmt(PathLength.cm(o.delayMs(), PathLength.SPEED_OF_SOUND), 1))
                    .append("</td><td>").append(fmt(o.gainDb(), 1)).append("</td><td>")
                    .append(o.invert() ? "inverted" : "normal").append("</td><td>")
                    .append(o.crossover().size() + o.eq().size()).append("</td><td>")
                    .append(fmt(residual(r, o, o.curves().before()), 2)).append("</td><td>")
                    .append(fmt(residual(r, o, o.curves().predicted()), 2)).append("</td><td>")
                    .append(fmt(residual(r, o, o.curves().after()), 2)).append("</td></tr>\n");
        }
        h.append("<tr><td class=\"l\">all outputs</td><td class=\"l\" colspan=\"6\">shape, 40 Hz - 16 kHz</td><td>")
                .append(fmt(summedResidual(r, r.summed().before()), 2)).append("</td><td>")
                .append(fmt(summedResidual(r, r.summed().predicted()), 2)).append("</td><td>")
                .append(fmt(summedResidual(r, r.summed().after()), 2)).append("</td></tr>\n");
        return h.append("</table>\n").toString();
    }

    /** The speakers: each output with its DAC channel and role, and what the calibration did with it. */
    private static String speakers(CalibrationResult r) {
        StringBuilder h = new StringBuilder("<section id=\"speakers\"><h2>Speakers</h2>\n<table><tr><th>Output</th>")
                .append("<th>DAC channel</th><th>Speaker</th><th>Role</th><th>Status</th>")
                .append("<th>Arrival before (ms)</th><th>Arrival after (ms)</th></tr>\n");
        for (OutputResult o : r.outputs()) {
            BoardConfig.Output b = boardOutput(r, o.name());
            h.append("<tr><td>").append(o.index()).append("</td><td>").append(b == null ? "-" : b.channel())
                    .append("</td><td class=\"l\">").append(esc(o.name())).append("</td><td class=\"l\">")
                    .append(esc(o.role())).append("</td><td class=\"l\">")
                    .append(o.connected() ? "corrected, " + fmt(o.bandHz()[0], 0) + " - " + fmt(o.bandHz()[1], 0) + " Hz"
                            : "muted: " + esc(String.join("; ", o.notes())))
                    .append("</td><td>").append(fmt(o.arrivalBeforeMs(), 3)).append("</td><td>")
                    .append(fmt(o.arrivalAfterMs(), 3)).append("</td></tr>\n");
        }
        return h.append("</table>\n<p>Arrivals at the seat's first microphone position, after the timing reference.")
                .append("</p></section>\n").toString();
    }

    /**
     * The protection limits: the board's per output, the profile's own, the ones in force, and
     * what the unit adds to the profile to keep them (found by compiling the profile for the board,
     * as the unit does).
     */
    private static String protection(CalibrationResult r) {
        StringBuilder h = new StringBuilder("<section id=\"protection\"><h2>Protection limits</h2>\n<table><tr>")
                .append("<th>DAC channel</th><th>Speaker</th><th>Role</th><th>Board ceiling (dBTP)</th>")
                .append("<th>Profile ceiling (dBTP)</th><th>In force (dBTP)</th><th>Board minimum high-pass (Hz)</th>")
                .append("<th>Profile high-pass</th></tr>\n");
        List<BoardConfig.Output> byChannel = r.board().outputs().stream()
                .sorted(Comparator.comparingInt(BoardConfig.Output::channel)).toList();
        for (BoardConfig.Output b : byChannel) {
            Optional<Output> p = r.profile().outputs().stream().filter(o -> o.name().equals(b.speaker())).findFirst();
            double profileCeiling = p.map(o -> o.protect().ceilingDbtp()).orElse(Double.NaN);
            h.append("<tr><td>").append(b.channel()).append("</td><td class=\"l\">").append(esc(b.speaker()))
                    .append("</td><td class=\"l\">").append(esc(b.role())).append("</td><td>")
                    .append(fmt(b.ceilingDbtp(), 1)).append("</td><td>").append(fmt(profileCeiling, 1)).append("</td><td>")
                    .append(fmt(Double.isNaN(profileCeiling) ? b.ceilingDbtp() : Math.min(profileCeiling, b.ceilingDbtp()), 1))
                    .append("</td><td>").append(b.minHighpassHz() == null ? "-" : fmt(b.minHighpassHz(), 0))
                    .append("</td><td class=\"l\">").append(p.map(HtmlReport::highpass).orElse("not in the profile: silent"))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p>Every output ends in a true-peak protection limiter at the ceiling in force, and a")
                .append(" speaker with a minimum gets a high-pass at or above it whatever a profile asks. The volume only")
                .append(" attenuates.</p>\n");
        try {
            List<String> added = BoardGraph.compile(r.board(), r.profile(), COMPILE_FRAMES).added();
            if (added.isEmpty()) {
                h.append("<p>Added by the unit to this profile: nothing; the profile keeps every limit itself.</p>\n");
            } else {
                h.append("<p>Added by the unit to this profile:</p>\n<ul>");
                added.forEach(a -> h.append("<li>").append(esc(a)).append("</li>"));
                h.append("</ul>\n");
            }
        } catch (ProfileException e) {
            h.append("<p>The profile does not play on this board: ").append(esc(String.join("; ", e.problems())))
                    .append("</p>\n");
        }
        return h.append("</section>\n").toString();
    }

    private static String highpass(Output o) {
        return o.filters().stream().filter(FilterSpec.HighPass.class::isInstance).map(FilterSpec.HighPass.class::cast)
                .max(Comparator.comparingDouble(FilterSpec.HighPass::freqHz))
                .map(hp -> fmt(hp.freqHz(), 0) + " Hz, " + slope(hp.slope())).orElse("none");
    }

    private static BoardConfig.Output boardOutput(CalibrationResult r, String speaker) {
        return r.board().outputs().stream().filter(b -> b.speaker().equals(speaker)).findFirst().orElse(null);
    }

    /** An output's residual against its target in its band, nulls left out; NaN when not measured. */
    static double residual(CalibrationResult r, OutputResult o, double[] db) {
        if (db == null) {
            return Double.NaN;
        }
        return Residual.of(r.hz(), db, o.curves().target(), o.nulls(), o.bandHz()[0], o.bandHz()[1], false).rmsDb();
    }

    private static String output(CalibrationResult r, OutputResult o) {
        StringBuilder h = new StringBuilder("<section class=\"output\"><h2>").append(o.index()).append(": ")
                .append(esc(o.name())).append(" <small>(").append(esc(o.role())).append(")</small></h2>\n");
        if (!o.connected()) {
            return h.append("<p class=\"muted\">Muted: ").append(esc(String.join("; ", o.notes())))
                    .append("</p></section>\n").toString();
        }
        h.append("<p class=\"legend\">").append(ResponsePlot.legend()).append("</p>\n")
                .append(ResponsePlot.svg(r.hz(), o.curves(), o.bandHz(), o.name()));
        h.append("<table>");
        row(h, "Band corrected", fmt(o.bandHz()[0], 0) + " - " + fmt(o.bandHz()[1], 0) + " Hz");
        row(h, "Delay", fmt(o.delayMs(), 3) + " ms (" + fmt(PathLength.cm(o.delayMs(), PathLength.SPEED_OF_SOUND), 1) + " cm)");
        row(h, "Level", fmt(o.gainDb(), 2) + " dB");
        row(h, "Polarity", o.invert() ? "inverted" : "normal");
        row(h, "Arrival at the seat", fmt(o.arrivalBeforeMs(), 3) + " ms before, "
                + (Double.isNaN(o.arrivalAfterMs()) ? "-" : fmt(o.arrivalAfterMs(), 3)) + " ms after");
        row(h, "Residual (dB RMS)", "before " + fmt(residual(r, o, o.curves().before()), 2) + ", predicted "
                + fmt(residual(r, o, o.curves().predicted()), 2) + ", after " + fmt(residual(r, o, o.curves().after()), 2));
        row(h, "EQ fit time", fmt(o.fitMillis(), 0) + " ms");
        h.append("</table>\n<table><tr><th>Filter</th><th>Hz</th><th>Q / slope</th><th>Gain (dB)</th></tr>\n");
        for (FilterSpec f : o.crossover()) {
            h.append(filterRow(f));
        }
        for (FilterSpec f : o.eq()) {
            h.append(filterRow(f));
        }
        h.append("</table>\n");
        if (!o.notes().isEmpty()) {
            h.append("<ul>");
            for (String n : o.notes()) {
                h.append("<li>").append(esc(n)).append("</li>");
            }
            h.append("</ul>\n");
        }
        return h.append("</section>\n").toString();
    }

    static String filterRow(FilterSpec f) {
        return switch (f) {
            case FilterSpec.Peaking p -> cells("peaking", p.freqHz(), fmt(p.q(), 2), p.gainDb());
            case FilterSpec.LowShelf s -> cells("low shelf", s.freqHz(), fmt(s.q(), 2), s.gainDb());
            case FilterSpec.HighShelf s -> cells("high shelf", s.freqHz(), fmt(s.q(), 2), s.gainDb());
            case FilterSpec.HighPass p -> cells("high-pass", p.freqHz(), slope(p.slope()), Double.NaN);
            case FilterSpec.LowPass p -> cells("low-pass", p.freqHz(), slope(p.slope()), Double.NaN);
            default -> "<tr><td class=\"l\" colspan=\"4\">" + esc(f.toString()) + "</td></tr>\n";
        };
    }

    private static String slope(FilterSpec.Slope s) {
        return switch (s) {
            case FilterSpec.Slope.Aligned a -> a.align().jsonName() + " " + a.order() * 6 + " dB/oct";
            case FilterSpec.Slope.Resonant q -> "Q " + fmt(q.q(), 2);
        };
    }

    private static String cells(String kind, double hz, String q, double gain) {
        return "<tr><td class=\"l\">" + kind + "</td><td>" + fmt(hz, 1) + "</td><td>" + esc(q) + "</td><td>"
                + (Double.isNaN(gain) ? "" : fmt(gain, 2)) + "</td></tr>\n";
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td class=\"l\">").append(esc(value)).append("</td></tr>");
    }

    /** A number to {@code decimals} places, "-" for NaN, and never "-0.0". */
    static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "-";
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
