package org.cabintune.tuner.loudness;

import java.util.List;
import java.util.Locale;
import org.cabintune.dsp.loudness.LoudnessReadings;
import org.cabintune.dsp.loudness.Platform;

/**
 * How {@code cabintune loudness} prints a measured file: one JSON object per line, or a row of
 * an aligned table; with {@code --preview}, what each platform would do to it.
 *
 * <p>JSON keys, always all of them and in this order: {@code file}, {@code integratedLufs},
 * {@code loudnessRangeLu}, {@code truePeakDbtp}, {@code samplePeakDbfs},
 * {@code maxMomentaryLufs}, {@code maxShortTermLufs}; with {@code --preview} also
 * {@code preview}. Numbers are rounded to 0.01. A value that does not exist is {@code null}:
 * loudness of digital silence or of a programme that never passes the gates, the range when no
 * 3 s block passes (a file under 3 s, for one), peaks of digital silence. JSON has no
 * infinity, and {@code null} says "no reading" where a number would say "a reading".
 *
 * <p>The line is written by {@link JsonLine}, not a JSON library: a flat object does not need
 * one, and loading Jackson's 400 classes cost a third of a second of CPU per run, as much as
 * metering two minutes of audio.
 */
final class Report {

    private static final String[] HEADINGS = {"integrated", "range", "true peak", "sample peak", "max M", "max S"};
    private static final String[] UNITS = {"LUFS", "LU", "dBTP", "dBFS", "LUFS", "LUFS"};
    private static final int COLUMN = 12;

    private Report() {
    }

    /** The JSON line for a file. */
    static String json(FileMeter.Result result, List<Platform> preview) {
        LoudnessReadings r = result.readings();
        JsonLine o = new JsonLine()
                .text("file", result.file())
                .number("integratedLufs", r.integratedLufs())
                .number("loudnessRangeLu", r.loudnessRangeLu())
                .number("truePeakDbtp", r.truePeakDbtp())
                .number("samplePeakDbfs", r.samplePeakDbfs())
                .number("maxMomentaryLufs", r.maxMomentaryLufs())
                .number("maxShortTermLufs", r.maxShortTermLufs());
        if (!preview.isEmpty()) {
            o.beginArray("preview");
            for (Platform p : preview) {
                Platform.Preview v = previewOf(p, r);
                o.beginObject()
                        .text("platform", p.id())
                        .number("targetLufs", p.targetLufs())
                        .number("gainDb", v == null ? Double.NaN : v.gainDb())
                        .number("resultLufs", v == null ? Double.NaN : v.resultLufs())
                        .number("truePeakDbtp", v == null ? Double.NaN : v.truePeakDbtp())
                        .bool("limiter", v == null ? null : v.limiter())
                        .bool("clips", v == null ? null : v.clips())
                        .end();
            }
            o.end();
        }
        return o.end().toString();
    }

    /** What {@code p} does to the file, or null when it has no loudness to normalise. */
    static Platform.Preview previewOf(Platform p, LoudnessReadings r) {
        if (!Double.isFinite(r.integratedLufs()) || !Double.isFinite(r.truePeakDbtp())) {
            return null;
        }
        return p.preview(r.integratedLufs(), r.truePeakDbtp(), r.samplePeakDbfs());
    }

    /** The two heading lines of the table, the file column {@code width} wide. */
    static String tableHeading(int width) {
        StringBuilder names = new StringBuilder(pad("file", width));
        StringBuilder units = new StringBuilder(pad("", width));
        for (int i = 0; i < HEADINGS.length; i++) {
            names.append(String.format(Locale.ROOT, "%" + COLUMN + "s", HEADINGS[i]));
            units.append(String.format(Locale.ROOT, "%" + COLUMN + "s", UNITS[i]));
        }
        return names + System.lineSeparator() + units;
    }

    /** A file's row of the table. */
    static String tableRow(FileMeter.Result result, int width) {
        LoudnessReadings r = result.readings();
        double[] values = {r.integratedLufs(), r.loudnessRangeLu(), r.truePeakDbtp(), r.samplePeakDbfs(),
            r.maxMomentaryLufs(), r.maxShortTermLufs()};
        StringBuilder row = new StringBuilder(pad(result.file(), width));
        for (double v : values) {
            row.append(String.format(Locale.ROOT, "%" + COLUMN + "s", number(v)));
        }
        return row.toString();
    }

    /** The preview block under a file's row, indented. */
    static String tablePreview(FileMeter.Result result, List<Platform> platforms) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  %-14s%8s%8s%9s%11s  %s", "platform", "target", "gain", "result",
                "true peak", "limiter")).append(nl);
        for (Platform p : platforms) {
            Platform.Preview v = previewOf(p, result.readings());
            if (v == null) {
                b.append(String.format(Locale.ROOT, "  %-14s%8s%8s%9s%11s  %s", p.id(), number(p.targetLufs()),
                        "-", "-", "-", "no loudness to normalise")).append(nl);
                continue;
            }
            String limiter = v.limiter() ? "engages" : v.clips() ? "none; would clip" : "-";
            b.append(String.format(Locale.ROOT, "  %-14s%8s%8s%9s%11s  %s", p.id(), number(p.targetLufs()),
                    signed(v.gainDb()), number(v.resultLufs()), number(v.truePeakDbtp()), limiter)).append(nl);
        }
        return b.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
    }

    /** With its sign, except a gain that rounds to zero, which is shown as plain 0.0. */
    private static String signed(double v) {
        return Math.round(v * 10) == 0 ? "0.0" : String.format(Locale.ROOT, "%+.1f", v);
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", s);
    }
}
