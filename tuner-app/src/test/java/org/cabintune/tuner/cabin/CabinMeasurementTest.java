package org.cabintune.tuner.cabin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.measure.Distortion;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.Smoothing;
import org.cabintune.tuner.measure.SweepAnalyzer;
import org.cabintune.tuner.measure.TimingMarkers;
import org.cabintune.tuner.measure.Transfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The measurement judged against the virtual cabin's truth: level, arrival time, polarity and
 * distortion, with road noise, clock drift and an unknown start.
 */
class CabinMeasurementTest {

    private static final int RATE = 48_000;
    private static final String REFERENCE = "front-left-tweeter";
    private static final String SUBWOOFER = "subwoofer";

    static CabinSpec cabin(String name) throws IOException {
        return CabinReader.read(Path.of("..", "calibration", "cabins", name + ".yaml"));
    }

    /** The truth of speakers playing together, as a transfer on the measurement's grid. */
    private static Transfer truth(VirtualCabin car, List<String> speakers, Transfer grid) {
        Transfer sum = null;
        for (String s : speakers) {
            Transfer t = car.transfer(s, "driver", "center", grid.binHz(), grid.bins());
            sum = sum == null ? t : sum.plus(t);
        }
        return sum;
    }

    /** A transfer times a gain. */
    private static Transfer times(Transfer t, double gain) {
        double[] g = new double[t.bins()];
        java.util.Arrays.fill(g, gain);
        return t.scaled(g);
    }

    @Test
    void levelIsWithinAQuarterDecibelOfTruthAt40DbSnrWith100PpmDriftAndAnUnknownStart() throws IOException {
        VirtualCabin car = new VirtualCabin(cabin("sedan"), RATE);
        SweepSpec spec = SweepSpec.defaults(RATE);
        double[][] stimulus = new SweepGenerator(spec).render();
        // A full-range path: the sweep on sub, rear coaxial and tweeter together.
        List<String> speakers = List.of("subwoofer", "rear-left-coaxial", REFERENCE);
        List<VirtualCabin.Route> routing = new ArrayList<>();
        routing.add(new VirtualCabin.Route(REFERENCE, 0));
        for (String s : speakers) {
            routing.add(new VirtualCabin.Route(s, 1));
        }
        double signalDb = car.sweepDbfs(spec, stimulus, routing, "driver", "center", 100.0);
        double[] recording = car.play(stimulus, routing, "driver", "center",
                new VirtualCabin.PlayOptions(signalDb - 40, 100.0, 0.3713, 5));

        Measurement m = new SweepAnalyzer(spec).analyze(recording);
        assertEquals(100, m.driftPpm(), 0.5, "drift");
        double[] hz = LogGrid.of(20, 20_000, 24);
        Smoothing smoothing = Smoothing.parse("1/24");
        FrequencyResponse measured = m.response(hz, smoothing);
        FrequencyResponse expected = truth(car, speakers, m.transfer()).respond(hz, smoothing, 0, m.driveDbfs());
        double worst = 0;
        double worstHz = 0;
        for (int i = 0; i < hz.length; i++) {
            double error = Math.abs(measured.db()[i] - expected.db()[i]);
            if (error > worst) {
                worst = error;
                worstHz = hz[i];
            }
        }
        assertTrue(worst <= 0.25, "largest level error " + worst + " dB at " + worstHz + " Hz");
    }

    /**
     * Every speaker of every car with a 1 s sweep, the cabin's own road noise, its drift (100 or
     * -150 ppm) and a random start: within 10 us (measured: within 0.22 us but for the
     * subwoofers, 1.8 to 4.3 us). The subwoofer again in a quiet cabin, where only the reading
     * itself could go wrong: within 1 us (measured 0.10 to 0.33 us). The cabins' road noise is
     * 41 to 46 dB below the subwoofer's sweep, milder than the acceptance condition below.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hatchback", "sedan", "suv"})
    void arrivalIsWithinTenMicrosecondsAndPolarityIsRightForEverySpeaker(String name) throws IOException {
        CabinSpec spec = cabin(name);
        Timing timing = new Timing(new VirtualCabin(spec, RATE), new SweepSpec(RATE, 10, 22_800, 1, -12, true));
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        long seed = 11;
        for (CabinSpec.Speaker s : spec.speakers()) {
            ok &= timing.check(s.name(), null, "cabin noise", 10e-6, seed++, report);
            if (s.role().equals("subwoofer")) {
                ok &= timing.check(s.name(), -110.0, "quiet", 1e-6, seed++, report);
            }
        }
        assertTrue(ok, name + ":" + report);
    }

    /**
     * The acceptance condition for the speaker whose arrival is hardest to read: the
     * subwoofer, with the car's road noise raised to 40 dB below the sweep's RMS at the
     * microphone, the car's drift and a random start, through the default stimulus (3 s sweep).
     * Within 10 us (measured 3.1 to 7.8 us; over 24 recordings per car 69 of 72 were, the largest
     * 12.3 us off: see docs/measurement.md).
     */
    @ParameterizedTest
    @ValueSource(strings = {"hatchback", "sedan", "suv"})
    void subwooferArrivalIsWithinTenMicrosecondsAt40DbSnr(String name) throws IOException {
        Timing timing = new Timing(new VirtualCabin(cabin(name), RATE), SweepSpec.defaults(RATE));
        double noiseDbfs = timing.car.sweepDbfs(timing.sweep, timing.stimulus, timing.routing(SUBWOOFER), "driver",
                "center", null) - 40;
        StringBuilder report = new StringBuilder();
        assertTrue(timing.check(SUBWOOFER, noiseDbfs, "40 dB SNR", 10e-6, 41, report), name + ":" + report);
    }

    /** One car measured with one stimulus, each speaker against the timing reference. */
    private static final class Timing {

        final VirtualCabin car;
        final SweepSpec sweep;
        final double[][] stimulus;
        private final SweepAnalyzer analyzer;
        /** When the timing reference's marker arrives, s after the head unit plays it. */
        private final double reference;

        Timing(VirtualCabin car, SweepSpec sweep) {
            this.car = car;
            this.sweep = sweep;
            SweepGenerator generator = new SweepGenerator(sweep);
            this.stimulus = generator.render();
            this.analyzer = new SweepAnalyzer(sweep);
            this.reference = TimingMarkers.referenceOf(car.impulse(REFERENCE, "driver", "center"), generator.marker())
                    / RATE;
        }

        /** The markers on the timing reference, the sweep on {@code speaker}. */
        List<VirtualCabin.Route> routing(String speaker) {
            return List.of(new VirtualCabin.Route(REFERENCE, 0), new VirtualCabin.Route(speaker, 1));
        }

        /** Measures a speaker (road noise at {@code noise} dBFS, or the car's own if null) and reports whether arrival and polarity are right. */
        boolean check(String speaker, Double noise, String condition, double tolerance, long seed, StringBuilder report) {
            double[] recording = car.play(stimulus, routing(speaker), "driver", "center",
                    new VirtualCabin.PlayOptions(noise, null, null, seed));
            Measurement m = analyzer.analyze(recording);
            double expected = car.arrivalSeconds(speaker, "driver", "center") - reference;
            double error = m.arrivalSeconds() - expected;
            int polarity = car.polarity(speaker);
            boolean good = Math.abs(error) <= tolerance && m.polarity() == polarity;
            report.append(String.format(java.util.Locale.ROOT, "%n%-22s %-11s arrival %.2f us (truth %.2f us, error"
                            + " %.2f us, allowed %.0f us), polarity %d (truth %d)%s", speaker, condition,
                    m.arrivalSeconds() * 1e6, expected * 1e6, error * 1e6, tolerance * 1e6, m.polarity(), polarity,
                    good ? "" : "  <-- wrong"));
            return good;
        }
    }

    @Test
    void harmonicDistortionOfAKnownPolynomialIsWithinOneDecibelOfTruth() throws IOException {
        VirtualCabin car = new VirtualCabin(cabin("sedan"), RATE);
        String woofer = "front-left-midwoofer";
        SweepSpec spec = new SweepSpec(RATE, 10, 22_800, 3, -6, true);
        double[][] stimulus = new SweepGenerator(spec).render();
        List<VirtualCabin.Route> routing = List.of(new VirtualCabin.Route(REFERENCE, 0),
                new VirtualCabin.Route(woofer, 1));
        double[] recording = car.play(stimulus, routing, "driver", "center", VirtualCabin.PlayOptions.seeded(3));
        SweepAnalyzer analyzer = new SweepAnalyzer(spec);
        Measurement m = analyzer.analyze(recording);
        double[] hz = LogGrid.of(100, 2_000, 12);
        Smoothing smoothing = Smoothing.parse("1/6");
        Distortion measured = m.distortion(hz, smoothing);
        double a = spec.amplitude();
        double[] c = car.harmonicAmplitudes(woofer, a, analyzer.maxHarmonic());
        Transfer linear = truth(car, List.of(woofer), m.transfer());
        Transfer[] truth = new Transfer[analyzer.maxHarmonic()];
        for (int k = 0; k < truth.length; k++) {
            truth[k] = times(linear, c[k] / a);
        }
        Distortion expected = Distortion.of(truth, hz, smoothing, spec.endHz());
        StringBuilder table = new StringBuilder();
        double worst = 0;
        for (int i = 0; i < hz.length; i++) {
            worst = Math.max(worst, Math.abs(expected.thdDb()[i] - measured.thdDb()[i]));
            table.append(String.format(java.util.Locale.ROOT, "%n%8.1f Hz: THD %.2f dB (truth %.2f dB)", hz[i],
                    measured.thdDb()[i], expected.thdDb()[i]));
        }
        assertTrue(worst <= 1.0, "largest THD error " + worst + " dB:" + table);
        // The polynomial makes real distortion: about -34 dB of second harmonic at this level.
        assertTrue(expected.thdDb()[hz.length / 2] > -45, "truth THD " + expected.thdDb()[hz.length / 2]);
    }
}
