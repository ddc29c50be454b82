package org.cabintune.tuner.measure;

/**
 * A response's arrival time: the centre of the top of its envelope. The response is limited to
 * the audible band by a zero-phase weight: 0 at and below 20 Hz, rising over the octave to
 * 40 Hz, 1 up to 10 kHz, falling over the octave to 0 at 20 kHz (raised cosines in
 * log-frequency). Its envelope e(t), the squared magnitude of its analytic signal
 * ({@link Analytic}), is read where it stands within 3 dB of its peak level, and the arrival is
 * the centre of that part, each instant weighted by how far it rises above the 3 dB line:
 *
 * <pre>
 *   arrival = integral of t (e(t) - L)+ dt / integral of (e(t) - L)+ dt,
 *   L = P / 2,   P = integral of e(t)^33 dt / integral of e(t)^32 dt
 * </pre>
 *
 * <p>P, the envelope's mean weighted by its 32nd power, is its peak level: the maximum for a
 * single hump (1.5 % below it for a Gaussian one), but a ripple faster than the top, which
 * noise far outside the response's band lays on it, averages out in P where it would lift the
 * maximum by its own height (which put subwoofers' arrivals 1 to 5 us early on average at
 * 40 dB SNR).
 *
 * <p>Where the envelope has one clear maximum (tweeters, coaxials, most mid-woofers) its top
 * is nearly symmetric and this is the envelope peak to within 0.3 us (1.6 us for the virtual
 * sedan's and SUV's mid-woofers). A subwoofer's envelope in a car is a plateau instead: the direct sound,
 * the reflections and the cabin's modes make humps within a few per cent of each other over
 * milliseconds, and its highest point hangs on anything 40 dB down. In the virtual sedan,
 * leaving out the subwoofer's response above 1 kHz, 50 dB below its passband and under the
 * road noise of any real measurement, moves the highest point by 62 us, and above 500 Hz by
 * 320 us; the centre of the plateau moves by 3 and 11 us. Where a reflection comes within 3 dB
 * of the direct sound (the hatchback's door mid-woofers) the arrival lies between the two,
 * 0.17 and 0.23 ms after the highest point.
 *
 * <p>Fixing the band makes the definition independent of how the response was obtained: a
 * measurement's own band limits, or a simulation's exact response, give the same instant for
 * the same system. The weight is zero outside 20 Hz - 20 kHz so that what a measurement cannot
 * know well (below its sweep's band edge, where regularisation and the window's cut meet) has
 * no say.
 *
 * <p>The envelope is computed on the sample grid (the band weight keeps it below the Nyquist
 * frequency, so its samples determine it) and integrated between samples on a grid of
 * 1/{@value #STEPS} sample, interpolated ({@link Peaks#interpolate}), so a response delayed by
 * a fraction of a sample arrives that much later (to 0.01 us).
 */
public final class Arrival {

    /** Band the arrival is read in: the weight is zero outside it and reaches 1 an octave inside. */
    public static final double LOW_HZ = 20;
    public static final double HIGH_HZ = 20_000;
    /** The part of the envelope the arrival is the centre of: above this fraction of its peak level (3 dB down). */
    public static final double TOP = 0.5;
    /** Integration points per sample. */
    static final int STEPS = Peaks.STEPS;
    /** The power the envelope is weighted by when its peak level is read (see the class comment). */
    static final int PEAK_POWER = 32;

    private Arrival() {
    }

    /** Seconds after time zero (negative if before) of the centre of the band-limited envelope's top. */
    public static double of(Transfer t) {
        int bins = t.bins();
        int n = 2 * (bins - 1);
        double[] re = new double[n];
        for (int k = 0; k < bins; k++) {
            // Odd bins negated: the response turns half the length round, so times before time
            // zero stay visible.
            double w = (k % 2 == 1 ? -1 : 1) * weight(k * t.binHz());
            Fft.set(re, k, t.re()[k] * w, t.im()[k] * w);
        }
        double[] im = re.clone();
        Fft.inverse(re);
        Analytic.rotate(im);
        Fft.inverse(im);
        double[] e = new double[n];
        double highest = 0;
        for (int i = 0; i < n; i++) {
            e[i] = re[i] * re[i] + im[i] * im[i];
            highest = Math.max(highest, e[i]);
        }
        if (!(highest > 0)) {
            throw new MeasurementException("the response is silent between " + (int) LOW_HZ + " Hz and "
                    + (int) HIGH_HZ + " Hz: it has no arrival");
        }
        Top top = top(e, highest);
        // The peak level: the envelope's mean weighted by its PEAK_POWER-th power.
        double sum = 0;
        double weighted = 0;
        for (double v : top.value()) {
            double p = Math.pow(v, PEAK_POWER);
            sum += p;
            weighted += p * v;
        }
        double line = TOP * weighted / sum;
        double area = 0;
        double moment = 0;
        for (int j = 0; j < top.at().length; j++) {
            double above = top.value()[j] - line;
            if (above > 0) {
                area += above;
                moment += above * top.at()[j];
            }
        }
        double sampleRate = t.binHz() * n;
        return (moment / area - n / 2) / sampleRate;
    }

    /**
     * The envelope between samples around its top.
     *
     * @param at    positions, in samples
     * @param value the envelope there over its highest sample
     */
    private record Top(double[] at, double[] value) {
    }

    /**
     * The envelope at {@value #STEPS} points per sample (the midpoints of equal parts of
     * [i - 1/2, i + 1/2)) around every sample i next to one above a fifth of the highest:
     * wherever it could be above the 3 dB line, and wherever its power weighs in the peak level.
     */
    private static Top top(double[] e, double highest) {
        int n = e.length;
        boolean[] near = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            near[i] = Math.max(e[i], Math.max(e[Math.max(0, i - 1)], e[Math.min(n - 1, i + 1)])) >= highest / 5;
            count += near[i] ? 1 : 0;
        }
        double[][] kernels = new double[STEPS][];
        for (int s = 0; s < STEPS; s++) {
            kernels[s] = Peaks.kernel(offset(s) - Math.floor(offset(s)));
        }
        double[] at = new double[STEPS * count];
        double[] value = new double[STEPS * count];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (near[i]) {
                for (int s = 0; s < STEPS; s++, j++) {
                    at[j] = i + offset(s);
                    value[j] = Peaks.apply(e, i + (int) Math.floor(offset(s)), kernels[s]) / highest;
                }
            }
        }
        return new Top(at, value);
    }

    /** Where point s of a sample lies from it: the midpoints of STEPS equal parts of [-1/2, 1/2). */
    private static double offset(int s) {
        return (s + 0.5) / STEPS - 0.5;
    }

    /** The band weight at f. */
    static double weight(double f) {
        if (f <= 0) {
            return 0;
        }
        // Octaves inside the band from its nearer edge: 0 at the edge, 1 an octave in.
        double inside = Math.min(Math.log(f / LOW_HZ), Math.log(HIGH_HZ / f)) / Math.log(2);
        if (inside <= 0) {
            return 0;
        }
        return inside >= 1 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * inside);
    }
}
