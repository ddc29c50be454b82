package org.cabintune.dsp.resample;

/**
 * Where a resampler is in its input: the buffer index of the next output's first tap, its
 * phase, and how many input frames the buffer holds. Shared by the fixed-point resampler and
 * its twin so both step through the input identically. Holds no strings: it runs on the audio
 * thread.
 */
final class ResamplerClock {

    private final int up;
    private final int stepWhole;
    private final int stepFraction;
    private final int taps;
    /** Buffer index of the next output's first tap. */
    int at;
    /** The next output's phase, 0..up-1. */
    int phase;
    /** Input frames in the buffer. */
    int fill;

    ResamplerClock(ResamplerDesign design) {
        this.up = design.up();
        this.stepWhole = design.down() / design.up();
        this.stepFraction = design.down() % design.up();
        this.taps = design.taps();
        reset();
    }

    /** The start of a stream: the buffer holds the silence before the first input frame. */
    void reset() {
        at = 0;
        phase = 0;
        fill = taps / 2 - 1;
    }

    /** Input frames the next {@code outFrames} outputs need beyond what the buffer holds. */
    int need(int outFrames) {
        long last = at + (phase + (long) (outFrames - 1) * (stepWhole * (long) up + stepFraction)) / up;
        return (int) Math.max(0, last + taps - fill);
    }

    /** Moves on by one output. */
    void step() {
        at += stepWhole;
        phase += stepFraction;
        if (phase >= up) {
            phase -= up;
            at++;
        }
    }

    /** Frames to keep after a call: from the next output's first tap to the end of the buffer. */
    int keepFrom() {
        return at;
    }

    /** After the kept frames have been moved to the start of the buffer. */
    void kept() {
        fill -= at;
        at = 0;
    }
}
