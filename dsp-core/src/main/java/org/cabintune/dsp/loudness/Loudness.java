package org.cabintune.dsp.loudness;

/** Unit conversions of ITU-R BS.1770-5 shared by the meters. */
final class Loudness {

    /**
     * The constant of BS.1770-5 eq. 2: makes a 997 Hz sine at 0 dBFS in one front channel
     * read -3.01 LUFS, compensating the K-weighting's +0.691 dB at that frequency.
     */
    static final double OFFSET = -0.691;

    private Loudness() {
    }

    /** Loudness in LUFS of a channel-weighted mean square; -inf for 0. */
    static double lufs(double meanSquare) {
        return OFFSET + 10.0 * Math.log10(meanSquare);
    }

    /** A linear peak amplitude (1.0 = full scale) in dB; -inf for 0. */
    static double db(double amplitude) {
        return 20.0 * Math.log10(amplitude);
    }
}
