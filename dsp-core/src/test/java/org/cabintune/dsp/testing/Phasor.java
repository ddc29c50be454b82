package org.cabintune.dsp.testing;

/**
 * The complex amplitude of one frequency in a signal, from a single-bin DFT. Used to measure a
 * block's magnitude and phase (hence phase and group delay) with a steady sine.
 *
 * @param re real part (cosine component), peak amplitude units
 * @param im imaginary part (minus the sine component), peak amplitude units
 */
public record Phasor(double re, double im) {

    /**
     * Measures {@code frequency} in {@code x[from .. from+length)}. Exact (no leakage) for a
     * steady sine when the window holds a whole number of its cycles.
     */
    public static Phasor of(double[] x, int sampleRate, double frequency, int from, int length) {
        double w = 2 * Math.PI * frequency / sampleRate;
        double re = 0;
        double im = 0;
        for (int n = 0; n < length; n++) {
            double phase = w * (from + n);
            re += x[from + n] * Math.cos(phase);
            im -= x[from + n] * Math.sin(phase);
        }
        return new Phasor(2 * re / length, 2 * im / length);
    }

    /** Peak amplitude. */
    public double magnitude() {
        return Math.hypot(re, im);
    }

    /** Phase in radians, (-pi, pi]. */
    public double phase() {
        return Math.atan2(im, re);
    }

    /** Phase of this over {@code reference}, wrapped to (-pi, pi]. */
    public double phaseRelativeTo(Phasor reference) {
        return Math.IEEEremainder(phase() - reference.phase(), 2 * Math.PI);
    }

    /** Magnitude of this over {@code reference} in dB. */
    public double gainDbRelativeTo(Phasor reference) {
        return 20 * Math.log10(magnitude() / reference.magnitude());
    }
}
