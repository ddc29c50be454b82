package org.cabintune.tuner.measure;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavFormatException;
import org.cabintune.dsp.wav.WavReader;
import org.cabintune.dsp.wav.WavWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune analyze --recording rec.wav --stimulus sweep.wav --out fr.txt}: the frequency
 * response (REW text export), impulse response, timing, noise floor and distortion of one
 * recording of a {@code cabintune sweep} stimulus.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse a recording of a 'cabintune sweep' stimulus: frequency response (REW text export),",
                "arrival time and polarity against the timing reference, clock drift, noise floor and SNR,",
                "harmonic distortion."},
        footer = {"", "Levels are dBFS RMS at the microphone for a sine at the sweep's level, or dB SPL when the",
                "microphone's sensitivity is known (--mic-sensitivity, or a miniDSP calibration file's Sens Factor).",
                "Phase is given after removing the arrival delay, which is written in the header.", "",
                "Examples:", "  cabintune analyze --recording rec.wav --stimulus sweep.wav --out fr.txt",
                "  cabintune analyze --recording rec.wav --stimulus sweep.wav --mic-cal umik1_90deg.txt \\",
                "      --smoothing 1/12 --out fr.txt --ir ir.wav --distortion thd.txt", ""})
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--recording", required = true, paramLabel = "FILE.wav",
            description = "The microphone's recording; repeat for several positions, which are averaged (--average).")
    List<Path> recordings;

    @Option(names = "--average", paramLabel = "KIND", defaultValue = "rms",
            description = "How several recordings are averaged: rms (levels aligned 200 Hz-2 kHz) or vector (default ${DEFAULT-VALUE}).")
    String average;

    @Option(names = "--fdw", paramLabel = "CYCLES",
            description = "Frequency-dependent window of this many cycles instead of the automatic window and smoothing.")
    Double fdwCycles;

    @Option(names = "--stimulus", required = true, paramLabel = "FILE.wav",
            description = "The stimulus that was played, as written by 'cabintune sweep'.")
    Path stimulus;

    @Option(names = "--out", required = true, paramLabel = "FILE.txt", description = "Where to write the response.")
    Path out;

    @Option(names = "--channel", paramLabel = "N", defaultValue = "0",
            description = "Channel of the recording that holds the microphone (default ${DEFAULT-VALUE}).")
    int channel;

    @Option(names = "--mic-cal", paramLabel = "FILE", description = "Microphone calibration (miniDSP or REW-style).")
    Path micCal;

    @Option(names = "--mic-sensitivity", paramLabel = "DBFS",
            description = "dBFS RMS that 94 dB SPL reads as (overrides a calibration file's Sens Factor).")
    Double micSensitivity;

    @Option(names = "--smoothing", paramLabel = "S", defaultValue = "1/48",
            description = "1/1 .. 1/96 octave, var, psy, erb or none (default ${DEFAULT-VALUE}).")
    String smoothing;

    @Option(names = "--ppo", paramLabel = "N", defaultValue = "48",
            description = "Output points per octave (default ${DEFAULT-VALUE}).")
    int pointsPerOctave;

    @Option(names = "--ir", paramLabel = "FILE.wav",
            description = "Also write the impulse response (32-bit float, time zero 50 ms in).")
    Path ir;

    @Option(names = "--distortion", paramLabel = "FILE.txt",
            description = "Also write harmonic distortion: Freq(Hz), H2..Hn and THD in dB re the fundamental, THD(%%).")
    Path distortion;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Smoothing smooth;
        try {
            smooth = Smoothing.parse(smoothing);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--smoothing: " + e.getMessage());
        }
        if (!average.equals("rms") && !average.equals("vector")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--average: '" + average
                    + "' is not one of rms, vector");
        }
        SweepSpec sweep = SweepFile.read(stimulus);
        MicCalibration cal = micCal != null ? MicCalibration.read(micCal) : null;
        SweepAnalyzer analyzer = new SweepAnalyzer(sweep);
        List<Measurement> all = new ArrayList<>();
        for (Path recording : recordings) {
            all.add(analyzer.analyze(readChannel(recording, channel, sweep.sampleRate())));
        }
        Measurement m = all.get(0);
        double[] band = m.fullLevelBand();
        double[] hz = LogGrid.of(Math.max(band[0], 1), Math.min(band[1], m.sampleRate() / 2), pointsPerOctave);
        double offset = 0;
        String levelNote = "Level: dBFS RMS at the microphone for a sine at the sweep's level (sensitivity unknown)";
        Double sensitivity = micSensitivity != null ? micSensitivity
                : cal != null && cal.sensitivityDbfs().isPresent() ? cal.sensitivityDbfs().getAsDouble() : null;
        if (sensitivity != null) {
            offset = 94 - sensitivity;
            levelNote = String.format(Locale.ROOT, "Level: dB SPL (94 dB SPL reads %.2f dBFS RMS)", sensitivity);
        }
        FrequencyResponse response = response(all, hz, smooth).plus(offset);
        FrequencyResponse noise = m.noiseFloor(hz, smooth).plus(offset);
        if (cal != null) {
            response = cal.apply(response);
            noise = cal.apply(noise);
        }
        SignalToNoise snr = SignalToNoise.of(response, noise);
        List<String> header = header(m, smooth, cal, levelNote, snr);
        RewText.write(out, header, response);
        if (ir != null) {
            writeImpulse(ir, m);
        }
        if (distortion != null) {
            DistortionText.write(distortion, m.distortion(hz, smooth), header);
        }
        PrintWriter o = spec.commandLine().getOut();
        for (int i = 0; i < all.size(); i++) {
            Measurement r = all.get(i);
            o.println(String.format(Locale.ROOT, "%s: arrival %.4f ms%s, polarity %s, drift %+.2f ppm",
                    recordings.get(i), r.arrivalSeconds() * 1000, r.timingReference() ? " after the timing reference" : "",
                    r.polarity() > 0 ? "normal" : "inverted", r.driftPpm()));
        }
        o.println(String.format(Locale.ROOT, "%s: %s, SNR %.1f dB (min %.1f dB at %.0f Hz)", out,
                all.size() > 1 ? average + " average of " + all.size() : "response", snr.meanDb(), snr.minDb(), snr.minHz()));
        o.flush();
        return 0;
    }

    /** One measurement's response, or the chosen average of several. */
    private FrequencyResponse response(List<Measurement> all, double[] hz, Smoothing smooth) {
        if (fdwCycles != null) {
            if (all.size() > 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--fdw takes one recording; average without it");
            }
            return FrequencyDependentWindow.respond(all.get(0), hz, fdwCycles);
        }
        if (all.size() == 1) {
            return all.get(0).response(hz, smooth);
        }
        if (average.equals("vector")) {
            List<Transfer> transfers = new ArrayList<>();
            for (Measurement r : all) {
                transfers.add(r.transfer());
            }
            Measurement first = all.get(0);
            return Averaging.vector(transfers).respond(hz, smooth, first.arrivalSeconds(), first.driveDbfs());
        }
        List<FrequencyResponse> responses = new ArrayList<>();
        for (Measurement r : all) {
            responses.add(r.response(hz, smooth));
        }
        return Averaging.rms(responses, 200, 2000);
    }

    private List<String> header(Measurement m, Smoothing smooth, MicCalibration cal, String levelNote, SignalToNoise snr) {
        SweepSpec s = m.spec();
        List<String> h = new ArrayList<>();
        h.add("Measurement data measured by CabinTune 0.1.0");
        h.add("Source: " + String.join(", ", recordings.stream().map(p -> p.getFileName().toString()).toList())
                + ", stimulus " + stimulus.getFileName());
        if (recordings.size() > 1) {
            h.add("Average: " + average + " of " + recordings.size() + " recordings (timing and noise from the first)");
        }
        h.add("Stimulus: " + SweepFile.describe(s));
        h.add(String.format(Locale.ROOT, "Format: %d Hz", s.sampleRate()));
        h.add(String.format(Locale.ROOT, "Note: delay %.6f ms (%.1f mm) %s", m.arrivalSeconds() * 1000,
                m.arrivalSeconds() * 343_000, m.timingReference() ? "after the acoustic timing reference"
                        : "after the sweep's start in the stimulus"));
        h.add(String.format(Locale.ROOT, "Delay: %.6f ms", m.arrivalSeconds() * 1000));
        h.add("Polarity: " + (m.polarity() > 0 ? "normal" : "inverted"));
        h.add(String.format(Locale.ROOT, "Clock drift: %+.3f ppm", m.driftPpm()));
        h.add(String.format(Locale.ROOT, "SNR: mean %.1f dB, min %.1f dB at %.1f Hz", snr.meanDb(), snr.minDb(), snr.minHz()));
        h.add(String.format(Locale.ROOT, "IR window: %.1f ms before the peak, %.1f ms after",
                (m.zeroIndex() + m.arrivalSeconds() * m.sampleRate() - m.window().start()) / m.sampleRate() * 1000,
                (m.window().end() - m.zeroIndex() - m.arrivalSeconds() * m.sampleRate()) / m.sampleRate() * 1000));
        if (cal != null) {
            h.add(cal.describe());
        }
        h.add(levelNote);
        h.add("Smoothing: " + (fdwCycles != null ? "frequency-dependent window, " + fdwCycles + " cycles" : smooth.label()));
        h.add("Frequency Step: 1/" + pointsPerOctave + " octave");
        h.add("");
        return h;
    }

    private static void writeImpulse(Path file, Measurement m) throws IOException {
        double[] h = m.impulse();
        int[][] q = new int[1][h.length];
        for (int i = 0; i < h.length; i++) {
            q[0][i] = Q824.fromDouble(h[i]);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WavWriter w = WavWriter.create(ch, WavFormat.ieeeFloat(m.spec().sampleRate(), 1, 32), null)) {
            w.write(q, h.length);
        }
    }

    /** One channel of a WAV file as doubles, refusing a sample rate other than the stimulus's. */
    public static double[] readChannel(Path file, int channel, int expectedRate) throws IOException {
        try (FileChannel ch = FileChannel.open(file); WavReader r = WavReader.open(ch)) {
            WavFormat f = r.format();
            if (f.sampleRate() != expectedRate) {
                throw new MeasurementException(file + " is at " + f.sampleRate() + " Hz but the stimulus at "
                        + expectedRate + " Hz; record at the stimulus's rate");
            }
            if (channel < 0 || channel >= f.channels()) {
                throw new MeasurementException("--channel " + channel + " is outside the allowed range 0 .. "
                        + (f.channels() - 1) + " for " + file);
            }
            return r.readAllDouble()[channel];
        } catch (NoSuchFileException e) {
            throw new MeasurementException(file + ": no such file");
        } catch (WavFormatException e) {
            throw new MeasurementException(file + ": " + e.getMessage());
        }
    }
}
