package org.cabintune.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.SignalToNoise;
import org.cabintune.tuner.measure.Smoothing;
import org.cabintune.tuner.measure.SweepAnalyzer;
import org.cabintune.tuner.measure.TimingMarkers;

/**
 * How close measured arrival times come to the virtual cabins' truth, over many recordings:
 * every chosen speaker of every chosen car at the driver's seat (microphone at the head's
 * centre), the markers on the front-left tweeter, each car's own drift and a random start, in
 * three noise conditions:
 *
 * <ul>
 *   <li>{@code quiet}: noise at -110 dBFS;</li>
 *   <li>{@code snr40}: the car's road noise (its spectrum) 40 dB below the sweep's RMS at the
 *       microphone, as the level acceptance test sets it;</li>
 *   <li>{@code cabin}: the car's own road noise.</li>
 * </ul>
 *
 * For each it prints the signal-to-noise ratios (broadband: the sweep's RMS at the microphone
 * over the noise's; and {@code analyze}'s SNR, the mean over frequency of the response over its
 * noise floor at 1/48 octave, over the sweep's full-level band and over the speaker's own band),
 * then the arrival errors over the recordings: mean, RMS, largest, how many beyond 10 us, and
 * how many polarities were right.
 *
 * <pre>
 * ArrivalAccuracy [--cars hatchback,sedan,suv] [--speakers all|subwoofer|NAME,...]
 *                 [--conditions quiet,snr40,cabin] [--seconds 1] [--recordings 8]
 * </pre>
 */
public final class ArrivalAccuracy {

    private static final int RATE = 48_000;
    private static final String REFERENCE = "front-left-tweeter";
    private static final double TOLERANCE_US = 10;

    private ArrivalAccuracy() {
    }

    public static void main(String[] args) throws IOException {
        List<String> cars = List.of("hatchback", "sedan", "suv");
        String speakers = "all";
        List<String> conditions = List.of("quiet", "snr40", "cabin");
        double seconds = 1;
        int recordings = 8;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--cars" -> cars = List.of(value.split(","));
                case "--speakers" -> speakers = value;
                case "--conditions" -> conditions = List.of(value.split(","));
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--recordings" -> recordings = Integer.parseInt(value);
                default -> usage("unknown option " + args[i]);
            }
        }
        for (String c : conditions) {
            if (!List.of("quiet", "snr40", "cabin").contains(c)) {
                usage("--conditions: " + c + " is not one of quiet, snr40, cabin");
            }
        }
        if (recordings < 1 || seconds < 0.5 || seconds > 60) {
            usage("--recordings must be at least 1 and --seconds within 0.5 .. 60");
        }
        run(cars, speakers, conditions, seconds, recordings, System.out);
    }

    private static void usage(String problem) {
        System.err.println("ArrivalAccuracy: " + problem + "\nusage: ArrivalAccuracy [--cars hatchback,sedan,suv]"
                + " [--speakers all|subwoofer|NAME,...] [--conditions quiet,snr40,cabin] [--seconds S]"
                + " [--recordings N]");
        System.exit(2);
    }

    static void run(List<String> cars, String speakers, List<String> conditions, double seconds, int recordings,
                    PrintStream out) throws IOException {
        SweepSpec sweep = new SweepSpec(RATE, SweepSpec.DEFAULT_START_HZ, SweepSpec.defaultEndHz(RATE), seconds,
                SweepSpec.defaults(RATE).levelDbfs(), true);
        SweepGenerator generator = new SweepGenerator(sweep);
        double[][] stimulus = generator.render();
        SweepAnalyzer analyzer = new SweepAnalyzer(sweep);
        out.printf(Locale.ROOT, "%.1f s sweep, %d recordings per row; errors in us (measured minus true)%n",
                seconds, recordings);
        out.printf(Locale.ROOT, "%-10s %-22s %-6s %7s %8s %8s | %7s %7s %7s %5s %5s%n", "car", "speaker", "noise",
                "SNR dB", "full dB", "band dB", "mean", "rms", "max", ">10", "pol");
        for (String name : cars) {
            CabinSpec spec = CabinReader.read(RepositoryFile.locate("cabintune.cabin",
                    "calibration/cabins/" + name + ".yaml"));
            VirtualCabin car = new VirtualCabin(spec, RATE);
            double reference = TimingMarkers.referenceOf(car.impulse(REFERENCE, "driver", "center"),
                    generator.marker()) / RATE;
            int index = 0;
            for (CabinSpec.Speaker s : spec.speakers()) {
                index++;
                if (!chosen(s, speakers)) {
                    continue;
                }
                List<VirtualCabin.Route> routing = List.of(new VirtualCabin.Route(REFERENCE, 0),
                        new VirtualCabin.Route(s.name(), 1));
                double truth = car.arrivalSeconds(s.name(), "driver", "center") - reference;
                double sweepDbfs = car.sweepDbfs(sweep, stimulus, routing, "driver", "center", null);
                double[] band = band(s);
                for (String condition : conditions) {
                    double noiseDbfs = switch (condition) {
                        case "quiet" -> -110;
                        case "snr40" -> sweepDbfs - 40;
                        default -> spec.noise().levelDbfs();
                    };
                    double[] errors = new double[recordings];
                    int polarities = 0;
                    double fullSnr = 0;
                    double bandSnr = 0;
                    for (int r = 0; r < recordings; r++) {
                        double[] recording = car.play(stimulus, routing, "driver", "center",
                                new VirtualCabin.PlayOptions(noiseDbfs, null, null, 1000L * r + index));
                        Measurement m = analyzer.analyze(recording);
                        errors[r] = (m.arrivalSeconds() - truth) * 1e6;
                        polarities += m.polarity() == car.polarity(s.name()) ? 1 : 0;
                        fullSnr += snr(m, m.fullLevelBand()) / recordings;
                        bandSnr += snr(m, band) / recordings;
                    }
                    out.printf(Locale.ROOT, "%-10s %-22s %-6s %7.1f %8.1f %8.1f | %s %5d/%d%n", name, s.name(),
                            condition, sweepDbfs - noiseDbfs, fullSnr, bandSnr, summary(errors), polarities,
                            recordings);
                }
            }
        }
    }

    private static boolean chosen(CabinSpec.Speaker s, String speakers) {
        return speakers.equals("all") || Arrays.asList(speakers.split(",")).contains(s.name())
                || Arrays.asList(speakers.split(",")).contains(s.role());
    }

    /** The speaker's own band: its roll-off frequencies, within 20 Hz - 20 kHz. */
    private static double[] band(CabinSpec.Speaker s) {
        double high = s.lowpassHz() > 0 ? Math.min(s.lowpassHz(), 20_000) : 20_000;
        return new double[] {Math.max(20, s.highpassHz()), high};
    }

    /** {@code analyze}'s mean SNR (1/48 octave, 48 points per octave) over a band. */
    private static double snr(Measurement m, double[] band) {
        double[] hz = LogGrid.of(band[0], Math.min(band[1], m.sampleRate() / 2), LogGrid.DEFAULT_POINTS_PER_OCTAVE);
        Smoothing smoothing = Smoothing.parse("1/48");
        return SignalToNoise.of(m.response(hz, smoothing), m.noiseFloor(hz, smoothing)).meanDb();
    }

    /** Mean, RMS and largest magnitude of the errors, and how many exceed the tolerance. */
    private static String summary(double[] errors) {
        double sum = 0;
        double squares = 0;
        double largest = 0;
        int beyond = 0;
        for (double e : errors) {
            sum += e;
            squares += e * e;
            largest = Math.max(largest, Math.abs(e));
            beyond += Math.abs(e) > TOLERANCE_US ? 1 : 0;
        }
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%7.2f", sum / errors.length));
        parts.add(String.format(Locale.ROOT, "%7.2f", Math.sqrt(squares / errors.length)));
        parts.add(String.format(Locale.ROOT, "%7.2f", largest));
        parts.add(String.format(Locale.ROOT, "%5d", beyond));
        return String.join(" ", parts);
    }
}
