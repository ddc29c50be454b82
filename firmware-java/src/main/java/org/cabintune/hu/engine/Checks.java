package org.cabintune.hu.engine;

import org.cabintune.hu.audio.AlsaPcm;

/**
 * The argument checks of the classes that run on the audio thread, kept out of those classes.
 *
 * <p>Why a class of its own: HotSpot resolves every string constant of a class on the thread
 * that first asks for one of its methods to be compiled by C2, and for the audio path that
 * thread is the audio thread, minutes into a stream. A string literal in a hot class, even in
 * a constructor's error message, is thus an allocation on the audio thread. The messages live
 * here instead, and {@code HotClassesTest} keeps the hot classes free of string constants.
 */
final class Checks {

    private Checks() {
    }

    /** Two notes as one, either may be null. */
    static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }

    static void channels(int channels) {
        if (channels < 1 || channels > 32) {
            throw new IllegalArgumentException("channels = " + channels + " is outside 1..32");
        }
    }

    static void testSignal(int programmeChannels, Source signal) {
        if (signal.channels() != programmeChannels) {
            throw new IllegalArgumentException("signal.channels = " + signal.channels() + " differs from the programme's "
                    + programmeChannels);
        }
    }

    static void switchFrames(int rampFrames, int maxFrames) {
        if (rampFrames < 1 || rampFrames > 1 << 20) {
            throw new IllegalArgumentException("rampFrames = " + rampFrames + " is outside 1..1048576");
        }
        if (maxFrames < 1 || maxFrames > 1 << 16) {
            throw new IllegalArgumentException("maxFrames = " + maxFrames + " is outside 1..65536");
        }
    }

    static void sampleRate(int sampleRate) {
        if (sampleRate < 8000 || sampleRate > 384000) {
            throw new IllegalArgumentException("sampleRate = " + sampleRate + " is outside 8000..384000");
        }
    }

    static void periods(int periods) {
        if (periods < 2 || periods > 16) {
            throw new IllegalArgumentException("periods = " + periods + " is outside 2..16");
        }
    }

    static void queueCapacity(int capacity) {
        if (capacity < 2 || capacity > 1 << 20 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity = " + capacity + " must be a power of two in 2..1048576");
        }
    }

    static void playback(AlsaPcm pcm) {
        if (pcm.spec().capture()) {
            throw new IllegalArgumentException("ALSA device '" + pcm.spec().device() + "' is open for capture, not playback");
        }
    }

    static void capture(AlsaPcm pcm) {
        if (!pcm.spec().capture()) {
            throw new IllegalArgumentException("ALSA device '" + pcm.spec().device() + "' is open for playback, not capture");
        }
    }
}
