package org.cabintune.tuner.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cabintune.dsp.Q824;
import org.cabintune.tuner.measure.MeasurementException;

/**
 * Whether the microphone hears the stimulus at a level it can measure, found before the
 * measurement starts: a short stimulus on every output at the calibration's level, heard at one
 * take's positions. Too hot and the recorder clips, which no analysis undoes; too quiet and the
 * sweep drowns in the noise.
 *
 * @param positions one result per position of the take
 */
public record LevelCheck(List<Position> positions) {

    /** The short stimulus's sweep, s: long enough for the analysis, short enough to repeat at will. */
    public static final double SWEEP_SECONDS = 1.0;
    /** A peak at or above this is at the recorder's full scale: clipped, or a hair from it. */
    public static final double CLIP_DBFS = -1.0;
    /**
     * A peak below this leaves the recorder's own noise and resolution too close (REW's advice is
     * a peak between -20 and -10 dBFS); the gain is set to bring the peak to {@link #AIM_DBFS}.
     */
    public static final double LOW_PEAK_DBFS = -40.0;
    /** Where the advice aims the peak. */
    public static final double AIM_DBFS = -15.0;
    /**
     * The least mean SNR (100 Hz - 10 kHz) of the short sweep: the measurement's own floor
     * ({@link Calibration#MIN_SNR_DB}) and 10 dB to spare, since a quiet speaker alone is heard
     * well below all of them together.
     */
    public static final double MIN_SNR_DB = Calibration.MIN_SNR_DB + 10;

    /** How a position heard the check. */
    public enum Verdict {
        OK, TOO_LOW, CLIPPING
    }

    /**
     * One position.
     *
     * @param name     the position
     * @param peakDbfs the recording's highest sample, dBFS
     * @param snrDb    the analysed sweep's mean SNR over 100 Hz - 10 kHz; NaN when nothing of it was found
     * @param verdict  what that means
     * @param problem  why nothing was found, or null
     */
    public record Position(String name, double peakDbfs, double snrDb, Verdict verdict, String problem) {
    }

    public LevelCheck {
        positions = List.copyOf(positions);
    }

    /** Judges one position's recording and its analysis ({@code problem} when the analysis failed). */
    static Position judge(String name, double[] recording, double snrDb, String problem) {
        double peak = Q824.gainToDb(peak(recording));
        Verdict verdict = peak >= CLIP_DBFS ? Verdict.CLIPPING
                : problem != null || peak < LOW_PEAK_DBFS || !(snrDb >= MIN_SNR_DB) ? Verdict.TOO_LOW : Verdict.OK;
        return new Position(name, peak, problem != null ? Double.NaN : snrDb, verdict, problem);
    }

    /** The worst verdict of all positions: clipping before too low before OK. */
    public Verdict verdict() {
        Verdict worst = Verdict.OK;
        for (Position p : positions) {
            if (p.verdict().ordinal() > worst.ordinal()) {
                worst = p.verdict();
            }
        }
        return worst;
    }

    /** What the installer should do, one sentence per position that needs something; "" when all are fine. */
    public String advice() {
        List<String> lines = new ArrayList<>();
        for (Position p : positions) {
            switch (p.verdict()) {
                case CLIPPING -> lines.add(String.format(Locale.ROOT, "%s: the microphone peaks at %.1f dBFS, at the "
                        + "recorder's full scale (clipping): turn the microphone gain down by %.0f dB or more.",
                        p.name(), p.peakDbfs(), Math.ceil(p.peakDbfs() - AIM_DBFS)));
                case TOO_LOW -> lines.add(p.problem() != null
                        ? String.format(Locale.ROOT, "%s: the stimulus was not heard (peak %s): is the microphone "
                                + "plugged in and the amplifier on? (%s)", p.name(), dbfs(p.peakDbfs()), p.problem())
                        : p.peakDbfs() < LOW_PEAK_DBFS
                        ? String.format(Locale.ROOT, "%s: the microphone peaks at only %s (%.0f dBFS or more needed): "
                                + "turn the microphone gain up by about %.0f dB.", p.name(), dbfs(p.peakDbfs()),
                                LOW_PEAK_DBFS, Math.floor(AIM_DBFS - p.peakDbfs()))
                        : String.format(Locale.ROOT, "%s: the sweep stands only %.1f dB above the noise (%.0f dB "
                                + "needed): make the car quieter (engine off, doors and windows shut) or raise the "
                                + "test level.", p.name(), p.snrDb(), MIN_SNR_DB));
                case OK -> { }
            }
        }
        return String.join("\n", lines);
    }

    /** One line for a log: each position's peak and SNR. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Position p : positions) {
            parts.add(String.format(Locale.ROOT, "%s peak %s SNR %s", p.name(), dbfs(p.peakDbfs()),
                    Double.isNaN(p.snrDb()) ? "-" : String.format(Locale.ROOT, "%.1f dB", p.snrDb())));
        }
        return String.join(", ", parts);
    }

    static String dbfs(double db) {
        return db == Double.NEGATIVE_INFINITY ? "-inf dBFS" : String.format(Locale.ROOT, "%.1f dBFS", db);
    }

    private static double peak(double[] x) {
        double peak = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }

    /** Analyses each recording alone, so one position that hears nothing does not hide the others. */
    static LevelCheck of(Measurer measurer, List<double[]> recordings, List<String> names) {
        List<Position> out = new ArrayList<>();
        for (int p = 0; p < recordings.size(); p++) {
            try {
                double snr = Calibration.snrDb(measurer.analyse(List.of(recordings.get(p)), List.of(names.get(p)),
                        "level check").getFirst());
                out.add(judge(names.get(p), recordings.get(p), snr, null));
            } catch (MeasurementException e) {
                out.add(judge(names.get(p), recordings.get(p), Double.NaN, e.getMessage()));
            }
        }
        return new LevelCheck(out);
    }
}
