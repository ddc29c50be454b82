package org.cabintune.tuner.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.dsp.testing.AcrossSampleRates;
import org.junit.jupiter.api.Test;

class SweepAnalyzerTest {

    private static final int RATE = 48_000;

    /** The stimulus through pure delays and gains: reference at {@code refDelay}, test speaker at {@code delay}. */
    private static double[] record(SweepSpec spec, int lead, int refDelay, int delay, double gain, double noise) {
        double[][] s = new SweepGenerator(spec).render();
        double[] rec = new double[lead + s[0].length + 4000];
        Random random = new Random(7);
        for (int i = 0; i < rec.length; i++) {
            rec[i] = noise * random.nextGaussian();
        }
        int ref = spec.markers() ? 0 : -1;
        int test = spec.layout().sweepChannel();
        for (int i = 0; i < s[0].length; i++) {
            if (ref >= 0) {
                rec[lead + refDelay + i] += 0.5 * s[ref][i];
            }
            rec[lead + delay + i] += gain * s[test][i];
        }
        return rec;
    }

    @AcrossSampleRates
    void pureDelayIsFlatWithTheRightArrivalAndPolarity(int rate) {
        SweepSpec spec = SweepSpec.defaults(rate);
        spec = new SweepSpec(rate, 10, spec.endHz(), 1, -12, true);
        double[] rec = record(spec, 3_333, 100, 148, -0.25, 1e-5);
        Measurement m = new SweepAnalyzer(spec).analyze(rec);
        // The reference's marker response is a pure delay too, so time zero is its 100-sample delay.
        assertEquals(48.0 / rate, m.arrivalSeconds(), 0.05 / rate);
        assertEquals(-1, m.polarity());
        assertEquals(0, m.driftPpm(), 0.05);
        double[] hz = LogGrid.of(20, 20_000, 12);
        FrequencyResponse r = m.response(hz, Smoothing.parse("1/24"));
        double expected = 20 * Math.log10(0.25) + m.driveDbfs();
        for (int i = 0; i < hz.length; i++) {
            assertEquals(expected, r.db()[i], 0.05, "at " + hz[i] + " Hz");
            // An inverted pure delay: +-180 degrees once the arrival is taken out.
            assertEquals(180, Math.abs(r.phaseDegrees()[i]), 1, "phase after the arrival at " + hz[i] + " Hz");
        }
    }

    @Test
    void frequencyDependentWindowOfAPureDelayIsFlat() {
        SweepSpec spec = new SweepSpec(RATE, 10, 22_800, 1, -12, true);
        Measurement m = new SweepAnalyzer(spec).analyze(record(spec, 500, 20, 30, 0.5, 1e-5));
        double[] hz = LogGrid.of(20, 20_000, 6);
        FrequencyResponse r = FrequencyDependentWindow.respond(m, hz, 15);
        for (int i = 0; i < hz.length; i++) {
            assertEquals(20 * Math.log10(0.5) + m.driveDbfs(), r.db()[i], 0.05, "at " + hz[i] + " Hz");
        }
    }

    @Test
    void noiseFloorFollowsTheNoiseAndSnrFallsAsItRises() {
        SweepSpec spec = new SweepSpec(RATE, 10, 22_800, 1, -12, true);
        double[] hz = LogGrid.of(50, 10_000, 3);
        Smoothing third = Smoothing.parse("1/3");
        SweepAnalyzer analyzer = new SweepAnalyzer(spec);
        Measurement quiet = analyzer.analyze(record(spec, 800, 20, 30, 0.5, 1e-4));
        Measurement loud = analyzer.analyze(record(spec, 800, 20, 30, 0.5, 2e-4));
        FrequencyResponse q = quiet.noiseFloor(hz, third);
        FrequencyResponse l = loud.noiseFloor(hz, third);
        for (int i = 0; i < hz.length; i++) {
            assertEquals(6.02, l.db()[i] - q.db()[i], 0.6, "noise floor at " + hz[i] + " Hz");
        }
        SignalToNoise sq = SignalToNoise.of(quiet.response(hz, third), q);
        SignalToNoise sl = SignalToNoise.of(loud.response(hz, third), l);
        assertEquals(6.02, sq.meanDb() - sl.meanDb(), 0.3);
        assertTrue(sq.minDb() > 30, "a 0.5 gain over 1e-4 noise with a 1 s sweep stands well clear: " + sq);
    }

    @Test
    void withoutMarkersTimeZeroIsTheSweepsPlaceInTheStimulus() {
        SweepSpec spec = new SweepSpec(RATE, 10, 22_800, 1, -12, false);
        double[] rec = record(spec, 0, 0, 240, 0.5, 1e-5);
        Measurement m = new SweepAnalyzer(spec).analyze(rec);
        assertEquals(240.0 / RATE, m.arrivalSeconds(), 0.05 / RATE);
        assertEquals(1, m.polarity());
        assertTrue(!m.timingReference());
    }

    @Test
    void aRecordingWithoutTheStimulusIsRefusedWithAReason() {
        SweepSpec spec = new SweepSpec(RATE, 10, 22_800, 1, -12, true);
        MeasurementException e = assertThrows(MeasurementException.class,
                () -> new SweepAnalyzer(spec).analyze(new double[RATE]));
        assertTrue(e.getMessage().contains("shorter than the stimulus's two timing markers"), e.getMessage());
    }
}
