package org.cabintune.tuner.correct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cabintune.dsp.profile.SectionDesign;
import org.cabintune.tuner.measure.Averaging;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.LogGrid;

/**
 * What a fit works on, prepared once from a {@link AutoEq.Problem}: the level-aligned RMS average
 * of the positions smoothed as the limits say, the fixed filters' exact (quantised) response,
 * the null mask, and the same on the fit grid ({@value #FIT_POINTS_PER_OCTAVE} points per octave
 * across the band; after 1/6-octave smoothing nothing finer is left to fit, and the fit's cost
 * grows with the number of points).
 *
 * @param sampleRate rate the filters are designed at
 * @param lowHz      band start
 * @param highHz     band end
 * @param hz         the problem's frequencies
 * @param averageDb  smoothed RMS average of the positions on {@code hz}
 * @param fixedDb    the fixed filters' gain on {@code hz}
 * @param nullMask   true where a null was found (within the band)
 * @param targetDb   the target on {@code hz}
 * @param fitHz      the fit grid
 * @param fitPhi     {@code 4 sin^2(pi f / fs)} on the fit grid
 * @param fitBase    average + fixed filters on the fit grid
 * @param fitTarget  target on the fit grid
 * @param fitNull    the null mask on the fit grid
 */
record FitData(double sampleRate, double lowHz, double highHz, double[] hz, double[] averageDb, double[] fixedDb,
               boolean[] nullMask, double[] targetDb, double[] fitHz, double[] fitPhi, double[] fitBase,
               double[] fitTarget, boolean[] fitNull) {

    static final int FIT_POINTS_PER_OCTAVE = 24;

    /** Prepares a problem; {@code findNulls} false leaves the mask empty (the baseline does not look for nulls). */
    static FitData of(AutoEq.Problem p, boolean findNulls) {
        double[] hz = p.hz();
        List<FrequencyResponse> positions = new ArrayList<>();
        double[] none = new double[hz.length];
        Arrays.fill(none, Double.NaN);
        for (double[] db : p.positionsDb()) {
            positions.add(new FrequencyResponse(hz, db, none, none));
        }
        double[] raw = positions.size() == 1 ? p.positionsDb()[0].clone()
                : Averaging.rms(positions, p.lowHz(), p.highHz()).db();
        double[] average = GridSmoothing.smooth(hz, raw, p.limits().smoothing());
        double[] fixed = Magnitude.cascadeDb(SectionDesign.quantize(p.fixedFilters(), p.sampleRate()), hz, p.sampleRate());
        boolean[] mask = findNulls ? NullDetector.detect(hz, p.positionsDb(), p.positionsPhaseDeg(), raw, p.lowHz(),
                p.highHz(), p.limits().smoothing()) : new boolean[hz.length];
        double[] fitHz = LogGrid.of(p.lowHz(), p.highHz(), FIT_POINTS_PER_OCTAVE);
        double[] fitFixed = Magnitude.cascadeDb(SectionDesign.quantize(p.fixedFilters(), p.sampleRate()), fitHz,
                p.sampleRate());
        double[] fitBase = new double[fitHz.length];
        double[] fitTarget = new double[fitHz.length];
        boolean[] fitNull = new boolean[fitHz.length];
        for (int j = 0; j < fitHz.length; j++) {
            double f = fitHz[j];
            fitBase[j] = FrequencyResponse.interpolateLog(hz, average, f) + fitFixed[j];
            fitTarget[j] = FrequencyResponse.interpolateLog(hz, p.targetDb(), f);
            fitNull[j] = mask[nearest(hz, f)];
        }
        return new FitData(p.sampleRate(), p.lowHz(), p.highHz(), hz, average, fixed, mask, p.targetDb(), fitHz,
                Magnitude.phi(fitHz, p.sampleRate()), fitBase, fitTarget, fitNull);
    }

    /** True when {@code hz[i]} lies in the band. */
    boolean inBand(int i) {
        return hz[i] >= lowHz && hz[i] <= highHz;
    }

    /** The index of the frequency nearest to {@code f} on a log scale. */
    static int nearest(double[] hz, double f) {
        int k = GridSmoothing.segment(hz, f);
        if (k + 1 < hz.length && Math.abs(Math.log(hz[k + 1] / f)) < Math.abs(Math.log(hz[k] / f))) {
            return k + 1;
        }
        return k;
    }
}
