package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.tuner.calibrate.CalibrationResult.Curves;
import org.cabintune.tuner.calibrate.CalibrationResult.OutputResult;
import org.cabintune.tuner.design.PathLength;

/**
 * The calibration's report: one self-contained HTML file (inline SVG plots and styles, nothing
 * fetched) with the before, target, predicted and after responses per output and summed, the
 * delays, levels, filters and residuals. It prints to PDF from a browser one output per block.
 */
public final class HtmlReport {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final double F_LOW = 20;
    private static final double F_HIGH = 20_000;
    private static final String[] COLOURS = {"#888888", "#2a9d3a", "#d98a00", "#1f5fbf"};
    private static final String[] LABELS = {"before", "target", "predicted", "after"};

    private HtmlReport() {
    }

    /** Writes the report. */
    public static void write(CalibrationResult r, Path file) throws IOException {
        Files.writeString(file, html(r), StandardCharsets.UTF_8);
    }

    static String html(CalibrationResult r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>CabinTune calibration: ")
                .append(esc(r.car())).append(", ").append(esc(r.seat())).append("</title>\n<style>\n")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:780px;color:#222}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}\n")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 8px;border-bottom:1px solid #eee;")
                .append("text-align:right}th{text-align:left}td.l{text-align:left}\n")
                .append("section{page-break-inside:avoid}.legend span{margin-right:1.2em}.muted{color:#888}\n")
                .append("svg{background:#fff}@media print{body{margin:0}h2{page-break-before:auto}}\n")
                .append("</style></head><body>\n");
        h.append("<h1>Calibration of ").append(esc(r.car())).append("</h1>\n<table>");
        row(h, "Unit", r.unit());
        row(h, "Seat", r.seat());
        row(h, "Microphone positions", String.join(", ", r.positions()));
        row(h, "Target", r.targetName());
        row(h, "Profile", r.profileId() + " (" + r.profile().name() + ")");
        row(h, "Date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        row(h, "Loop time", fmt(r.seconds(), 1) + " s");
        h.append("</table>\n");
        h.append("<p class=\"legend\">").append(legend()).append("</p>\n");
        h.append(summaryTable(r));
        h.append("<section><h2>All outputs together</h2>\n").append(plot(r.hz(), r.summed(), null))
                .append("<p>Residual (shape, 40 Hz - 16 kHz): before ")
                .append(fmt(Residual.of(r.hz(), r.summed().before(), r.summed().target(), null, 0, 1e9, true).rmsDb(), 2))
                .append(" dB RMS, after ")
                .append(r.summed().after() == null ? "-" : fmt(Residual.of(r.hz(), r.summed().after(),
                        r.summed().target(), null, 0, 1e9, true).rmsDb(), 2))
                .append(" dB RMS.</p></section>\n");
        for (OutputResult o : r.outputs()) {
            h.append(output(r, o));
        }
        h.append("</body></html>\n");
        return h.toString();
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
        return h.append("</table>\n").toString();
    }

    /** An output's residual against its target in its band, nulls left out; NaN when not measured. */
    static double residual(CalibrationResult r, OutputResult o, double[] db) {
        if (db == null) {
            return Double.NaN;
        }
        return Residual.of(r.hz(), db, o.curves().target(), o.nulls(), o.bandHz()[0], o.bandHz()[1], false).rmsDb();
    }

    private static String output(CalibrationResult r, OutputResult o) {
        StringBuilder h = new StringBuilder("<section><h2>").append(o.index()).append(": ").append(esc(o.name()))
                .append(" <small>(").append(esc(o.role())).append(")</small></h2>\n");
        if (!o.connected()) {
            return h.append("<p class=\"muted\">Muted: ").append(esc(String.join("; ", o.notes())))
                    .append("</p></section>\n").toString();
        }
        h.append(plot(r.hz(), o.curves(), o.bandHz()));
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

    private static String legend() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < LABELS.length; i++) {
            s.append("<span style=\"color:").append(COLOURS[i]).append("\">&#9632; ").append(LABELS[i]).append("</span>");
        }
        return s.toString();
    }

    /** A log-frequency plot of the curves present; the band shaded when given. */
    static String plot(double[] hz, Curves c, double[] band) {
        List<double[]> curves = java.util.Arrays.asList(c.before(), c.target(), c.predicted(), c.after());
        double top = Double.NEGATIVE_INFINITY;
        for (double[] y : curves) {
            if (y != null) {
                for (int i = 0; i < hz.length; i++) {
                    if (hz[i] >= F_LOW && hz[i] <= F_HIGH && Double.isFinite(y[i])) {
                        top = Math.max(top, y[i]);
                    }
                }
            }
        }
        double yTop = Math.ceil(top / 10) * 10 + 5;
        double yBottom = yTop - 50;
        int left = 44;
        int bottom = HEIGHT - 24;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\""
                + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" font-size=\"11\">\n");
        if (band != null) {
            double x0 = x(Math.max(band[0], F_LOW), left);
            double x1 = x(Math.min(band[1], F_HIGH), left);
            s.append("<rect x=\"").append(fmt(x0, 1)).append("\" y=\"4\" width=\"").append(fmt(x1 - x0, 1))
                    .append("\" height=\"").append(bottom - 4).append("\" fill=\"#f3f6fb\"/>\n");
        }
        for (double f : new double[] {20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000}) {
            double xf = x(f, left);
            s.append("<line x1=\"").append(fmt(xf, 1)).append("\" y1=\"4\" x2=\"").append(fmt(xf, 1)).append("\" y2=\"")
                    .append(bottom).append("\" stroke=\"#ddd\"/><text x=\"").append(fmt(xf, 1)).append("\" y=\"")
                    .append(HEIGHT - 8).append("\" text-anchor=\"middle\">")
                    .append(f >= 1000 ? fmt(f / 1000, 0) + "k" : fmt(f, 0)).append("</text>\n");
        }
        for (double d = yBottom; d <= yTop + 1e-9; d += 10) {
            double yd = y(d, yTop, yBottom, bottom);
            s.append("<line x1=\"").append(left).append("\" y1=\"").append(fmt(yd, 1)).append("\" x2=\"").append(WIDTH - 6)
                    .append("\" y2=\"").append(fmt(yd, 1)).append("\" stroke=\"#ddd\"/><text x=\"").append(left - 4)
                    .append("\" y=\"").append(fmt(yd + 4, 1)).append("\" text-anchor=\"end\">").append(fmt(d, 0))
                    .append("</text>\n");
        }
        for (int k = 0; k < curves.size(); k++) {
            double[] yv = curves.get(k);
            if (yv == null) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < hz.length; i++) {
                if (hz[i] < F_LOW || hz[i] > F_HIGH || !Double.isFinite(yv[i])) {
                    continue;
                }
                double yy = Math.max(4, Math.min(bottom, y(yv[i], yTop, yBottom, bottom)));
                path.append(path.isEmpty() ? "M" : "L").append(fmt(x(hz[i], left), 1)).append(',').append(fmt(yy, 1));
            }
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(COLOURS[k])
                    .append("\" stroke-width=\"").append(k == 1 ? "2" : "1.4").append("\"")
                    .append(k == 2 ? " stroke-dasharray=\"5,3\"" : "").append("/>\n");
        }
        s.append("<text x=\"").append(left + 4).append("\" y=\"14\">dB</text></svg>\n");
        return s.toString();
    }

    private static double x(double f, int left) {
        return left + (WIDTH - 6 - left) * Math.log(f / F_LOW) / Math.log(F_HIGH / F_LOW);
    }

    private static double y(double db, double top, double bottom, int bottomPx) {
        return 4 + (bottomPx - 4) * (top - db) / (top - bottom);
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td class=\"l\">").append(esc(value)).append("</td></tr>");
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
