package org.cabintune.tuner.measure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measurement microphone's calibration file: the microphone's deviation from flat in dB
 * against frequency, which the analysis subtracts, and, in miniDSP's form, its sensitivity.
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>miniDSP UMIK-1 / UMIK-2: a first line {@code "Sens Factor =-1.234dB, SERNO: 7012345"}
 *       (UMIK-2 adds {@code AGain =18dB}), then {@code frequency dB} lines. The 0-degree file is
 *       for a microphone pointed at the speaker, the 90-degree one for a microphone pointed at
 *       the roof, which is how a car is usually measured.
 *   <li>Plain REW-style files: {@code frequency dB [phase]} lines, with optional header or
 *       comment lines starting with {@code *}, {@code #}, {@code ;} or {@code "}.
 * </ul>
 * Separators may be spaces, tabs, commas or semicolons. Between points the correction is
 * interpolated linearly in log-frequency; beyond the file's range it holds the end values.
 *
 * <p>Sensitivity: a UMIK's {@code Sens Factor} is read as the unit's offset from the model's
 * nominal sensitivity of {@value #UMIK_NOMINAL_DBFS} dBFS for 94 dB SPL at 1 kHz, so a tone
 * of 94 dB SPL reads {@code -18 + SensFactor} dBFS RMS. The user can override it with a
 * measured value.
 *
 * @param hz          frequencies of the points, rising
 * @param db          the microphone's deviation at each, dB (subtracted from measurements)
 * @param sensFactor  miniDSP's Sens Factor in dB, if the file has one
 * @param aGainDb     miniDSP UMIK-2's AGain in dB, if the file has one
 * @param serial      the serial number, or empty
 * @param source      the file it came from
 */
public record MicCalibration(double[] hz, double[] db, OptionalDouble sensFactor, OptionalDouble aGainDb, String serial,
                             String source) {

    /** Nominal UMIK sensitivity: dBFS RMS of a 94 dB SPL tone. */
    public static final double UMIK_NOMINAL_DBFS = -18;

    private static final Pattern SENS = Pattern.compile("(?i)sens\\s*factor\\s*=\\s*(-?[0-9.]+)\\s*db");
    private static final Pattern AGAIN = Pattern.compile("(?i)again\\s*=\\s*(-?[0-9.]+)\\s*db");
    private static final Pattern SERNO = Pattern.compile("(?i)serno\\s*:\\s*([A-Za-z0-9-]+)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    /** The correction in dB at f (to subtract from a measured level). */
    public double correctionDb(double f) {
        return FrequencyResponse.interpolateLog(hz, db, f);
    }

    /** dBFS RMS that 94 dB SPL reads as, if the file gives a sensitivity. */
    public OptionalDouble sensitivityDbfs() {
        return sensFactor.isPresent() ? OptionalDouble.of(UMIK_NOMINAL_DBFS + sensFactor.getAsDouble())
                : OptionalDouble.empty();
    }

    /** A response with the microphone's deviation removed. */
    public FrequencyResponse apply(FrequencyResponse r) {
        double[] out = r.db().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= correctionDb(r.hz()[i]);
        }
        return new FrequencyResponse(r.hz(), out, r.phaseDegrees(), r.groupDelaySeconds());
    }

    /**
     * A measurement with the microphone's deviation removed from its linear response, its noise
     * and its harmonics (harmonic k's bins, indexed by the fundamental, corrected at k times
     * it). The impulse response is left as recorded.
     */
    public Measurement apply(Measurement m) {
        Transfer[] harmonics = new Transfer[m.harmonics().length];
        for (int i = 0; i < harmonics.length; i++) {
            harmonics[i] = apply(m.harmonics()[i], i + 2);
        }
        return new Measurement(m.spec(), m.sampleRate(), m.impulse(), m.zeroIndex(), m.window(), apply(m.transfer(), 1),
                apply(m.noise(), 1), harmonics, m.harmonicEnergy(), m.arrivalSeconds(), m.polarity(), m.driftPpm(),
                m.timingReference());
    }

    /** A transfer divided by the microphone's response at {@code order} times each bin's frequency. */
    private Transfer apply(Transfer t, int order) {
        double[] gain = new double[t.bins()];
        for (int k = 0; k < gain.length; k++) {
            gain[k] = Math.pow(10, -correctionDb(Math.max(k, 1) * t.binHz() * order) / 20);
        }
        return t.scaled(gain);
    }

    /** Reads a calibration file; errors name the file and line. */
    public static MicCalibration read(Path file) throws IOException {
        List<String> lines = RewText.lines(file);
        OptionalDouble sens = OptionalDouble.empty();
        OptionalDouble again = OptionalDouble.empty();
        String serial = "";
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            char c = line.charAt(0);
            if (c == '*' || c == '#' || c == ';' || c == '"' || Character.isLetter(c)) {
                Matcher m = SENS.matcher(line);
                if (m.find()) {
                    sens = OptionalDouble.of(Double.parseDouble(m.group(1)));
                }
                m = AGAIN.matcher(line);
                if (m.find()) {
                    again = OptionalDouble.of(Double.parseDouble(m.group(1)));
                }
                m = SERNO.matcher(line);
                if (m.find()) {
                    serial = m.group(1);
                }
                continue;
            }
            String[] parts = SEPARATORS.split(line);
            double f;
            double d;
            try {
                f = Double.parseDouble(parts[0]);
                d = parts.length >= 2 ? Double.parseDouble(parts[1]) : Double.NaN;
            } catch (NumberFormatException e) {
                throw new MeasurementException(file + ":" + (i + 1) + ": expected 'frequency dB', got '" + line + "'");
            }
            if (!(f > 0) || Double.isNaN(d) || Math.abs(d) > 60) {
                throw new MeasurementException(file + ":" + (i + 1) + ": '" + line
                        + "' needs a positive frequency and a correction within +-60 dB");
            }
            if (!points.isEmpty() && !(f > points.get(points.size() - 1)[0])) {
                throw new MeasurementException(file + ":" + (i + 1) + ": frequency " + parts[0]
                        + " Hz does not rise above the previous line's");
            }
            points.add(new double[] {f, d});
        }
        if (points.isEmpty()) {
            throw new MeasurementException(file + ": no calibration points (lines of 'frequency dB')");
        }
        double[] hz = new double[points.size()];
        double[] db = new double[points.size()];
        for (int i = 0; i < hz.length; i++) {
            hz[i] = points.get(i)[0];
            db[i] = points.get(i)[1];
        }
        return new MicCalibration(hz, db, sens, again, serial, file.getFileName().toString());
    }

    /** One line for a file header: source, serial, sensitivity. */
    public String describe() {
        StringBuilder b = new StringBuilder("Mic calibration: ").append(source);
        if (!serial.isEmpty()) {
            b.append(", serial ").append(serial);
        }
        sensFactor.ifPresent(s -> b.append(String.format(Locale.ROOT, ", Sens Factor %.3f dB", s)));
        aGainDb.ifPresent(g -> b.append(String.format(Locale.ROOT, ", AGain %.1f dB", g)));
        return b.toString();
    }
}
