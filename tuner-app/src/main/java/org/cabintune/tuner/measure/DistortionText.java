package org.cabintune.tuner.measure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@link Distortion} as text: {@code *} header lines, then Freq(Hz), H2(dB) .. Hn(dB), THD(dB), THD(%). */
final class DistortionText {

    private DistortionText() {
    }

    static void write(Path out, Distortion d, List<String> header) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            for (String line : header) {
                w.write(line.isEmpty() ? "*" : "* " + line);
                w.newLine();
            }
            w.write("* Harmonic levels relative to the fundamental; 'nan' where the harmonic lies above the sweep");
            w.newLine();
            StringBuilder columns = new StringBuilder("* Freq(Hz)");
            for (int k = 2; k <= d.maxHarmonic(); k++) {
                columns.append(" H").append(k).append("(dB)");
            }
            w.write(columns.append(" THD(dB) THD(%)").toString());
            w.newLine();
            for (int i = 0; i < d.hz().length; i++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.6f", d.hz()[i]));
                for (double[] h : d.harmonicDb()) {
                    line.append(String.format(Locale.ROOT, " %.2f", h[i]));
                }
                line.append(String.format(Locale.ROOT, " %.2f %.4f", d.thdDb()[i], d.thdPercent(i)));
                w.write(line.toString().replace("NaN", "nan"));
                w.newLine();
            }
        }
    }
}
