package org.cabintune.dsp.loudness;

import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.FilterDesign;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.profile.Bus;

/**
 * The filters of volume-dependent loudness compensation, designed once, off the audio thread,
 * for every listening level the volume can reach, so that following the volume on the audio
 * thread is only picking a precomputed set.
 *
 * <p><b>What is compensated.</b> At the reference level {@code R} (phon) the programme sounds as
 * mixed. Turned down to a listening level {@code P < R}, a tone at frequency {@code f} would need
 * {@code L(f, P) - L(f, R)} dB less level to keep its loudness relative to 1 kHz, where {@code L}
 * is the ISO 226:2023 contour ({@link EqualLoudness}); the volume lowers it by {@code R - P} at
 * every frequency. The difference
 * <pre>  D(f) = L(f, P) - L(f, R) + (R - P)</pre>
 * (0 at 1 kHz) is what the ear lacks: about +21 dB at 20 Hz and +6 dB at 12.5 kHz for 40 phon
 * against 80. The target is {@code D} held to {@code min(maxBoostDb, R - P)}: since the contours
 * rise with level, {@code D(f) < R - P}, so compensation plus volume never lifts any frequency
 * above where it was at the reference.
 *
 * <p><b>The filters.</b> Two RBJ cookbook shelves: a low shelf with Q {@value #LOW_SHELF_Q} whose
 * gain and corner (in {@value #MIN_LOW_HZ} .. {@value #MAX_LOW_HZ} Hz) are fitted, and a high
 * shelf at {@value #HIGH_SHELF_HZ} Hz, Q 0.707, whose gain is fitted. The fit is least squares
 * over the 29 frequencies of the Standard's table, in dB, by damped Gauss-Newton with the gains
 * held to {@code 0 .. min(maxBoostDb, R - P)}, each level starting from the one above. Shelves
 * cannot follow the contours' shallow dip of 1 to 4 dB between 1.25 and 6.3 kHz; that, and the
 * cap, is most of what the fit leaves (see {@code docs/loudness.md} for the measured error).
 *
 * <p><b>The sets.</b> One per {@value #STEP_PHON} phon from {@code R} down to
 * {@value #MIN_PHON} phon, the lowest level the Standard's formula is normative at; set 0 is the
 * reference (both shelves at 0 dB, an exact identity in fixed point). The listening level is
 * {@code R + volume - referenceVolumeDb}; volumes above the reference use set 0, volumes below
 * {@value #MIN_PHON} phon the last set.
 */
public final class CompensationDesign {

    /** Listening-level step between precomputed sets, phon (= dB of volume). */
    public static final double STEP_PHON = 0.5;
    /** Lowest listening level designed for: the Standard's normative range starts here. */
    public static final double MIN_PHON = 20.0;
    /** Q of the low shelf: gentle, no overshoot, like the contours' slow rise. */
    public static final double LOW_SHELF_Q = 0.5;
    /** Lowest corner of the low shelf, Hz. */
    public static final double MIN_LOW_HZ = 40.0;
    /** Highest corner of the low shelf, Hz. */
    public static final double MAX_LOW_HZ = 400.0;
    /** Corner of the high shelf, Hz: the contours' rise is above 8 kHz. */
    public static final double HIGH_SHELF_HZ = 12000.0;
    /** Q of the high shelf (Butterworth). */
    public static final double HIGH_SHELF_Q = Math.sqrt(0.5);

    private static final int MAX_ITERATIONS = 60;
    private static final double DERIVATIVE_STEP = 1e-6;

    /**
     * One set's design.
     *
     * @param listeningPhon the listening level it is for
     * @param lowGainDb     gain of the low shelf, dB
     * @param lowHz         corner of the low shelf, Hz
     * @param highGainDb    gain of the high shelf, dB
     * @param sections      low shelf then high shelf, quantised as the kernel runs them
     */
    public record Shelves(double listeningPhon, double lowGainDb, double lowHz, double highGainDb,
                          List<QuantizedBiquad> sections) {

        public Shelves {
            sections = List.copyOf(sections);
        }
    }

    private final int sampleRate;
    private final double referencePhon;
    private final double referenceVolumeDb;
    private final double maxBoostDb;
    private final double[] reference;
    /** sin^2(w/2) at the table's frequencies, for the fit's response evaluations. */
    private final double[] phi;
    private final List<Shelves> sets;

    /**
     * Designs every set.
     *
     * @param sampleRate        {@link ParamChecks#MIN_SAMPLE_RATE} .. {@link ParamChecks#MAX_SAMPLE_RATE}; the
     *                          high shelf needs at least 2.05 x {@value #HIGH_SHELF_HZ}
     * @param referencePhon     60 .. 90 phon
     * @param referenceVolumeDb -60 .. 0 dB
     * @param maxBoostDb        0 .. 18 dB
     */
    public CompensationDesign(int sampleRate, double referencePhon, double referenceVolumeDb, double maxBoostDb) {
        ParamChecks.sampleRate(sampleRate);
        ParamChecks.inRange("sampleRate", sampleRate, (int) Math.ceil(HIGH_SHELF_HZ / 0.49), ParamChecks.MAX_SAMPLE_RATE,
                "Hz");
        this.sampleRate = sampleRate;
        this.referencePhon = ParamChecks.inRange("referencePhon", referencePhon, 60.0, 90.0, "phon");
        this.referenceVolumeDb = ParamChecks.inRange("referenceVolumeDb", referenceVolumeDb, -60.0, 0.0, "dB");
        this.maxBoostDb = ParamChecks.inRange("maxBoostDb", maxBoostDb, 0.0, 18.0, "dB");
        this.reference = EqualLoudness.contour(referencePhon);
        this.phi = new double[EqualLoudness.size()];
        for (int k = 0; k < phi.length; k++) {
            double half = Math.sin(Math.PI * EqualLoudness.frequencyHz(k) / sampleRate);
            phi[k] = half * half;
        }
        int count = (int) Math.floor((referencePhon - MIN_PHON) / STEP_PHON + 1e-9) + 1;
        List<Shelves> designed = new ArrayList<>(count);
        double[] start = {0.0, Math.log(150.0), 0.0};
        for (int i = 0; i < count; i++) {
            double phon = listeningPhon(i);
            double[] fit = i == 0 ? new double[] {0.0, start[1], 0.0} : fit(target(i), cap(i), start);
            designed.add(shelves(phon, fit));
            start = fit;
        }
        this.sets = List.copyOf(designed);
    }

    /** The design of a profile's {@code bus.loudnessCompensation}. */
    public static CompensationDesign of(Bus.LoudnessCompensation compensation, int sampleRate) {
        return new CompensationDesign(sampleRate, compensation.referencePhon(), compensation.referenceVolumeDb(),
                compensation.maxBoostDb());
    }

    /** Number of sets; set 0 is the reference (flat). */
    public int sets() {
        return sets.size();
    }

    /** The set for a volume, dB: allocation-free, for the audio thread. NaN gives the reference set. */
    public int indexForVolume(double volumeDb) {
        double drop = referenceVolumeDb - volumeDb;
        if (!(drop > 0)) {
            return 0;
        }
        return (int) Math.min(Math.round(drop / STEP_PHON), sets.size() - 1L);
    }

    /** The listening level of set {@code i}, phon. */
    public double listeningPhon(int i) {
        return referencePhon - i * STEP_PHON;
    }

    /** Set {@code i}. */
    public Shelves shelves(int i) {
        return sets.get(i);
    }

    /** The sample rate the sections are designed for. */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The fit's target for set {@code i} at the Standard's 29 frequencies ({@link EqualLoudness#frequencyHz}):
     * the contour difference held to {@code min(maxBoostDb, R - P)}, dB.
     */
    public double[] target(int i) {
        double phon = listeningPhon(i);
        double cap = cap(i);
        double[] t = EqualLoudness.contour(phon);
        for (int k = 0; k < t.length; k++) {
            t[k] = Math.min(t[k] - reference[k] + (referencePhon - phon), cap);
        }
        return t;
    }

    /** The magnitude response of set {@code i}'s realised sections at {@code freqHz}, dB. */
    public double responseDb(int i, double freqHz) {
        double db = 0;
        for (QuantizedBiquad q : sets.get(i).sections()) {
            db += q.realized().magnitudeDb(freqHz, sampleRate);
        }
        return db;
    }

    private double cap(int i) {
        return Math.min(maxBoostDb, referencePhon - listeningPhon(i));
    }

    private Shelves shelves(double phon, double[] x) {
        double lowHz = Math.exp(x[1]);
        List<QuantizedBiquad> sections = List.of(QuantizedBiquad.of(low(lowHz, x[0])), QuantizedBiquad.of(high(x[2])));
        return new Shelves(phon, x[0], lowHz, x[2], sections);
    }

    /** The low shelf; at 0 dB the identity section itself, so the reference set is exact. */
    private BiquadCoefficients low(double hz, double gainDb) {
        return gainDb == 0 ? BiquadCoefficients.IDENTITY : FilterDesign.lowShelf(sampleRate, hz, LOW_SHELF_Q, gainDb);
    }

    private BiquadCoefficients high(double gainDb) {
        return gainDb == 0 ? BiquadCoefficients.IDENTITY
                : FilterDesign.highShelf(sampleRate, HIGH_SHELF_HZ, HIGH_SHELF_Q, gainDb);
    }

    /** The shelves' response at the table's frequencies for parameters {gain low, ln corner low, gain high}. */
    private double[] model(double[] x) {
        BiquadCoefficients lo = low(Math.exp(x[1]), x[0]);
        BiquadCoefficients hi = high(x[2]);
        double[] m = new double[EqualLoudness.size()];
        for (int k = 0; k < m.length; k++) {
            m[k] = 10 * Math.log10(powerGain(lo, phi[k]) * powerGain(hi, phi[k]));
        }
        return m;
    }

    /**
     * |H|^2 of a section at {@code phi = sin^2(w/2)}, without trigonometry:
     * {@code |b0 + b1 z^-1 + b2 z^-2|^2 = (b0 + b1 + b2)^2 - 4 phi (b0 b1 + b1 b2 + 4 b0 b2) + 16 phi^2 b0 b2},
     * likewise the denominator. In this form low frequencies, where a shelf's sums are small,
     * keep their precision (the form in {@code cos w} loses half the digits there, and the
     * fit's derivatives with them).
     */
    private static double powerGain(BiquadCoefficients c, double phi) {
        return quadratic(c.b0(), c.b1(), c.b2(), phi) / quadratic(1, c.a1(), c.a2(), phi);
    }

    private static double quadratic(double c0, double c1, double c2, double phi) {
        double sum = c0 + c1 + c2;
        return sum * sum - 4 * phi * (c0 * c1 + c1 * c2 + 4 * c0 * c2) + 16 * phi * phi * c0 * c2;
    }

    /**
     * Damped Gauss-Newton on the squared dB error, parameters held to their box: gains 0 ..
     * {@code cap}, low corner {@value #MIN_LOW_HZ} .. {@value #MAX_LOW_HZ} Hz. A step that does
     * not lower the error is halved until it does.
     */
    private double[] fit(double[] target, double cap, double[] start) {
        double[] lower = {0.0, Math.log(MIN_LOW_HZ), 0.0};
        double[] upper = {cap, Math.log(MAX_LOW_HZ), cap};
        double[] x = clamp(start.clone(), lower, upper);
        double cost = cost(model(x), target);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] m = model(x);
            double[][] jacobian = new double[3][];
            for (int p = 0; p < 3; p++) {
                double[] moved = x.clone();
                moved[p] += DERIVATIVE_STEP;
                double[] mp = model(moved);
                jacobian[p] = new double[m.length];
                for (int k = 0; k < m.length; k++) {
                    jacobian[p][k] = (mp[k] - m[k]) / DERIVATIVE_STEP;
                }
            }
            double[] step = normalStep(jacobian, m, target);
            double lambda = 1.0;
            double[] next = x;
            double nextCost = cost;
            while (lambda > 1e-6) {
                double[] trial = x.clone();
                for (int p = 0; p < 3; p++) {
                    trial[p] += lambda * step[p];
                }
                clamp(trial, lower, upper);
                double c = cost(model(trial), target);
                if (c < cost) {
                    next = trial;
                    nextCost = c;
                    break;
                }
                lambda /= 2;
            }
            if (next == x || cost - nextCost < 1e-12) {
                return next;
            }
            x = next;
            cost = nextCost;
        }
        return x;
    }

    /** Solves {@code (J J^T + mu I) d = -J r}; the small {@code mu} keeps it solvable when a gain is 0. */
    private static double[] normalStep(double[][] j, double[] m, double[] target) {
        double[][] a = new double[3][4];
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                double sum = p == q ? 1e-9 : 0.0;
                for (int k = 0; k < m.length; k++) {
                    sum += j[p][k] * j[q][k];
                }
                a[p][q] = sum;
            }
            double g = 0;
            for (int k = 0; k < m.length; k++) {
                g -= j[p][k] * (m[k] - target[k]);
            }
            a[p][3] = g;
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < 3; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c < 4; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }

    private static double cost(double[] m, double[] target) {
        double sum = 0;
        for (int k = 0; k < m.length; k++) {
            double e = m[k] - target[k];
            sum += e * e;
        }
        return sum;
    }

    private static double[] clamp(double[] x, double[] lower, double[] upper) {
        for (int p = 0; p < x.length; p++) {
            x[p] = Math.clamp(x[p], lower[p], upper[p]);
        }
        return x;
    }
}
