package org.cabintune.tuner.correct;

/**
 * Filters that are one filter twice: the same kind, centres closer than the larger of
 * {@value #MIN_OCTAVES} octave and {@value #BANDWIDTH_SHARE} of the narrower one's bandwidth, and
 * Q within a factor of {@value #Q_RATIO}. Two copies do nothing one filter could not do except
 * add up past the per-filter gain limit, which the summed limit forbids anyway; they only cost a
 * section and make the EQ harder to read, so a fit keeps one.
 */
final class Duplicates {

    static final double MIN_OCTAVES = 1.0 / 12;
    static final double BANDWIDTH_SHARE = 1.0 / 6;
    static final double Q_RATIO = 2;

    private Duplicates() {
    }

    /** An earlier filter that filter {@code k} of {@code x} duplicates, or -1. */
    static int twinOf(EqFit model, double[] x, int k) {
        for (int a = 0; a < k; a++) {
            if (same(model, x, a, k)) {
                return a;
            }
        }
        return -1;
    }

    /** Whether filters {@code a} and {@code b} of {@code x} are one filter twice. */
    static boolean same(EqFit model, double[] x, int a, int b) {
        if (model.kinds().get(a) != model.kinds().get(b)) {
            return false;
        }
        double qa = model.q(x, a);
        double qb = model.q(x, b);
        double octaves = Math.abs(x[1 + 3 * a] - x[1 + 3 * b]) / Math.log(2);
        double narrower = bandwidthOctaves(Math.max(qa, qb));
        return octaves < Math.max(MIN_OCTAVES, BANDWIDTH_SHARE * narrower) && Math.max(qa, qb) / Math.min(qa, qb) < Q_RATIO;
    }

    /** The bandwidth in octaves of a peaking filter of quality {@code q} (the inverse of {@link Candidates#qOfOctaves}). */
    static double bandwidthOctaves(double q) {
        return 2 / Math.log(2) * asinh(1 / (2 * q));
    }

    private static double asinh(double v) {
        return Math.log(v + Math.sqrt(v * v + 1));
    }

    /**
     * Merges every pair of duplicates into one filter (centre and Q between the two, weighted by
     * their gains; the gains added, within the per-filter limits), refining all filters after each
     * merge; returns the new parameters.
     */
    static double[] merge(EqFit model, double[] x, int refineIterations) {
        for (int b = 1; b < model.size(); b++) {
            int a = twinOf(model, x, b);
            if (a < 0) {
                continue;
            }
            double wa = Math.abs(model.gain(x, a));
            double wb = Math.abs(model.gain(x, b));
            double share = wa + wb == 0 ? 0.5 : wb / (wa + wb);
            x[1 + 3 * a] += share * (x[1 + 3 * b] - x[1 + 3 * a]);
            x[3 + 3 * a] += share * (x[3 + 3 * b] - x[3 + 3 * a]);
            x[2 + 3 * a] += x[2 + 3 * b];
            model.remove(b);
            x = AutoEq.remove(x, b);
            AutoEq.refine(model, x, refineIterations);
            b = 0;
        }
        return x;
    }
}
