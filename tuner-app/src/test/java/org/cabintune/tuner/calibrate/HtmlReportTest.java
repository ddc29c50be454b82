package org.cabintune.tuner.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.tuner.calibrate.CalibrationResult.Curves;
import org.cabintune.tuner.calibrate.CalibrationResult.OutputResult;
import org.cabintune.tuner.measure.LogGrid;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer report holds every section an installer hands over, with the calibration's own
 * values: vehicle, date, speakers with their DAC channels and roles, the protection limits of
 * the board and what they made the unit add, plots of every output and of all together,
 * residuals, delays and filters; it is self-contained and styled to print (white, a page per
 * section, plots sized for A4 and Letter). Where a Chromium is installed, it prints to a PDF of
 * a page per section.
 */
class HtmlReportTest {

    static final ZonedDateTime DATE = ZonedDateTime.parse("2025-06-01T10:00:00Z");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    /** A calibration of the simulator board as it could have come out: the reference profile, the tweeter's ceiling left at 0 dBTP. */
    static CalibrationResult result() throws Exception {
        BoardConfig board = BoardLoader.load(Path.of("../board-configs/simulator.yaml"));
        String json = Files.readString(Path.of("../calibration/profiles/reference-8ch.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"minHighpassHz\": 2000, \"ceilingDbtp\": -1", "\"minHighpassHz\": 2000, \"ceilingDbtp\": 0");
        Profile profile = ProfileParser.parse(json);
        double[] hz = LogGrid.of(20, 20_000, LogGrid.DEFAULT_POINTS_PER_OCTAVE);
        List<OutputResult> outputs = new ArrayList<>();
        for (int i = 0; i < profile.outputs().size(); i++) {
            Output o = profile.outputs().get(i);
            if (i == 7) {
                outputs.add(new OutputResult(i, o.name(), o.role().jsonName(), false, List.of("no speaker heard (SNR 2.1 dB)"),
                        new Curves(curve(hz, i, 0, 3), null, null, null), null, new double[] {0, 0}, List.of(), List.of(),
                        0, 0, false, Double.NaN, Double.NaN, 0));
                continue;
            }
            List<FilterSpec> crossover = o.filters().stream().filter(f -> f instanceof FilterSpec.HighPass
                    || f instanceof FilterSpec.LowPass).toList();
            outputs.add(new OutputResult(i, o.name(), o.role().jsonName(), true, List.of("level set by the sum"),
                    new Curves(curve(hz, i, 0, 4), curve(hz, i, 1, 0), curve(hz, i, 1, 0.5), curve(hz, i, 1, 0.8)),
                    new boolean[hz.length], new double[] {100 + 10 * i, 10_000}, crossover,
                    List.of(new FilterSpec.Peaking(400 + 100 * i, 4.5, -3.25)), 0.5 + 0.25 * i, -1.5 * i, i == 2,
                    3.1 + 0.1 * i, 5.2, 12));
        }
        return new CalibrationResult("demo-car", board, "2019 Estate, reg. CT-0042", "sedan", "driver",
                List.of("center", "left", "right"), "car-default.txt", hz, "calibrated-driver", profile, outputs,
                new Curves(curve(hz, 9, 0, 5), curve(hz, 9, 1, 0), curve(hz, 9, 1, 0.5), curve(hz, 9, 1, 1)), 42.4);
    }

    /** A response in dB: a tilt of {@code tilt} dB over the band plus a ripple of {@code ripple} dB. */
    private static double[] curve(double[] hz, int seed, double tilt, double ripple) {
        double[] db = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            db[i] = -20 + tilt * Math.log10(hz[i] / 1000) + ripple * Math.sin(i * 0.37 + seed);
        }
        return db;
    }

    @Test
    void holdsEverySectionWithTheCalibrationsValues() throws Exception {
        CalibrationResult r = result();
        String html = HtmlReport.html(r, DATE);
        assertInOrder(html, "<title>CabinTune installer report: 2019 Estate, reg. CT-0042, driver</title>",
                "<h1>Installer report: 2019 Estate, reg. CT-0042</h1>", "<th>Vehicle</th><td class=\"l\">2019 Estate",
                "<th>Cabin measured</th><td class=\"l\">sedan</td>",
                "<th>Head unit</th><td class=\"l\">demo-car on Simulator (no hardware) (board simulator)</td>",
                "<th>Date</th><td class=\"l\">2025-06-01 10:00 Z</td>", "id=\"speakers\"", "id=\"protection\"",
                "id=\"all-outputs\"", "<h2>0: front-left-tweeter", "<h2>7: subwoofer-2");
        // Speakers: every board output with its DAC channel and role, what was done.
        for (BoardConfig.Output b : r.board().outputs()) {
            assertTrue(html.contains("<td>" + b.channel() + "</td><td class=\"l\">" + b.speaker() + "</td><td class=\"l\">"
                    + b.role() + "</td>"), b.speaker() + " in the speakers and protection tables");
        }
        assertTrue(html.contains("<td class=\"l\">corrected, 130 - 10000 Hz</td>"), "a corrected output's band");
        assertTrue(html.contains("muted: no speaker heard (SNR 2.1 dB)"));
        // Protection: the board's ceilings and minimum high-passes, the profile's, and what the unit adds.
        assertTrue(html.contains("<td class=\"l\">rear-left-coaxial</td><td class=\"l\">coaxial</td><td>-2.0</td><td>-2.0</td>"
                + "<td>-2.0</td><td>60</td><td class=\"l\">80 Hz, butterworth 12 dB/oct</td>"), "the coaxial's limits");
        assertTrue(html.contains("<td class=\"l\">front-left-tweeter</td><td class=\"l\">tweeter</td><td>-1.0</td><td>0.0</td>"
                + "<td>-1.0</td><td>2000</td><td class=\"l\">3500 Hz, linkwitz-riley 24 dB/oct</td>"), "the tweeter's limits");
        assertTrue(html.contains("<li>front-left-tweeter: ceiling -1.0 dBTP (the board's) instead of the profile's 0.0 dBTP</li>"),
                "the board's ceiling is laid over the profile's");
        // Results: delays (ms and cm), levels, polarity, filters, residuals before, predicted, after.
        OutputResult third = r.outputs().get(2);
        assertTrue(html.contains("<td>1.000</td><td>34.3</td><td>-3.0</td><td>inverted</td><td>3</td><td>"
                + HtmlReport.fmt(HtmlReport.residual(r, third, third.curves().before()), 2) + "</td><td>"
                + HtmlReport.fmt(HtmlReport.residual(r, third, third.curves().predicted()), 2) + "</td><td>"
                + HtmlReport.fmt(HtmlReport.residual(r, third, third.curves().after()), 2) + "</td>"), "a results row");
        assertTrue(html.contains("<tr><td class=\"l\">peaking</td><td>600.0</td><td>4.50</td><td>-3.25</td></tr>"));
        assertTrue(html.contains("<tr><td class=\"l\">low-pass</td><td>3500.0</td><td>linkwitz-riley 24 dB/oct</td>"));
        assertTrue(html.contains("<th>Delay</th><td class=\"l\">1.000 ms (34.3 cm)</td>"));
        // Plots: the sum and every corrected output, before and after drawn.
        assertEquals(8, count(html, "<svg class=\"plot\""), "all outputs together and 7 corrected outputs");
        assertEquals(8, count(html, "<path class=\"before\""));
        assertEquals(8, count(html, "<path class=\"after\""));
    }

    @Test
    void isSelfContainedAndStyledToPrint() throws Exception {
        String html = HtmlReport.html(result(), DATE);
        assertFalse(Pattern.compile("<script|<link|<img|src=|@import|url\\(").matcher(html).find(), "nothing fetched");
        assertEquals(count(html, "http"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""), "no address but SVG's namespace");
        assertTrue(html.contains("@page{size:auto;margin:14mm}"));
        assertTrue(html.contains("@media print{") && html.contains("section{break-before:page}")
                && html.contains("section.first{break-before:auto}"), "a page per section");
        assertTrue(html.contains("svg.plot{width:180mm;max-width:100%}"), "plots inside A4's and Letter's margins");
        // No dark backgrounds: every background and fill is light.
        Matcher m = Pattern.compile("(?:background:|fill=\")#([0-9a-fA-F]{3,6})").matcher(html);
        int found = 0;
        while (m.find()) {
            found++;
            assertTrue(luminance(m.group(1)) > 0.9, "a dark background: #" + m.group(1));
        }
        assertTrue(found >= 3, "backgrounds found: " + found);
    }

    @Test
    void printsToAPdfOfAPagePerSectionWhereChromiumIsInstalled() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed");
        Path report = dir.resolve("report.html");
        Files.writeString(report, HtmlReport.html(result(), DATE), StandardCharsets.UTF_8);
        Path pdf = dir.resolve("report.pdf");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--user-data-dir=" + dir.resolve("chromium"),
                "--print-to-pdf=" + pdf, report.toUri().toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();
        Assumptions.assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish within 120 s");
        Assumptions.assumeTrue(p.exitValue() == 0 && Files.exists(pdf), () -> "chromium could not print here: "
                + readQuietly(dir.resolve("chromium.log")));
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"));
        // Title and results, speakers, protection, all outputs, 8 outputs: a page each at least.
        int pages = count(Pattern.compile("/Type\\s*/Page[^s]").matcher(text));
        assertTrue(pages >= 12, "pages: " + pages);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static double luminance(String hex) {
        String six = hex.length() == 3 ? "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2)
                + hex.charAt(2) : hex;
        int rgb = Integer.parseInt(six, 16);
        return (0.2126 * (rgb >> 16 & 255) + 0.7152 * (rgb >> 8 & 255) + 0.0722 * (rgb & 255)) / 255;
    }

    private static int count(String text, String part) {
        return count(Pattern.compile(Pattern.quote(part)).matcher(text));
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void assertInOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertTrue(found >= 0, "\"" + part + "\" after position " + at);
            at = found + part.length();
        }
    }
}
