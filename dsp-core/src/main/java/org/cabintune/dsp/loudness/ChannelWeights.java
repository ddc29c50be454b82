package org.cabintune.dsp.loudness;

import java.util.Arrays;
import org.cabintune.dsp.wav.WavWriter;

/**
 * Channel weights G_i of ITU-R BS.1770-5 (Table 3, position-dependent weightings): 1.0 for
 * channels in front (|azimuth| &lt; 60 degrees), 1.41 (+1.5 dB) for the surrounds at the
 * sides (60 to 120 degrees), 1.0 behind (beyond 120 degrees) and above (elevation 30 degrees
 * or more), and 0 for the LFE channel, which is not measured.
 *
 * <p>Positions come from a WAV file's speaker mask ({@code dwChannelMask}, Microsoft
 * {@code SPEAKER_*} bits). The back pair is what a 5.1 layout uses as its surrounds (ITU-R
 * BS.775, +-110 degrees), so it weighs 1.41; only when the side pair is present too (7.1)
 * do the backs sit at +-135 to 150 degrees and weigh 1.0.
 */
public final class ChannelWeights {

    /** Weight of a surround channel at the sides: +1.5 dB, as the Recommendation rounds it. */
    public static final double SURROUND = 1.41;

    private static final int LOW_FREQUENCY = 0x8;
    private static final int BACK_LEFT = 0x10;
    private static final int BACK_RIGHT = 0x20;
    private static final int SIDE_LEFT = 0x200;
    private static final int SIDE_RIGHT = 0x400;
    private static final int SIDES = SIDE_LEFT | SIDE_RIGHT;

    private ChannelWeights() {
    }

    /**
     * Weights for the usual layout of {@code channels} channels, the one a WAV file without a
     * speaker mask implies ({@link WavWriter#defaultChannelMask}): mono, stereo, L R C, quad,
     * 5.0 (L R C Ls Rs), 5.1, 6.1 and 7.1; 1.0 for every channel beyond 8.
     */
    public static double[] defaults(int channels) {
        return fromSpeakerMask(WavWriter.defaultChannelMask(channels), channels);
    }

    /**
     * Weights for a WAV speaker mask: channel i takes the i-th set bit of {@code mask}, in
     * rising bit order as WAVEFORMATEXTENSIBLE orders channels. A mask of 0 means the usual
     * layout ({@link #defaults}); channels beyond the mask's bits weigh 1.0.
     */
    public static double[] fromSpeakerMask(int mask, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels = " + channels + " must be at least 1");
        }
        if (mask == 0) {
            int usual = WavWriter.defaultChannelMask(channels);
            if (usual == 0) {
                double[] ones = new double[channels];
                Arrays.fill(ones, 1.0);
                return ones;
            }
            mask = usual;
        }
        boolean hasSides = (mask & SIDES) != 0;
        double[] weights = new double[channels];
        int bits = mask;
        for (int c = 0; c < channels; c++) {
            int speaker = Integer.lowestOneBit(bits);
            bits &= ~speaker;
            weights[c] = weightOf(speaker, hasSides);
        }
        return weights;
    }

    private static double weightOf(int speaker, boolean hasSides) {
        return switch (speaker) {
            case LOW_FREQUENCY -> 0.0;
            case SIDE_LEFT, SIDE_RIGHT -> SURROUND;
            case BACK_LEFT, BACK_RIGHT -> hasSides ? 1.0 : SURROUND;
            // Fronts, centres, back centre (180 degrees), heights, and channels past the mask.
            default -> 1.0;
        };
    }
}
