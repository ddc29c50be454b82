package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ChannelWeightsTest {

    private static final double S = ChannelWeights.SURROUND;

    @Test
    void usualLayoutsByChannelCount() {
        assertArrayEquals(new double[] {1}, ChannelWeights.defaults(1));
        assertArrayEquals(new double[] {1, 1}, ChannelWeights.defaults(2));
        assertArrayEquals(new double[] {1, 1, S, S}, ChannelWeights.defaults(4));
        // 5.0, the EBU Tech 3341 case 6 order: L R C Ls Rs.
        assertArrayEquals(new double[] {1, 1, 1, S, S}, ChannelWeights.defaults(5));
        // 5.1: L R C LFE Ls Rs.
        assertArrayEquals(new double[] {1, 1, 1, 0, S, S}, ChannelWeights.defaults(6));
        // 7.1: L R C LFE, backs at +-135..150 degrees, sides at +-90 degrees.
        assertArrayEquals(new double[] {1, 1, 1, 0, 1, 1, S, S}, ChannelWeights.defaults(8));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, ChannelWeights.defaults(10));
    }

    @Test
    void speakerMaskDecidesPositions() {
        // 5.1 with side surrounds (KSAUDIO_SPEAKER_5POINT1_SURROUND): L R C LFE SL SR.
        assertArrayEquals(new double[] {1, 1, 1, 0, S, S}, ChannelWeights.fromSpeakerMask(0x60F, 6));
        // Stereo plus LFE.
        assertArrayEquals(new double[] {1, 1, 0}, ChannelWeights.fromSpeakerMask(0xB, 3));
        // 7.1.4 heights (top front/back left/right) weigh 1.0.
        assertArrayEquals(new double[] {1, 1, 1, 0, 1, 1, S, S, 1, 1, 1, 1},
                ChannelWeights.fromSpeakerMask(0x63F | 0x1000 | 0x4000 | 0x8000 | 0x20000, 12));
        // More channels than mask bits: the rest weigh 1.0; mask 0 means the usual layout.
        assertArrayEquals(new double[] {1, 1, 1}, ChannelWeights.fromSpeakerMask(0x3, 3));
        assertArrayEquals(ChannelWeights.defaults(6), ChannelWeights.fromSpeakerMask(0, 6));
    }
}
