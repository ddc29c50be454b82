package org.cabintune.dsp.wav;

/**
 * Double twin of the shaped {@link Dither}: the same error feedback through the same
 * E-weighted filter, in double and in units of the target LSB, fed the same TPDF values. Its
 * output matches the fixed-point quantizer's except where the fixed path's 2^-8 LSB rounding of
 * the feedback tips a sample over a rounding boundary, by one LSB. From such a sample on the
 * two error histories differ and the outputs part ways (both equally valid); {@link #follow}
 * lets a comparison carry on from the fixed path's decision.
 */
public final class DitherReference {

    private final double[][] errors;
    private final int[] positions;
    private final double[] lastInput;

    /** Error state for {@code channels} channels. */
    public DitherReference(int channels) {
        errors = new double[channels][Dither.E_WEIGHTED.length];
        positions = new int[channels];
        lastInput = new double[channels];
    }

    /**
     * Quantizes {@code x} (1.0 = full scale) of {@code channel} to a {@code bits}-bit word with
     * the TPDF value {@code tpdf} (2^-32 LSB units, as {@link Dither#nextTpdf()} gives it).
     */
    public long quantize(int channel, double x, int bits, long tpdf) {
        double[] e = errors[channel];
        int taps = e.length;
        int p = positions[channel];
        double feedback = 0;
        for (int j = 0; j < taps; j++) {
            feedback += Dither.E_WEIGHTED[j] * e[(p + j) % taps];
        }
        double v = Math.clamp(x, -4.0, 4.0) * Math.scalb(1.0, bits - 1) - feedback;
        double y = Math.floor(v + tpdf * 0x1p-32 + 0.5);
        p = (p + taps - 1) % taps;
        e[p] = y - v;
        positions[channel] = p;
        lastInput[channel] = v;
        double max = Math.scalb(1.0, bits - 1) - 1;
        return (long) Math.clamp(y, -max - 1, max);
    }

    /** Takes {@code y} as the last output of {@code channel} (unclipped), replacing its own decision. */
    public void follow(int channel, long y) {
        errors[channel][positions[channel]] = y - lastInput[channel];
    }
}
