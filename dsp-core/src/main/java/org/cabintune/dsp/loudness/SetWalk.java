package org.cabintune.dsp.loudness;

/**
 * The walk of {@link LoudnessCompensation} (and its twin) from the set in use to the set the
 * volume asks for: one set per {@link LoudnessCompensation#STEP_FRAMES} frames.
 */
final class SetWalk {

    private int current;
    private int target;
    /** Frames until the next step may be taken; 0 when one may be taken now. */
    private int untilStep;

    void target(int set) {
        target = set;
    }

    int current() {
        return current;
    }

    int target() {
        return target;
    }

    /** Takes a step if one is due; true when the set in use changed. */
    boolean step() {
        if (untilStep == 0 && current != target) {
            current += Integer.signum(target - current);
            untilStep = LoudnessCompensation.STEP_FRAMES;
            return true;
        }
        return false;
    }

    /** How many of the {@code remaining} frames run on the current set, and accounts for them. */
    int span(int remaining) {
        int n = untilStep > 0 ? Math.min(untilStep, remaining) : remaining;
        untilStep -= Math.min(untilStep, n);
        return n;
    }

    /** Goes straight to the target. */
    void jump() {
        current = target;
        untilStep = 0;
    }
}
