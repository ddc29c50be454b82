package org.cabintune.tuner.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.ui.GuiFixtures;
import org.cabintune.tuner.ui.Loaders;
import org.cabintune.tuner.ui.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlotModelTest {

    private static Trace.Analysed midwoofer;

    /** The sedan's front-left mid-woofer (the one with a nonlinearity) measured through the virtual car with a 1 s sweep. */
    @BeforeAll
    static void measure() throws IOException {
        SweepSpec spec = new SweepSpec(48_000, 10, 22_800, 1, -12, true);
        midwoofer = (Trace.Analysed) Loaders.virtualCar(GuiFixtures.SEDAN, "front-left-midwoofer", "driver", spec,
                Progress.NONE);
    }

    /** -40 dB from 2 kHz up, -100 dB below: a tweeter's shape. */
    private static Trace.Response tweeter(String name, Role role, String output) {
        double[] hz = LogGrid.of(20, 20_000, 24);
        double[] db = new double[hz.length];
        double[] nan = new double[hz.length];
        Arrays.fill(nan, Double.NaN);
        for (int i = 0; i < hz.length; i++) {
            db[i] = hz[i] >= 2000 ? -40 : -100;
        }
        return new Trace.Response(name, role, output, new FrequencyResponse(hz, db, nan, nan.clone()));
    }

    private static Series named(List<Series> all, String label) {
        return all.stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void targetIsDrawnAtTheLevelOfTheCurveItIsComparedWithWhereThatPlays() {
        PlotModel model = new PlotModel();
        model.setTraces(List.of(tweeter("tw", Role.PREDICTED, ""), new Trace.Target("flat", HouseCurve.flat())));
        model.setSmoothing("none");
        Series target = named(model.series(), "flat");
        assertEquals(Role.TARGET, target.role());
        for (double y : target.y()) {
            assertEquals(-40, y, 1e-9, "the flat target sits on the tweeter's passband, not its stop band");
        }
    }

    @Test
    void smoothingAveragesRippleAway() {
        double[] hz = LogGrid.of(20, 20_000, 48);
        double[] db = new double[hz.length];
        double[] nan = new double[hz.length];
        Arrays.fill(nan, Double.NaN);
        for (int i = 0; i < hz.length; i++) {
            db[i] = i % 2 == 0 ? 3 : -3;
        }
        PlotModel model = new PlotModel();
        model.setTraces(List.of(new Trace.Response("ripple", Role.MEASUREMENT, "", new FrequencyResponse(hz, db, nan, nan))));
        model.setSmoothing("none");
        double raw = spread(named(model.series(), "ripple").y());
        model.setSmoothing("1/3");
        double smooth = spread(named(model.series(), "ripple").y());
        assertEquals(6, raw, 1e-9);
        assertTrue(smooth < 0.5, "1/3 octave leaves " + smooth + " dB of a 6 dB ripple every 1/48 octave");
        assertThrows(IllegalArgumentException.class, () -> model.setSmoothing("1/200"));
    }

    private static double spread(double[] y) {
        double[] inner = Arrays.copyOfRange(y, 20, y.length - 20);
        return Arrays.stream(inner).max().orElseThrow() - Arrays.stream(inner).min().orElseThrow();
    }

    @Test
    void hiddenTracesAndOtherOutputsAreLeftOut() {
        PlotModel model = new PlotModel();
        model.setTraces(List.of(tweeter("a before", Role.BEFORE, "a"), tweeter("b before", Role.BEFORE, "b"),
                tweeter("loose", Role.MEASUREMENT, "")));
        assertEquals(List.of("a", "b"), model.outputs());
        model.setOutput("a");
        assertEquals(List.of("a before", "loose"), model.series().stream().map(Series::label).toList());
        model.setHidden("loose", true);
        assertEquals(List.of("a before"), model.series().stream().map(Series::label).toList());
        model.setHidden("loose", false);
        model.setOutput("");
        List<Series> all = model.series();
        assertEquals(3, all.size());
        assertEquals(List.of(0, 1, 0), all.stream().map(Series::shade).toList(), "two lines of one role get two colours");
    }

    @Test
    void analysedRecordingDrawsEveryPlot() {
        PlotModel model = new PlotModel();
        model.setTraces(List.of(midwoofer));

        Series response = model.series().getFirst();
        assertEquals(PlotKind.LOW_HZ, response.x()[0], 1e-9);
        assertTrue(Arrays.stream(response.y()).allMatch(Double::isFinite));

        model.setKind(PlotKind.IMPULSE);
        Series impulse = model.series().getFirst();
        int peak = 0;
        for (int i = 0; i < impulse.y().length; i++) {
            peak = Math.abs(impulse.y()[i]) > Math.abs(impulse.y()[peak]) ? i : peak;
        }
        assertEquals(1, Math.abs(impulse.y()[peak]), 1e-12);
        assertEquals(-PlotModel.IMPULSE_BEFORE_MS, impulse.x()[0], 0.05);
        assertTrue(Math.abs(impulse.x()[peak]) < 2, "the peak lies near the arrival, at " + impulse.x()[peak] + " ms");

        model.setKind(PlotKind.PHASE);
        assertTrue(Arrays.stream(model.series().getFirst().y()).filter(Double::isFinite).allMatch(p -> Math.abs(p) <= 180));

        model.setKind(PlotKind.GROUP_DELAY);
        double[] gd = model.series().getFirst().y();
        double median = Arrays.stream(gd).filter(Double::isFinite).sorted().toArray()[gd.length / 2];
        assertTrue(Math.abs(median) < 5, "group delay after the arrival, median " + median + " ms");

        model.setKind(PlotKind.DISTORTION);
        List<Series> distortion = model.series();
        assertEquals(List.of(midwoofer.name() + " THD", midwoofer.name() + " H2", midwoofer.name() + " H3"),
                distortion.stream().limit(3).map(Series::label).toList());
        Series h2 = distortion.get(1);
        double at100 = h2.valueAt(100, true);
        assertTrue(at100 > -60 && at100 < -10, "the mid-woofer's 2nd harmonic at 100 Hz: " + at100 + " dB");
        String readout = model.readout(100, distortion);
        assertTrue(readout.startsWith("100 Hz") && readout.contains("H2 "), readout);
    }

    @Test
    void phaseBreaksWhereItWraps() {
        double[] p = PlotModel.wrapBreaks(new double[] {170, 178, -176, -170});
        assertTrue(Double.isNaN(p[1]));
        assertFalse(Double.isNaN(p[2]));
    }

    @Test
    void numbersReadAsAudioPeopleWriteThem() {
        assertEquals("1.25 kHz", Units.hz(1250));
        assertEquals("31.5 Hz", Units.hz(31.5));
        assertEquals("20k", Units.tick(20_000));
        assertEquals("-3.20 dB", Units.value(-3.2, "dB"));
        assertEquals("45.0\u00b0", Units.value(45, "\u00b0"));
    }
}
