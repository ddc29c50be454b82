package org.cabintune.tuner.correct;

/**
 * Levenberg-Marquardt for small box-bounded least-squares problems: minimise half the sum of
 * squared residuals over parameters held inside [lo, hi]. Each step solves
 * {@code (J'J + lambda diag(J'J)) d = -J'r} (Marquardt's scaling, so parameters in Hz-octaves,
 * dB and log-Q need no common units), projects the result onto the box, and keeps it only
 * when the cost falls. A parameter sitting on a bound with the gradient pushing outward is held
 * for that step (an active-set projection), so a filter whose gain wants to go past the limit
 * does not stall the others.
 */
final class LeastSquares {

    /** What is fitted: residuals and their Jacobian at a parameter vector. */
    interface Model {
        /** Number of residuals. */
        int rows();

        /** Fills {@code r} with the residuals at {@code x}. */
        void residuals(double[] x, double[] r);

        /** Fills {@code j[row][param]} with the derivatives at {@code x}, where the residuals are {@code r}. */
        void jacobian(double[] x, double[] r, double[][] j);
    }

    private static final double MIN_RELATIVE_DECREASE = 1e-7;
    private static final int MAX_REJECTIONS = 12;

    private LeastSquares() {
    }

    /** Half the sum of squares. */
    static double cost(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return 0.5 * s;
    }

    /**
     * Minimises from {@code x} (changed in place) within [lo, hi], moving only parameters whose
     * {@code free} flag is set, for at most {@code iterations} accepted steps.
     *
     * @return the final cost
     */
    static double minimise(Model model, double[] x, double[] lo, double[] hi, boolean[] free, int iterations) {
        int n = x.length;
        int m = model.rows();
        for (int i = 0; i < n; i++) {
            x[i] = Math.clamp(x[i], lo[i], hi[i]);
        }
        double[] r = new double[m];
        double[] trialR = new double[m];
        double[][] jac = new double[m][n];
        double[][] a = new double[n][n];
        double[] g = new double[n];
        double[] step = new double[n];
        double[] trial = new double[n];
        boolean[] held = new boolean[n];
        model.residuals(x, r);
        double cost = cost(r);
        double lambda = 1e-3;
        for (int it = 0; it < iterations; it++) {
            model.jacobian(x, r, jac);
            normalEquations(jac, r, free, a, g);
            for (int i = 0; i < n; i++) {
                held[i] = !free[i] || x[i] <= lo[i] && g[i] > 0 || x[i] >= hi[i] && g[i] < 0;
            }
            boolean accepted = false;
            for (int rejection = 0; rejection < MAX_REJECTIONS && !accepted; rejection++) {
                if (!solveDamped(a, g, held, lambda, step)) {
                    lambda *= 10;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    trial[i] = Math.clamp(x[i] + step[i], lo[i], hi[i]);
                }
                model.residuals(trial, trialR);
                double trialCost = cost(trialR);
                if (trialCost < cost) {
                    double decrease = (cost - trialCost) / Math.max(cost, 1e-30);
                    System.arraycopy(trial, 0, x, 0, n);
                    System.arraycopy(trialR, 0, r, 0, m);
                    cost = trialCost;
                    lambda = Math.max(lambda / 3, 1e-9);
                    accepted = true;
                    if (decrease < MIN_RELATIVE_DECREASE) {
                        return cost;
                    }
                } else {
                    lambda *= 4;
                }
            }
            if (!accepted) {
                return cost;
            }
        }
        return cost;
    }

    private static void normalEquations(double[][] jac, double[] r, boolean[] free, double[][] a, double[] g) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(a[i], 0);
            g[i] = 0;
        }
        for (int row = 0; row < jac.length; row++) {
            double[] jr = jac[row];
            double rv = r[row];
            for (int i = 0; i < n; i++) {
                double ji = jr[i];
                if (ji == 0 || !free[i]) {
                    continue;
                }
                g[i] += ji * rv;
                double[] ai = a[i];
                for (int k = i; k < n; k++) {
                    ai[k] += ji * jr[k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                a[i][k] = a[k][i];
            }
        }
    }

    /** Solves the damped system by Cholesky, with held parameters pinned to a zero step; false when not positive definite. */
    private static boolean solveDamped(double[][] a, double[] g, boolean[] held, double lambda, double[] step) {
        int n = g.length;
        double[][] l = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                double v;
                if (held[i] || held[k]) {
                    v = i == k ? 1 : 0;
                } else {
                    v = a[i][k];
                    if (i == k) {
                        v += lambda * a[i][i] + 1e-12;
                    }
                }
                l[i][k] = v;
            }
            b[i] = held[i] ? 0 : -g[i];
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                double sum = l[i][k];
                for (int p = 0; p < k; p++) {
                    sum -= l[i][p] * l[k][p];
                }
                if (i == k) {
                    if (!(sum > 0)) {
                        return false;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][k] = sum / l[k][k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int p = 0; p < i; p++) {
                sum -= l[i][p] * step[p];
            }
            step[i] = sum / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = step[i];
            for (int p = i + 1; p < n; p++) {
                sum -= l[p][i] * step[p];
            }
            step[i] = sum / l[i][i];
        }
        return true;
    }
}
