package org.cabintune.dsp.dynamics;

import java.util.Arrays;

/**
 * One gain envelope of the fixed-point limiter: peak estimates in, Q1.30 gains out.
 *
 * <p>Per sample, in this order (see {@link LimiterDesign} for why the lengths guarantee the
 * gain is down before the peak leaves the delay line):
 * <ol>
 *   <li><b>Running maximum</b> of the peak estimates over the last {@code window} samples,
 *       block-wise (van Herk / Gil-Werman): the maximum of the current block so far and the
 *       precomputed suffix maximum of the previous block, three operations per sample
 *       whatever the input and without data-dependent branches (a monotonic deque measured
 *       2.3 times slower on noise, its pops mispredicting). The minimum of the required gain
 *       over a window is the threshold over this maximum, so at most one division per sample
 *       is needed, and none while the maximum is unchanged or below the threshold.</li>
 *   <li><b>Gain computer</b>: {@code r = min(1, threshold / max)}, rounded down.</li>
 *   <li><b>Release</b>: the held gain follows r at once when r is lower, else rises toward
 *       it by a one-pole step, {@code e += (r - e) (1 - exp(-1 / tau))}, rounded down, so
 *       e never exceeds r.</li>
 *   <li><b>Attack</b>: a moving average of e over {@code attack} samples, rounded down. Its
 *       step response is a linear ramp that completes in exactly {@code attack} samples.</li>
 * </ol>
 *
 * <p><b>Formats.</b> Peaks are magnitudes in units of 2^-30 full scale ({@code long}). The
 * gain r and the averaged gain are Q1.30 ({@code 1 << 30} = unity; a limiter never boosts).
 * The release state is Q1.62 in a {@code long}: the release step of a 2 s time constant at
 * 96 kHz is 5e-6 of the remaining distance, which in Q1.30 would stall 1.8e-4 short of
 * unity; in Q1.62 it stalls 4e-14 short, which rounds to exactly unity, so the limiter becomes
 * bit-transparent again after it lets go. The moving average keeps an exact integer sum and
 * divides by multiplying with {@code floor(2^40 / attack)} (relative error below 5e-10, on
 * the low, safe side); a window of unity gains is recognised and gives exactly unity.
 */
final class LimiterEnvelope {

    static final int ONE = 1 << 30;
    private static final long STATE_ONE = 1L << 62;
    private static final long STATE_HALF = 1L << 31;

    private final long threshold;
    private final long thresholdScaled;
    private final int window;
    private final int attack;
    private final long attackFull;
    private final long attackReciprocal;
    private final long releaseStep;

    /** The current block of {@code window} peak estimates, filled from index 0. */
    private final long[] block;
    /** Suffix maxima of the previous block; {@code suffix[window]} stays 0. */
    private final long[] suffix;
    private int position;
    /** Maximum of the current block so far. */
    private long prefix;

    private long state;
    private final int[] ring;
    private int ringAt;
    private long sum;

    private long cachedPeak;
    private int cachedGain;

    LimiterEnvelope(LimiterDesign design) {
        threshold = (long) Math.floor(Math.scalb(design.threshold, 30));
        thresholdScaled = threshold << 30;
        window = design.window;
        attack = design.attack;
        attackFull = (long) attack * ONE;
        attackReciprocal = (1L << 40) / attack;
        releaseStep = (long) Math.floor(Math.scalb(design.releaseStep, 64));
        block = new long[window];
        suffix = new long[window + 1];
        ring = new int[attack];
        reset();
    }

    /** Turns {@code n} peak estimates into {@code n} gains. */
    void run(long[] peaks, int[] gains, int n) {
        long[] blk = block;
        long[] suf = suffix;
        int w = window;
        int pos = position;
        long pre = prefix;
        long e = state;
        long s = sum;
        int at = ringAt;
        int[] r = ring;
        for (int i = 0; i < n; i++) {
            // Running maximum over the last w estimates: the current block up to here and
            // the previous block from the next position on.
            long p = peaks[i];
            blk[pos] = p;
            pre = Math.max(pre, p);
            long max = Math.max(pre, suf[pos + 1]);
            if (++pos == w) {
                suffixMaxima(blk, suf, w);
                pos = 0;
                pre = 0;
            }
            long target = (long) required(max) << 32;
            e = target <= e ? target : e + Math.multiplyHigh(target - e, releaseStep);
            int q = (int) ((e + STATE_HALF) >>> 32);
            s += q - r[at];
            r[at] = q;
            at = at + 1 == attack ? 0 : at + 1;
            gains[i] = s == attackFull ? ONE : (int) Math.multiplyHigh(s << 24, attackReciprocal);
        }
        position = pos;
        prefix = pre;
        state = e;
        sum = s;
        ringAt = at;
    }

    /** A full block's suffix maxima, for the next block's windows. */
    private static void suffixMaxima(long[] block, long[] suffix, int w) {
        long run = 0;
        for (int k = w - 1; k >= 0; k--) {
            run = Math.max(run, block[k]);
            suffix[k] = run;
        }
    }

    /** Peak estimates at or below this (units of 2^-30 full scale) ask for no reduction. */
    long threshold() {
        return threshold;
    }

    /**
     * Whether the envelope is at rest: every gain out is exactly unity for as long as the
     * estimates in stay at or below {@link #threshold()}. The release has come back far enough
     * that it rounds to unity, the attack's window is all unity, and nothing above the
     * threshold is left in the running maximum's two blocks (which hold more than its window).
     *
     * <p>The release state itself stalls a little short of unity, where its rounded-down step
     * becomes zero (far less than half a Q1.30 step, see the class comment), so "rounds to
     * unity" is the test, not "is unity". {@link #idle} then leaves the state where it is while
     * {@link #run} would creep on below the rounding: both give unity, and the first target
     * under unity replaces either state alike, so the gains never differ.
     */
    boolean atRest() {
        return state >= STATE_ONE - STATE_HALF && sum == attackFull && prefix <= threshold
                && suffix[0] <= threshold;
    }

    /**
     * What {@link #run} does, at rest, with {@code n} estimates at or below the threshold: the
     * gains are all unity and only the running maximum moves on. It records zeros for the
     * estimates it was not given; while they are at or below the threshold any of them gives
     * the same gains, because a maximum that involves them asks for unity either way.
     */
    void idle(int n) {
        int left = n;
        while (left > 0) {
            int step = Math.min(left, window - position);
            Arrays.fill(block, position, position + step, 0);
            position += step;
            left -= step;
            if (position == window) {
                suffixMaxima(block, suffix, window);
                position = 0;
                prefix = 0;
            }
        }
        ringAt = (int) ((ringAt + (long) n) % attack);
    }

    /** Q1.30 gain that brings {@code peak} to the threshold, rounded down; unity below it. */
    private int required(long peak) {
        if (peak <= threshold) {
            return ONE;
        }
        if (peak != cachedPeak) {
            cachedPeak = peak;
            cachedGain = (int) (thresholdScaled / peak);
        }
        return cachedGain;
    }

    /** The gain the last sample got, as a double. */
    double lastGain() {
        return sum == attackFull ? 1.0 : (double) Math.multiplyHigh(sum << 24, attackReciprocal) / ONE;
    }

    void reset() {
        Arrays.fill(block, 0);
        Arrays.fill(suffix, 0);
        position = 0;
        prefix = 0;
        state = STATE_ONE;
        Arrays.fill(ring, ONE);
        ringAt = 0;
        sum = attackFull;
        cachedPeak = -1;
        cachedGain = ONE;
    }
}
