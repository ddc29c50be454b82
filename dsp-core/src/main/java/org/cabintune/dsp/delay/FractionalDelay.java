package org.cabintune.dsp.delay;

/**
 * The design both {@link Delay} and {@link DelayReference} use: a delay of D samples split
 * into a whole-sample ring-buffer delay M and a first-order Thiran all-pass for the rest,
 * d = D - M, with coefficient a = (1 - d) / (1 + d) in
 * <pre>
 *   H(z) = (a + z^-1) / (1 + a z^-1)
 * </pre>
 * An all-pass has exactly flat magnitude (it stays so when a is quantised, because the same a
 * sits in numerator and denominator), and Thiran's design makes its group delay maximally
 * flat at DC and equal to d there. M = floor(D - 1/2) puts d in [0.5, 1.5), where the pole
 * -a lies in [-1/3, 0.2]. Its error is in the phase delay at high frequencies; worst case
 * over d in [0.5, 1.5) at 48 kHz, in samples (1 sample = 20.8 us = 7 mm of path):
 * <pre>
 *   1 kHz 0.003   3.5 kHz 0.031   5 kHz 0.061   10 kHz 0.19   15 kHz 0.33
 * </pre>
 * (the same at other rates for the same f / fs). That is below the 0.5 samples of rounding to
 * whole samples up to about fs/4, and the magnitude error is zero at every frequency.
 * Below half a sample (M = 0, d &lt; 0.5) the pole nears -1: still exact all-pass and DC
 * group delay, with a longer transient. Delays within {@link #WHOLE_TOLERANCE} of a whole
 * number use no all-pass, so they are bit-exact sample shifts.
 *
 * @param whole       M, whole samples taken from the ring buffer
 * @param fraction    d, samples added by the all-pass (0 when none)
 * @param coefficient a, 0 when there is no all-pass
 */
record FractionalDelay(int whole, double fraction, double coefficient) {

    /** Delays this close to a whole number of samples are treated as whole (bit-exact). */
    static final double WHOLE_TOLERANCE = 1e-6;

    static FractionalDelay of(double samples) {
        double nearest = Math.rint(samples);
        if (Math.abs(samples - nearest) < WHOLE_TOLERANCE) {
            return new FractionalDelay((int) nearest, 0.0, 0.0);
        }
        int whole = Math.max(0, (int) Math.floor(samples - 0.5));
        double d = samples - whole;
        return new FractionalDelay(whole, d, (1 - d) / (1 + d));
    }

    boolean hasAllpass() {
        return fraction != 0.0;
    }
}
