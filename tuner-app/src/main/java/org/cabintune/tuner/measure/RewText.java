package org.cabintune.tuner.measure;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Room EQ Wizard's text export of a measurement: header lines starting with {@code *}, the
 * column line {@code * Freq(Hz) SPL(dB) Phase(degrees)}, then one line per frequency. The
 * reader takes REW's own exports and similar files (FRD): any {@code *} lines, data separated by
 * spaces, tabs, commas or semicolons, two columns (no phase) or three; a {@code delay X ms}
 * in a header line (REW writes it in its {@code Note:} line) is picked up.
 */
public final class RewText {

    /** The column line. */
    public static final String COLUMNS = "* Freq(Hz) SPL(dB) Phase(degrees)";

    private static final Pattern DELAY = Pattern.compile("(?i)\\bdelay\\s*:?\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*ms");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private RewText() {
    }

    /**
     * A measurement read from text.
     *
     * @param header       the header lines without their leading {@code *} and spaces
     * @param response     the data (phase NaN when the file has two columns; group delay NaN)
     * @param delaySeconds the delay named in the header, or NaN
     */
    public record Imported(List<String> header, FrequencyResponse response, double delaySeconds) {
    }

    /** Writes header lines (each prefixed with {@code * }), the column line and the data, replacing {@code out} when complete. */
    public static void write(Path out, List<String> header, FrequencyResponse r) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".measurement", ".txt");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                for (String line : header) {
                    w.write(line.isEmpty() ? "*" : "* " + line);
                    w.newLine();
                }
                w.write(COLUMNS);
                w.newLine();
                for (int i = 0; i < r.size(); i++) {
                    double phase = r.phaseDegrees()[i];
                    w.write(String.format(Locale.ROOT, "%.6f %.3f %.4f", r.hz()[i], r.db()[i], Double.isNaN(phase) ? 0 : phase));
                    w.newLine();
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The lines of a text file in any 8-bit encoding; a missing file is a {@link MeasurementException}. */
    static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new MeasurementException(file + ": no such file");
        }
    }

    /** Reads a REW text export (or FRD-like file); errors name the file and line. */
    public static Imported read(Path file) throws IOException {
        List<String> lines = lines(file);
        List<String> header = new ArrayList<>();
        double delay = Double.NaN;
        double[] hz = new double[lines.size()];
        double[] db = new double[lines.size()];
        double[] phase = new double[lines.size()];
        int count = 0;
        boolean hasPhase = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("*")) {
                String text = line.substring(1).strip();
                header.add(text);
                Matcher m = DELAY.matcher(text);
                if (Double.isNaN(delay) && m.find()) {
                    delay = Double.parseDouble(m.group(1)) / 1000;
                }
                continue;
            }
            String[] parts = SEPARATORS.split(line);
            if (parts.length < 2) {
                throw new MeasurementException(file + ":" + (i + 1) + ": expected 'frequency level [phase]', got '" + line + "'");
            }
            try {
                hz[count] = Double.parseDouble(parts[0]);
                db[count] = Double.parseDouble(parts[1]);
                phase[count] = parts.length >= 3 ? Double.parseDouble(parts[2]) : Double.NaN;
            } catch (NumberFormatException e) {
                if (count == 0) {
                    // A column heading without '*' before the data (FRD files from some tools).
                    header.add(line);
                    continue;
                }
                throw new MeasurementException(file + ":" + (i + 1) + ": not a number in '" + line + "'");
            }
            hasPhase &= parts.length >= 3;
            if (count > 0 && !(hz[count] > hz[count - 1])) {
                throw new MeasurementException(file + ":" + (i + 1) + ": frequency " + parts[0]
                        + " Hz does not rise above the previous line's " + hz[count - 1] + " Hz");
            }
            count++;
        }
        if (count < 2) {
            throw new MeasurementException(file + ": no measurement data (need at least two 'frequency level' lines)");
        }
        double[] p = Arrays.copyOf(phase, count);
        if (!hasPhase) {
            Arrays.fill(p, Double.NaN);
        }
        double[] gd = new double[count];
        Arrays.fill(gd, Double.NaN);
        return new Imported(List.copyOf(header),
                new FrequencyResponse(Arrays.copyOf(hz, count), Arrays.copyOf(db, count), p, gd), delay);
    }
}
