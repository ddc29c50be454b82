package org.cabintune.tuner.ui.eq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.tuner.correct.AutoEq;
import org.cabintune.tuner.correct.EqExport;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.design.Realized;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.ui.CalibrationFolder;
import org.cabintune.tuner.ui.GuiFixtures;
import org.cabintune.tuner.ui.plot.Role;
import org.cabintune.tuner.ui.plot.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EqEditorModelTest {

    private static final FilterSpec HIGHPASS = new FilterSpec.HighPass(60,
            new FilterSpec.Slope.Aligned(4, FilterSpec.Align.LINKWITZ_RILEY));

    /** A measurement with a +6 dB, Q 4 resonance at 1 kHz on a flat -30 dB. */
    private static EqEditorModel resonance(List<FilterSpec> eq) {
        double[] hz = LogGrid.of(20, 20_000, 48);
        double[] db = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            double x = Math.log(hz[i] / 1000) / Math.log(2) * 4;
            db[i] = -30 + 6 * Math.exp(-x * x);
        }
        return new EqEditorModel(new EqEditorModel.Setup("test", 48_000, hz, db, new double[hz.length], 100, 16_000,
                List.of(HIGHPASS), null, "test-output"), eq);
    }

    @Test
    void predictionIsTheMeasurementThroughTheExactQuantisedFilters() {
        EqBand cut = new EqBand(EqBand.Kind.PEAKING, 1000, -6, 4);
        EqEditorModel model = resonance(List.of(cut.spec()));
        AutoEq.Result r = model.prediction();
        Realized chain = Realized.of(List.of(HIGHPASS, cut.spec()), 0, 0, false, 48_000);
        for (int i = 0; i < r.hz().length; i++) {
            // The measurement as the fit sees it: smoothed at 1/6 octave, which rounds the resonance a little.
            assertEquals(model.setup().measuredDb()[i], r.averageDb()[i], 0.3, "at " + r.hz()[i] + " Hz");
            assertEquals(r.averageDb()[i] + chain.filterDb(r.hz()[i]), r.predictedDb()[i], 1e-6, "at " + r.hz()[i] + " Hz");
        }
        assertTrue(r.residualRmsDb() < 1, "the cut takes the resonance out: residual " + r.residualRmsDb() + " dB");
    }

    @Test
    void refusesWhatTheHeadUnitRefusesAndKeepsTheFilters() {
        EqEditorModel model = resonance(List.of(new EqBand(EqBand.Kind.PEAKING, 1000, -3, 2).spec()));
        List<EqBand> before = model.bands();
        IllegalArgumentException nyquist = assertThrows(IllegalArgumentException.class, () -> model.move(0, 30_000, -3));
        assertTrue(nyquist.getMessage().startsWith("EQ filter 1: freqHz = 30000 is above Nyquist 24000"), nyquist.getMessage());
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class, () -> model.scaleQ(0, 50));
        assertEquals("EQ filter 1: q = 100 is outside 0.1..20", q.getMessage());
        IllegalArgumentException gain = assertThrows(IllegalArgumentException.class, () -> model.move(0, 1000, 24));
        assertEquals("EQ filter 1: gainDb = 24 is outside -30..18", gain.getMessage());
        assertEquals(before, model.bands());
        assertThrows(IllegalArgumentException.class, () -> model.remove(3));
    }

    @Test
    void addMoveAndDeleteTellTheListeners() {
        EqEditorModel model = resonance(List.of());
        int[] changes = {0};
        model.onChange(() -> changes[0]++);
        EqBand suggested = model.suggestion();
        assertEquals(1000, suggested.freqHz(), 30, "the largest miss is the resonance");
        AutoEq.Result r = model.prediction();
        int at = java.util.Arrays.binarySearch(r.hz(), suggested.freqHz());
        at = at >= 0 ? at : -at - 2;
        double miss = r.predictedDb()[at] + r.levelOffsetDb() - model.setup().targetDb()[at];
        assertTrue(miss > 5, "the resonance stands " + miss + " dB above the target");
        assertEquals(-miss / 2, suggested.gainDb(), 0.11, "half the miss, as a cut");
        model.add(suggested);
        model.move(0, 990, -5.5);
        assertEquals(new EqBand(EqBand.Kind.PEAKING, 990, -5.5, suggested.q()), model.bands().getFirst());
        model.scaleQ(0, 2);
        assertEquals(2 * suggested.q(), model.bands().getFirst().q(), 1e-12);
        model.remove(0);
        assertEquals(List.of(), model.bands());
        assertEquals(4, changes[0]);
    }

    @Test
    void autoEqFitsBetterThanNothingAndStopsWhenCancelled() {
        EqEditorModel model = resonance(List.of());
        double before = model.prediction().residualRmsDb();
        AutoEq.Result fit = model.autoEq(AutoEq.Limits.DEFAULT, (placed, most) -> { });
        model.replace(fit.filters());
        assertTrue(model.prediction().residualRmsDb() < before / 4, before + " -> " + model.prediction().residualRmsDb());
        assertThrows(CancellationException.class, () -> model.autoEq(AutoEq.Limits.DEFAULT, (placed, most) -> {
            throw new CancellationException("cancelled");
        }));
    }

    @Test
    void exportsAndSavesTheProfile(@TempDir Path dir) throws Exception {
        EqEditorModel model = resonance(List.of(new EqBand(EqBand.Kind.PEAKING, 1000, -6, 4).spec()));
        assertTrue(model.export(EqExport.Format.APO).contains("Filter 1: ON PK Fc 1000.0 Hz Gain -6.00 dB Q 4.000"));
        assertTrue(model.export(EqExport.Format.CAMILLADSP).contains("test_output_1:"));
        Path file = dir.resolve("eq.json");
        model.saveProfile(file);
        Output out = ProfileParser.parse(file).outputs().getFirst();
        assertEquals("test-output", out.name());
        assertEquals(List.of(HIGHPASS, new FilterSpec.Peaking(1000, 4, -6)), out.filters());
    }

    @Test
    void calibrationOutputIsEditedInItsProfile(@TempDir Path dir) throws IOException {
        CalibrationFolder folder = CalibrationFolder.read(GuiFixtures.calibration(dir));
        Output tweeter = folder.profile().outputs().getFirst();
        EqEditorModel model = EqSetups.calibration(folder, tweeter.name(), HouseCurve.read(GuiFixtures.TARGET));
        assertEquals(EqExport.fixedFilters(tweeter), model.setup().fixed());
        assertEquals(tweeter.filters().size() - model.setup().fixed().size(), model.bands().size());
        assertEquals(3500, model.setup().lowHz(), 1e-9, "the band starts at the crossover");
        model.move(0, 5000, -2);
        Profile changed = model.profile();
        assertEquals(folder.profile().outputs().get(1), changed.outputs().get(1), "the other output stays as it was");
        assertEquals(new EqBand(model.bands().getFirst().kind(), 5000, -2, model.bands().getFirst().q()).spec(),
                changed.outputs().getFirst().filters().get(model.setup().fixed().size()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.move(0, 5000, 19));
        assertTrue(e.getMessage().startsWith("EQ filter 1: gainDb = 19"), e.getMessage());
    }

    @Test
    void aTraceOfItsOwnStartsWithoutFilters() {
        double[] hz = LogGrid.of(30, 16_000, 48);
        double[] db = new double[hz.length];
        double[] nan = new double[hz.length];
        Arrays.fill(nan, Double.NaN);
        Trace trace = new Trace.Response("m", Role.MEASUREMENT, "", new FrequencyResponse(hz, db, nan, nan));
        EqEditorModel model = EqSetups.trace(trace, HouseCurve.flat(), 48_000);
        assertEquals(List.of(), model.bands());
        assertEquals(30, model.setup().lowHz(), 1e-9);
        assertEquals(hz[hz.length - 1], model.setup().highHz(), 1e-9);
        assertEquals(0, model.prediction().residualRmsDb(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> EqSetups.trace(new Trace.Target("t", HouseCurve.flat()),
                HouseCurve.flat(), 48_000));
    }
}
