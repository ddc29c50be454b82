package org.cabintune.dsp.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Butterworth and Linkwitz-Riley low- and high-passes of orders 1 to 8 as cascades of
 * sections. Every section is pre-warped at the same corner, so the cascade is exactly the
 * bilinear transform of the analog prototype.
 */
public final class CrossoverDesign {

    /** Pass direction. */
    public enum Pass { LOWPASS, HIGHPASS }

    /** Highest order supported (48 dB/octave). */
    public static final int MAX_ORDER = 8;

    private CrossoverDesign() {
    }

    /**
     * Butterworth of the given order: for order N the second-order sections have
     * {@code Q_k = 1 / (2 sin((2k+1) pi / 2N))}, plus one first-order section when N is odd.
     */
    public static List<BiquadCoefficients> butterworth(Pass pass, int order, double sampleRate, double freqHz) {
        checkOrder(order, 1);
        List<BiquadCoefficients> sections = new ArrayList<>();
        if (order % 2 == 1) {
            sections.add(pass == Pass.LOWPASS
                    ? FilterDesign.lowpass1(sampleRate, freqHz)
                    : FilterDesign.highpass1(sampleRate, freqHz));
        }
        for (int k = 0; k < order / 2; k++) {
            double q = 1.0 / (2 * Math.sin((2 * k + 1) * Math.PI / (2 * order)));
            sections.add(pass == Pass.LOWPASS
                    ? FilterDesign.lowpass(sampleRate, freqHz, q)
                    : FilterDesign.highpass(sampleRate, freqHz, q));
        }
        return List.copyOf(sections);
    }

    /**
     * Linkwitz-Riley of an even order N: a Butterworth of order N/2 applied twice, -6.02 dB
     * at the corner. LR4 and LR8 low and high sum flat in phase; LR2 and LR6 sum flat when one
     * side is inverted.
     */
    public static List<BiquadCoefficients> linkwitzRiley(Pass pass, int order, double sampleRate, double freqHz) {
        checkOrder(order, 2);
        if (order % 2 != 0) {
            throw new IllegalArgumentException("order = " + order + ": Linkwitz-Riley needs an even order (2, 4, 6, 8)");
        }
        List<BiquadCoefficients> half = butterworth(pass, order / 2, sampleRate, freqHz);
        List<BiquadCoefficients> sections = new ArrayList<>(half);
        sections.addAll(half);
        return List.copyOf(sections);
    }

    private static void checkOrder(int order, int min) {
        if (order < min || order > MAX_ORDER) {
            throw new IllegalArgumentException("order = " + order + " is outside " + min + ".." + MAX_ORDER);
        }
    }
}
