package org.cabintune.tuner.correct;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cabintune.tuner.measure.FrequencyResponse;

/**
 * A target (house) curve in Room EQ Wizard's text form: one {@code frequency dB} pair a line,
 * separated by spaces, tabs or a comma; lines starting with {@code *}, {@code #} or {@code ;}
 * are comments; blank lines are skipped. Between its points the curve is linear in dB over
 * log-frequency; beyond its ends it holds the end values, as REW does.
 *
 * @param hz frequencies, rising, within {@value #MIN_HZ} .. {@value #MAX_HZ} Hz
 * @param db levels in dB at those frequencies
 */
public record HouseCurve(double[] hz, double[] db) {

    /** Lowest frequency a curve may name. */
    public static final double MIN_HZ = 1;
    /** Highest frequency a curve may name. */
    public static final double MAX_HZ = 100_000;

    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+");

    /** Checks lengths, ranges and order. */
    public HouseCurve {
        if (hz.length != db.length) {
            throw new IllegalArgumentException("house curve has " + hz.length + " frequencies but " + db.length + " levels");
        }
        if (hz.length < 2) {
            throw new IllegalArgumentException("house curve needs at least 2 points, has " + hz.length);
        }
        for (int i = 0; i < hz.length; i++) {
            if (!(hz[i] >= MIN_HZ && hz[i] <= MAX_HZ) || !Double.isFinite(db[i]) || i > 0 && !(hz[i] > hz[i - 1])) {
                throw new IllegalArgumentException("house curve point " + i + " (" + hz[i] + " Hz, " + db[i]
                        + " dB) is out of range or not above the previous frequency");
            }
        }
        hz = hz.clone();
        db = db.clone();
    }

    /** A flat curve at 0 dB. */
    public static HouseCurve flat() {
        return new HouseCurve(new double[] {MIN_HZ, MAX_HZ}, new double[] {0, 0});
    }

    /** Reads a curve file; errors name the file and line. */
    public static HouseCurve read(Path file) throws IOException {
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            throw new CorrectionException(file + ": no such file");
        }
    }

    /**
     * Parses the lines of a curve; {@code source} names it in errors ({@code source:line: ...}).
     *
     * @throws CorrectionException naming the line and what is wrong with it
     */
    public static HouseCurve parse(String source, List<String> lines) {
        double[] hz = new double[lines.size()];
        double[] db = new double[lines.size()];
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("*") || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            String[] parts = SEPARATOR.split(line);
            if (parts.length != 2) {
                throw new CorrectionException(where + "expected 'frequency dB', got '" + line + "'");
            }
            double f = number(parts[0], where, line);
            double level = number(parts[1], where, line);
            if (!(f >= MIN_HZ && f <= MAX_HZ)) {
                throw new CorrectionException(where + "frequency " + parts[0] + " Hz is outside the allowed range "
                        + (int) MIN_HZ + " .. " + (int) MAX_HZ + " Hz");
            }
            if (count > 0 && !(f > hz[count - 1])) {
                throw new CorrectionException(where + "frequency " + parts[0] + " Hz does not rise above the previous "
                        + "point's " + format(hz[count - 1]) + " Hz");
            }
            hz[count] = f;
            db[count] = level;
            count++;
        }
        if (count < 2) {
            throw new CorrectionException(source + ": a house curve needs at least 2 'frequency dB' points, found "
                    + count);
        }
        return new HouseCurve(Arrays.copyOf(hz, count), Arrays.copyOf(db, count));
    }

    private static double number(String text, String where, String line) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CorrectionException(where + "'" + text + "' is not a number in '" + line + "'");
    }

    /** The curve's level at {@code f}: linear over log-frequency, held beyond the ends. */
    public double at(double f) {
        return FrequencyResponse.interpolateLog(hz, db, f);
    }

    /** The curve's levels on a grid of frequencies. */
    public double[] on(double[] grid) {
        double[] out = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            out[i] = at(grid[i]);
        }
        return out;
    }

    /** Writes comment lines (each after {@code * }) and the points, replacing {@code out} when complete. */
    public void write(Path out, List<String> comments) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".curve", ".txt");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                for (String c : comments) {
                    w.write(c.isEmpty() ? "*" : "* " + c);
                    w.newLine();
                }
                for (String line : lines()) {
                    w.write(line);
                    w.newLine();
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The points as they would be written, for messages and tests. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < hz.length; i++) {
            out.add(format(hz[i]) + " " + String.format(Locale.ROOT, "%.2f", db[i]));
        }
        return out;
    }

    private static String format(double f) {
        return f == Math.rint(f) ? Long.toString((long) f) : String.format(Locale.ROOT, "%.3f", f);
    }
}
