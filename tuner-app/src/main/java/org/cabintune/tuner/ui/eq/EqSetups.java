package org.cabintune.tuner.ui.eq;

import java.util.List;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.tuner.correct.EqExport;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.Smoothing;
import org.cabintune.tuner.ui.CalibrationFolder;
import org.cabintune.tuner.ui.plot.PlotKind;
import org.cabintune.tuner.ui.plot.Trace;

/** Editors over what is open: a calibration's output with its profile, or any measured trace on its own. */
public final class EqSetups {

    /** Detail an analysed recording is read with (the fit smooths it further itself). */
    static final Smoothing RECORDING_SMOOTHING = Smoothing.parse("1/24");
    /** The rate a profile of its own runs at. */
    public static final int DEFAULT_RATE = 48_000;

    private EqSetups() {
    }

    /** An editor over output {@code name} of a calibration: its before curve, its crossover, its EQ, its profile. */
    public static EqEditorModel calibration(CalibrationFolder folder, String name, HouseCurve target) {
        CalibrationFolder.OutputCurves c = folder.output(name);
        Output output = c.output();
        List<FilterSpec> fixed = EqExport.fixedFilters(output);
        List<FilterSpec> eq = output.filters().stream().filter(f -> !fixed.contains(f)).toList();
        FrequencyResponse before = c.before();
        int rate = folder.profile().sampleRate();
        double[] band = band(before.hz(), fixed, rate);
        return new EqEditorModel(new EqEditorModel.Setup(name, rate, before.hz(), before.db(), target.on(before.hz()),
                band[0], band[1], fixed, folder.profile(), name), eq);
    }

    /** An editor over a measured trace, with no filters yet and a profile of its own at {@code rate}. */
    public static EqEditorModel trace(Trace trace, HouseCurve target, int rate) {
        FrequencyResponse r = switch (trace) {
            case Trace.Response response -> response.response();
            case Trace.Analysed a -> a.measurement().response(grid(a.measurement()), RECORDING_SMOOTHING);
            case Trace.Target t -> throw new IllegalArgumentException(trace.name() + " is a target, not a measurement to correct");
        };
        double[] band = band(r.hz(), List.of(), rate);
        return new EqEditorModel(new EqEditorModel.Setup(trace.name(), rate, r.hz(), r.db(), target.on(r.hz()), band[0],
                band[1], List.of(), null, EqEditorModel.DEFAULT_OUTPUT), List.of());
    }

    private static double[] grid(Measurement m) {
        double[] full = m.fullLevelBand();
        return LogGrid.of(Math.max(PlotKind.LOW_HZ, full[0]), Math.min(PlotKind.HIGH_HZ, full[1]), LogGrid.DEFAULT_POINTS_PER_OCTAVE);
    }

    /**
     * The band the prediction is judged in: the audible band within the measurement and below
     * 0.49 of the rate, narrowed to the crossover's high-pass and low-pass corners.
     */
    static double[] band(double[] hz, List<FilterSpec> fixed, int rate) {
        double low = Math.max(PlotKind.LOW_HZ, hz[0]);
        double high = Math.min(Math.min(PlotKind.HIGH_HZ, hz[hz.length - 1]), 0.49 * rate);
        for (FilterSpec f : fixed) {
            if (f instanceof FilterSpec.HighPass h && h.freqHz() > low && h.freqHz() < high) {
                low = h.freqHz();
            }
            if (f instanceof FilterSpec.LowPass l && l.freqHz() < high && l.freqHz() > low) {
                high = l.freqHz();
            }
        }
        return new double[] {low, high};
    }
}
