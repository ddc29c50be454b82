package org.cabintune.dsp.wav;

/**
 * The argument checks of {@link Dither}, kept out of it: {@code Dither} runs on the audio
 * thread inside the DAC's sink, and HotSpot resolves a class's string constants on the thread
 * that first asks for one of its methods to be compiled, which for {@code Dither} is the audio
 * thread; a message held here costs nothing there.
 */
final class DitherChecks {

    private DitherChecks() {
    }

    static void bits(int bits) {
        if (bits < 2 || bits > 32) {
            throw new IllegalArgumentException("bits " + bits + " is outside 2..32");
        }
    }

    static void shapedChannels(int channels) {
        if (channels < 1 || channels > 64) {
            throw new IllegalArgumentException("channels = " + channels + " is outside 1..64");
        }
    }

    /** Shaping needs error state for each channel and a word of 8 to 24 bits (longer words are not dithered). */
    static void fits(int held, int channels, int bits) {
        if (channels > held) {
            throw new IllegalArgumentException("the shaped dither holds state for " + held + " channel(s), not " + channels);
        }
        if (bits < Dither.MIN_SHAPED_BITS) {
            throw new IllegalArgumentException("noise shaping is for words of " + Dither.MIN_SHAPED_BITS
                    + " to 24 bits, not " + bits);
        }
    }
}
