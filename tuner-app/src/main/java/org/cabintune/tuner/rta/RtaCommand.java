package org.cabintune.tuner.rta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cabintune.tuner.audio.CaptureFormats;
import org.cabintune.tuner.audio.SoundCard;
import org.cabintune.tuner.audio.SoundCardInput;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.calibrate.ExitGuard;
import org.cabintune.tuner.calibrate.LiveVirtualCar;
import org.cabintune.tuner.calibrate.MicrophoneOptions;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.MicCalibration;
import org.cabintune.tuner.measure.RewText;
import org.cabintune.tuner.unit.ConfigDir;
import org.cabintune.tuner.unit.LinkHeadUnit;
import org.cabintune.tuner.unit.LinkOptions;
import org.cabintune.tuner.unit.UnitOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune rta}: the head unit plays pink noise through chosen outputs while the tuner
 * reads the microphone and shows its fractional-octave spectrum live, averaged, until Enter (or
 * {@code --seconds}); the last reading can be written as REW text.
 */
@Command(name = "rta", mixinStandardHelpOptions = true,
        description = "Real-time analyser: pink noise from the unit, the microphone's spectrum live on the terminal.",
        footer = {"", "Pink noise has equal power in every fractional-octave band, so a flat system reads flat.",
                "Enter stops and keeps the reading (--out); Ctrl-C stops the noise and leaves without writing.", "",
                "Examples:", "  cabintune rta --mqtt ssl://car.local:8883 --credentials tuner.properties --unit car-7 \\",
                "      --mic UMIK --mic-cal umik1_90deg.txt --outputs front-left-tweeter,front-right-tweeter",
                "  cabintune rta --mqtt tcp://127.0.0.1:1883 --credentials tuner.properties --unit car-7 \\",
                "      --virtual-car calibration/cabins/sedan.yaml --dac-recording dac.wav --resolution 1/6 \\",
                "      --average linear --seconds 20 --out rta.txt", ""})
public final class RtaCommand implements Callable<Integer> {

    /** Signal skipped after the noise is asked for: the unit's start and the cabin's impulse filling up. */
    static final double SETTLE_SECONDS = 0.5;
    /** Frames the input is read in. */
    static final int BLOCK_FRAMES = 2400;

    @Mixin
    LinkOptions link;

    @Mixin
    ConfigDir config;

    @Mixin
    UnitOption unit;

    @Option(names = "--outputs", paramLabel = "LIST", split = ",",
            description = "Outputs that play the noise, by name or index (default: all).")
    List<String> outputs;

    @Option(names = "--level", paramLabel = "DBFS", defaultValue = "-20",
            description = "The noise's RMS level, dBFS (-60 .. -10; default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--bypass-correction", description = "Play the noise around the outputs' correction (default: through it).")
    boolean bypass;

    @Mixin
    MicrophoneOptions microphone;

    @Option(names = "--mic-sensitivity", paramLabel = "DBFS",
            description = "dBFS RMS that 94 dB SPL reads as (overrides the calibration file's); levels become dB SPL.")
    Double micSensitivity;

    @Option(names = "--position", paramLabel = "NAME", description = "With --virtual-car: the microphone position (default: the cabin's first).")
    String position;

    @Option(names = "--resolution", paramLabel = "1/N", defaultValue = "1/3",
            description = "Band width: 1/1, 1/3, 1/6, 1/12 or 1/24 octave (default: ${DEFAULT-VALUE}).")
    String resolution;

    @Option(names = "--average", paramLabel = "KIND", defaultValue = "exp:1",
            description = "linear, exp or exp:SECONDS (default: ${DEFAULT-VALUE}).")
    String average;

    @Option(names = "--peak-hold", description = "Show each band's highest frame level.")
    boolean peakHold;

    @Option(names = "--from", paramLabel = "HZ", defaultValue = "20", description = "Lowest band (default: ${DEFAULT-VALUE} Hz).")
    double fromHz;

    @Option(names = "--to", paramLabel = "HZ", defaultValue = "20000", description = "Highest band (default: ${DEFAULT-VALUE} Hz, below Nyquist).")
    double toHz;

    @Option(names = "--fft", paramLabel = "N", description = "FFT length (default: the shortest that resolves the lowest band).")
    Integer fftSize;

    @Option(names = "--refresh", paramLabel = "S", defaultValue = "0.25", description = "Seconds between redraws (default: ${DEFAULT-VALUE}).")
    double refreshSeconds;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop after this much signal (default: when Enter is pressed).")
    Double seconds;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20", description = "Chart rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--db-per-row", paramLabel = "DB", defaultValue = "3", description = "dB per chart row (default: ${DEFAULT-VALUE}).")
    double dbPerRow;

    @Option(names = "--width", paramLabel = "N", description = "Terminal columns (default: $COLUMNS, else 100).")
    Integer width;

    @Option(names = "--out", paramLabel = "FILE.txt", description = "Write the last reading as REW text (band middles and levels).")
    Path out;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        microphone.check(cli);
        Averaging averaging = parameter(cli, "--average", () -> Averaging.parse(average));
        int fraction = parameter(cli, "--resolution", () -> fraction(resolution));
        SoundCardInput soundCard = microphone.soundCard();
        MicCalibration cal = soundCard == null ? null : soundCard.calibration();
        Double sensitivity = micSensitivity != null ? micSensitivity
                : cal != null && cal.sensitivityDbfs().isPresent() ? cal.sensitivityDbfs().getAsDouble() : null;
        CabinSpec car = microphone.car();
        PrintWriter err = cli.getErr();
        try (LinkHeadUnit headUnit = LinkHeadUnit.open(link, unit, config)) {
            int rate = headUnit.sampleRate();
            List<Integer> playing = outputIndices(cli, headUnit.outputs());
            Bands bands = parameter(cli, "--from/--to", () -> Bands.of(fraction, fromHz, Math.min(toHz, rate / 2.0 / Math.pow(Bands.G, 0.5 / fraction))));
            int n = fftSize != null ? fftSize : RtaAnalyzer.fftSizeFor(bands, rate);
            RtaAnalyzer rta = parameter(cli, "--fft", () -> new RtaAnalyzer(rate, bands, n, averaging, cal));
            String micText;
            RtaInput input;
            if (car != null) {
                String mic = position != null ? position : car.mics().get(0).name();
                input = RtaInput.of(LiveVirtualCar.open(car, headUnit.outputs(), microphone.recording(), microphone.seat(), mic,
                        BLOCK_FRAMES, null, 1, false));
                micText = "virtual " + car.name() + ", " + microphone.seat() + " seat, position " + mic;
            } else {
                SoundCard.Opened opened = soundCard.open(rate);
                opened.choice().notes().forEach(note -> err.println("note: " + note));
                micText = "\"" + opened.capture().name() + "\" channel " + soundCard.channel() + ", "
                        + CaptureFormats.describe(opened.choice().format());
                input = RtaInput.of(opened.capture(), soundCard.channel(), BLOCK_FRAMES);
            }
            String names = String.join(", ", playing.stream().map(i -> headUnit.outputs().get(i)).toList());
            String noise = String.format(Locale.ROOT, "pink noise at %.1f dBFS RMS on %s (%s)", level, names,
                    bypass ? "correction bypassed" : "through the correction");
            Spectrum last;
            try (RtaInput in = input;
                 ExitGuard guard = ExitGuard.arm("stopping the pink noise on unit " + headUnit.id(), headUnit::stopSignal,
                         System.err)) {
                headUnit.playPink(playing, level, !bypass);
                try {
                    skip(in, SETTLE_SECONDS);
                    // Standard input is read only when Enter is what stops: with --seconds the run may
                    // have no terminal, and its input (a pipe, a parent's channel) is not ours to take.
                    AtomicBoolean enter = seconds == null ? enterPressed() : new AtomicBoolean();
                    String title = "cabintune rta: unit " + headUnit.id() + ", " + noise + "; mic " + micText
                            + (seconds == null ? "; Enter stops" : "");
                    RtaScreen screen = new RtaScreen(cli.getOut(), new BarChart(rows, dbPerRow, columns()),
                            System.console() != null && System.console().isTerminal(), peakHold, title);
                    double offset = sensitivity != null ? 94 - sensitivity : 0;
                    String unitName = sensitivity != null ? "dB SPL" : "dBFS";
                    last = RtaRun.run(in, rta, s -> screen.accept(s.offset(offset, unitName)), refreshSeconds,
                            seconds != null ? seconds : Double.POSITIVE_INFINITY, enter::get).offset(offset, unitName);
                } finally {
                    headUnit.stopSignal();
                }
            }
            if (out != null) {
                write(out, last, List.of("CabinTune RTA: unit " + headUnit.id() + ", " + noise,
                        "Microphone: " + micText + (cal != null ? "; " + cal.describe() : ""),
                        String.format(Locale.ROOT, "Bands: 1/%d octave (IEC 61260-1 base ten); FFT %d, Hann, a frame every %d"
                                + " samples", fraction, rta.fftSize(), rta.hop()),
                        String.format(Locale.ROOT, "Averaging: %s over %.1f s (%d frames)", averaging.label(), last.seconds(),
                                last.frames()),
                        sensitivity != null ? String.format(Locale.ROOT, "Level: dB SPL per band (94 dB SPL reads %.2f dBFS RMS)", sensitivity)
                                : "Level: dBFS RMS per band (full scale 1.0; sensitivity unknown)"));
                cli.getOut().println("written: " + out);
            }
        }
        return 0;
    }

    /** Writes a reading as REW text: one line per band, its middle and level. */
    static void write(Path file, Spectrum s, List<String> header) throws IOException {
        double[] phase = new double[s.db().length];
        double[] delay = new double[s.db().length];
        Arrays.fill(phase, Double.NaN);
        Arrays.fill(delay, Double.NaN);
        RewText.write(file, header, new FrequencyResponse(s.bands().centres(), s.db(), phase, delay));
    }

    /** N of {@code 1/N}. */
    static int fraction(String text) {
        String t = text.trim();
        if (t.startsWith("1/")) {
            try {
                int n = Integer.parseInt(t.substring(2));
                if (Bands.FRACTIONS.contains(n)) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // the message below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of 1/1, 1/3, 1/6, 1/12, 1/24");
    }

    private List<Integer> outputIndices(CommandLine cli, List<String> names) {
        if (outputs == null || outputs.isEmpty()) {
            return java.util.stream.IntStream.range(0, names.size()).boxed().toList();
        }
        List<Integer> out = new ArrayList<>();
        for (String o : outputs) {
            int i = names.indexOf(o.trim());
            if (i < 0 && o.trim().matches("[0-9]+")) {
                i = Integer.parseInt(o.trim());
            }
            if (i < 0 || i >= names.size()) {
                throw new CommandLine.ParameterException(cli, "--outputs: '" + o + "' is not an output of the unit: "
                        + String.join(", ", names) + " (or 0.." + (names.size() - 1) + ")");
            }
            out.add(i);
        }
        return out;
    }

    private int columns() {
        if (width != null) {
            return width;
        }
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static void skip(RtaInput in, double seconds) throws IOException {
        double[] block = new double[in.blockFrames()];
        long left = Math.round(seconds * in.sampleRate());
        while (left > 0) {
            int n = in.read(block);
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    /** Set when a line is typed at standard input; an input that ends (no terminal) never sets it. */
    private static AtomicBoolean enterPressed() {
        AtomicBoolean pressed = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
                if (r.readLine() != null) {
                    pressed.set(true);
                }
            } catch (IOException e) {
                // No input to read: only --seconds or Ctrl-C stop.
            }
        }, "cabintune-rta-enter");
        t.setDaemon(true);
        t.start();
        return pressed;
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parameter(CommandLine cli, String option, Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, option + ": " + e.getMessage());
        }
    }
}
