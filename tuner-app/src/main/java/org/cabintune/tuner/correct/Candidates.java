package org.cabintune.tuner.correct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the next filter might go: peaks on the regions of the remaining error with the most
 * area (a run of one sign, summed over log-frequency), and the best low and high shelf by
 * projection of the error onto the shelf's shape. In a null the error may only ask for cuts.
 */
final class Candidates {

    private static final int PEAKS = 4;
    /** Shelf corners tried: every third of an octave across the band. */
    private static final int SHELF_STEP = FitData.FIT_POINTS_PER_OCTAVE / 3;

    private Candidates() {
    }

    /** A filter to try: its kind and starting parameters. */
    record Candidate(EqFit.Kind kind, double hz, double gainDb, double q) {
    }

    static List<Candidate> of(EqFit model, double[] x, AutoEq.Limits limits) {
        FitData data = model.data();
        double[] error = remainingError(model, x, data);
        List<Candidate> out = new ArrayList<>(peaks(data.fitHz(), error, limits));
        if (limits.shelves()) {
            if (!model.kinds().contains(EqFit.Kind.LOW_SHELF)) {
                shelf(model, data, error, EqFit.Kind.LOW_SHELF, limits, out);
            }
            if (!model.kinds().contains(EqFit.Kind.HIGH_SHELF)) {
                shelf(model, data, error, EqFit.Kind.HIGH_SHELF, limits, out);
            }
        }
        return out;
    }

    /** target - (average + fixed + EQ + offset) on the fit grid, never positive in a null. */
    static double[] remainingError(EqFit model, double[] x, FitData data) {
        double[] eq = model.eq(x);
        double[] e = new double[eq.length];
        for (int j = 0; j < e.length; j++) {
            e[j] = data.fitTarget()[j] - data.fitBase()[j] - eq[j] - x[0];
            if (data.fitNull()[j]) {
                e[j] = Math.min(e[j], 0);
            }
        }
        return e;
    }

    /** Peaks on the largest-area runs of one sign: centre at the run's extreme, width at half its height. */
    static List<Candidate> peaks(double[] hz, double[] e, AutoEq.Limits limits) {
        record Run(int start, int end, double area) {
        }
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int j = 1; j <= e.length; j++) {
            if (j == e.length || Math.signum(e[j]) != Math.signum(e[start])) {
                double area = 0;
                for (int k = start; k < j; k++) {
                    area += Math.abs(e[k]);
                }
                if (e[start] != 0) {
                    runs.add(new Run(start, j - 1, area));
                }
                start = j;
            }
        }
        runs.sort(Comparator.comparingDouble(Run::area).reversed());
        List<Candidate> out = new ArrayList<>();
        for (Run run : runs.subList(0, Math.min(PEAKS, runs.size()))) {
            int centre = run.start();
            for (int k = run.start(); k <= run.end(); k++) {
                if (Math.abs(e[k]) > Math.abs(e[centre])) {
                    centre = k;
                }
            }
            double half = Math.abs(e[centre]) / 2;
            int lo = centre;
            while (lo > run.start() && Math.abs(e[lo - 1]) >= half) {
                lo--;
            }
            int hi = centre;
            while (hi < run.end() && Math.abs(e[hi + 1]) >= half) {
                hi++;
            }
            double octaves = Math.max(Math.log(hz[Math.min(hi + 1, hz.length - 1)] / hz[Math.max(lo - 1, 0)]) / Math.log(2)
                    - 1.0 / FitData.FIT_POINTS_PER_OCTAVE, 1.0 / FitData.FIT_POINTS_PER_OCTAVE);
            out.add(new Candidate(EqFit.Kind.PEAK, hz[centre],
                    Math.clamp(e[centre], limits.maxCutDb(), limits.maxBoostDb()),
                    Math.clamp(qOfOctaves(octaves), limits.minQ(), limits.maxQ())));
        }
        return out;
    }

    /** The Q of a peaking filter whose half-gain points lie {@code octaves} apart. */
    static double qOfOctaves(double octaves) {
        double ratio = Math.pow(2, octaves);
        return Math.sqrt(ratio) / (ratio - 1);
    }

    /** The shelf corner whose 1 dB shape best explains the error, with its least-squares gain. */
    private static void shelf(EqFit model, FitData data, double[] e, EqFit.Kind kind, AutoEq.Limits limits,
                              List<Candidate> out) {
        double[] hz = data.fitHz();
        double[] shape = new double[hz.length];
        double bestReduction = 0;
        Candidate best = null;
        double q = Math.clamp(EqFit.SHELF_MAX_Q, limits.minQ(), limits.maxQ());
        for (int j = SHELF_STEP; j < hz.length - SHELF_STEP; j += SHELF_STEP) {
            model.response(kind, Math.log(hz[j]), 1, model.encode(hz[j], 1, q)[2], shape);
            double es = 0;
            double ss = 0;
            for (int k = 0; k < hz.length; k++) {
                es += e[k] * shape[k];
                ss += shape[k] * shape[k];
            }
            double reduction = es * es / ss;
            if (reduction > bestReduction) {
                bestReduction = reduction;
                best = new Candidate(kind, hz[j], Math.clamp(es / ss, limits.maxCutDb(), limits.maxBoostDb()), q);
            }
        }
        if (best != null) {
            out.add(best);
        }
    }
}
