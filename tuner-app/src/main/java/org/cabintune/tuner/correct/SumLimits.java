package org.cabintune.tuner.correct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.SectionDesign;
import org.cabintune.tuner.measure.LogGrid;

/**
 * The hard limits on what the EQ filters do together, from their quantised coefficients (as
 * {@link AutoEq.Result#eqDb()} has them): at most {@code maxBoostDb} from 10 Hz to 0.49 fs (a boost
 * outside the band still reaches the speaker: a tweeter's protection depends on it), at least
 * {@code maxCutDb} inside the band (outside it a deeper cut only takes away more of what the
 * crossover already hands to another speaker, so it is left free), and at most
 * {@link AutoEq#NULL_TOLERANCE_DB} at every masked frequency. They are checked on a
 * {@value #POINTS_PER_OCTAVE}-per-octave grid plus the filters' own centres, where a narrow peak
 * sums highest; between points of that grid a +6 dB peak of Q 10 falls by under 0.01 dB.
 *
 * <p>{@link #project} moves gains toward 0 until every point holds: at the point furthest past a
 * limit, the filters pushing that way all lose the same share of their gain, enough to land
 * {@value #MARGIN_DB} dB inside. Every step only shrinks gains, and gains of 0 meet every limit,
 * so the projection ends.
 */
final class SumLimits {

    static final int POINTS_PER_OCTAVE = 192;
    /** How far inside a limit a projection step aims, dB. */
    static final double MARGIN_DB = 0.01;
    private static final double LOWEST_HZ = 10;
    private static final int MAX_STEPS = 500;
    /** What 1 dB past a limit costs in the refinements that bring the fit inside the limits. */
    private static final double[] STRICT_WEIGHTS = {30, 300};
    /** Projections followed by a refinement before the last projection stands. */
    private static final int PROJECTION_ROUNDS = 3;
    static final int GUARD_POINTS_PER_OCTAVE = 6;

    private final FitData data;
    private final AutoEq.Limits limits;
    private final double[] hz;
    private final double[] phi;
    private final double[] upperDb;
    private final double[] lowerDb;

    private SumLimits(FitData data, AutoEq.Limits limits, double[] hz, double[] upperDb, double[] lowerDb) {
        this.data = data;
        this.limits = limits;
        this.hz = hz;
        this.phi = Magnitude.phi(hz, data.sampleRate());
        this.upperDb = upperDb;
        this.lowerDb = lowerDb;
    }

    /**
     * Brings the filters of {@code x} (changed in place) inside the limits: all refined under
     * steeper limit penalties (a model watching {@link #guard} as well), then, for a few rounds,
     * the exact check and {@link #project projection} followed by a refinement in which every
     * filter the projection touched may not regain gain; the last projection stands.
     */
    void enforce(EqFit model, double[] x) {
        for (double weight : STRICT_WEIGHTS) {
            model.limitWeight(weight);
            AutoEq.refine(model, x, AutoEq.JOINT_ITERATIONS);
        }
        for (int round = 0; ; round++) {
            boolean[] moved = project(model, x);
            boolean any = false;
            double[] lo = model.lower();
            double[] hi = model.upper();
            for (int k = 0; k < moved.length; k++) {
                if (moved[k]) {
                    any = true;
                    double gain = x[2 + 3 * k];
                    if (gain >= 0) {
                        hi[2 + 3 * k] = gain;
                    } else {
                        lo[2 + 3 * k] = gain;
                    }
                }
            }
            if (!any || round == PROJECTION_ROUNDS) {
                return;
            }
            boolean[] free = new boolean[x.length];
            Arrays.fill(free, true);
            LeastSquares.minimise(model, x, lo, hi, free, AutoEq.JOINT_ITERATIONS);
        }
    }

    /**
     * Where the limits are watched besides the fit grid: every {@value #GUARD_POINTS_PER_OCTAVE}th
     * of an octave from 10 Hz to 0.49 fs outside the band (there every filter's response is
     * monotone, so a coarse grid does), and halfway between the fit grid's points inside it.
     */
    static double[] guard(FitData data) {
        List<Double> out = new ArrayList<>();
        for (double f : LogGrid.of(LOWEST_HZ, 0.49 * data.sampleRate(), GUARD_POINTS_PER_OCTAVE)) {
            if (f < data.lowHz() || f > data.highHz()) {
                out.add(f);
            }
        }
        double[] fit = data.fitHz();
        for (int j = 0; j + 1 < fit.length; j++) {
            out.add(Math.sqrt(fit[j] * fit[j + 1]));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The limits for a fit: the check grid across 10 Hz .. 0.49 fs and the masked frequencies. */
    static SumLimits of(FitData data, AutoEq.Limits limits) {
        double[] grid = checkGrid(data.sampleRate());
        int masked = 0;
        for (boolean b : data.nullMask()) {
            masked += b ? 1 : 0;
        }
        double[] hz = Arrays.copyOf(grid, grid.length + masked);
        double[] upper = new double[hz.length];
        double[] lower = new double[hz.length];
        for (int i = 0; i < grid.length; i++) {
            upper[i] = limits.maxBoostDb();
            lower[i] = hz[i] >= data.lowHz() && hz[i] <= data.highHz() ? limits.maxCutDb() : Double.NEGATIVE_INFINITY;
        }
        int at = grid.length;
        for (int i = 0; i < data.hz().length; i++) {
            if (data.nullMask()[i]) {
                hz[at] = data.hz()[i];
                upper[at] = AutoEq.NULL_TOLERANCE_DB;
                lower[at] = limits.maxCutDb();
                at++;
            }
        }
        return new SumLimits(data, limits, hz, upper, lower);
    }

    /** 10 Hz .. 0.49 fs at {@value #POINTS_PER_OCTAVE} per octave, both ends included. */
    static double[] checkGrid(double sampleRate) {
        double top = 0.49 * sampleRate;
        double[] grid = LogGrid.of(LOWEST_HZ, top, POINTS_PER_OCTAVE);
        if (grid[grid.length - 1] < top) {
            grid = Arrays.copyOf(grid, grid.length + 1);
            grid[grid.length - 1] = top;
        }
        return grid;
    }

    /**
     * Takes gain out of the filters of {@code x} (changed in place) until their sum keeps every
     * limit; returns which filters lost gain.
     */
    boolean[] project(EqFit model, double[] x) {
        int filters = model.size();
        boolean[] moved = new boolean[filters];
        double[][] contribution = new double[filters][hz.length + filters];
        double[] at = Arrays.copyOf(phi, hz.length + filters);
        double[] sum = new double[at.length];
        for (int step = 0; step < MAX_STEPS; step++) {
            List<FilterSpec> specs = model.specs(x);
            for (int k = 0; k < filters; k++) {
                double s = Math.sin(Math.PI * centre(specs.get(k)) / data.sampleRate());
                at[hz.length + k] = 4 * s * s;
            }
            Arrays.fill(sum, 0);
            for (int k = 0; k < filters; k++) {
                BiquadCoefficients c = SectionDesign.quantize(List.of(specs.get(k)), data.sampleRate()).getFirst()
                        .realized();
                Magnitude.db(c, at, contribution[k]);
                for (int i = 0; i < at.length; i++) {
                    sum[i] += contribution[k][i];
                }
            }
            int worst = -1;
            double worstExcess = 0;
            int sign = 0;
            for (int i = 0; i < at.length; i++) {
                double over = sum[i] - upper(i);
                double under = lower(i) - sum[i];
                if (over > worstExcess) {
                    worst = i;
                    worstExcess = over;
                    sign = 1;
                }
                if (under > worstExcess) {
                    worst = i;
                    worstExcess = under;
                    sign = -1;
                }
            }
            if (worst < 0) {
                return moved;
            }
            double pushing = 0;
            for (int k = 0; k < filters; k++) {
                pushing += Math.max(0, sign * contribution[k][worst]);
            }
            // A filter's gain in dB at a point scales about linearly with its gain in dB.
            double keep = Math.max(0, 1 - (worstExcess + MARGIN_DB) / pushing);
            for (int k = 0; k < filters; k++) {
                if (sign * contribution[k][worst] > 0) {
                    x[2 + 3 * k] *= keep;
                    moved[k] = true;
                }
            }
        }
        // Not reached in practice: the steps above shrink every pushing gain geometrically.
        for (int k = 0; k < filters; k++) {
            x[2 + 3 * k] = 0;
            moved[k] = true;
        }
        return moved;
    }

    /** The limit above at check point {@code i}; past the grid, at the filters' centres, which lie in the band. */
    private double upper(int i) {
        return i < hz.length ? upperDb[i] : limits.maxBoostDb();
    }

    private double lower(int i) {
        return i < hz.length ? lowerDb[i] : limits.maxCutDb();
    }

    /** A peaking or shelving filter's centre or corner frequency. */
    static double centre(FilterSpec f) {
        return switch (f) {
            case FilterSpec.Peaking p -> p.freqHz();
            case FilterSpec.LowShelf s -> s.freqHz();
            case FilterSpec.HighShelf s -> s.freqHz();
            default -> throw new IllegalArgumentException("the fit places only peaking and shelving filters, not " + f);
        };
    }
}
