package org.cabintune.dsp.gain;

import java.util.Arrays;
import org.cabintune.dsp.Block;
import org.cabintune.dsp.Q527;

/**
 * Per-channel gain, -inf (mute) .. +24 dB, whose changes ramp so they never click.
 *
 * <p><b>Format.</b> The gain applied to a sample is a Q5.27 coefficient ({@link Q527}): the
 * 64-bit product is rounded to nearest and saturated, so gain never wraps the sign of a
 * full-scale sample and digital silence stays exactly zero. While ramping, the gain is held
 * in Q5.59 (the Q5.27 value with 32 more fractional bits) so that a step far below one
 * coefficient LSB still accumulates; each sample's coefficient is that value rounded to Q5.27.
 *
 * <p><b>Ramps.</b> {@link #setTargetDb}/{@link #setTargetLinear} start a ramp that is linear
 * in amplitude and lasts {@link GainParams#rampSamples()} samples whatever its size (so a
 * fade to mute takes as long as a 1 dB nudge). A new target during a ramp starts a fresh ramp
 * from the gain reached so far. The first ramp sample already moves by one step and the last
 * one lands exactly on the target coefficient; a target of mute is then exactly 0, so output
 * is exactly zero afterwards. Linear rather than exponential because it reaches exact zero
 * in finite time and bounds the jump it adds: for output {@code y[n] = g[n] x[n]},
 * <pre>
 *   |y[n] - y[n-1]| &lt;= max(g) |x[n] - x[n-1]| + |g_target - g_start| / rampSamples * |x[n-1]|
 * </pre>
 * plus rounding (two output LSB for |x| up to full scale: half an LSB on each output and the
 * Q5.27 rounding of each sample's coefficient): the signal's own slope plus the ramp step,
 * never a jump.
 *
 * <p><b>Threading.</b> Like {@link #process}, the setters belong to the audio thread and are
 * called between periods (the engine applies queued control messages at period boundaries).
 * They allocate nothing and never throw: an out-of-range target is clamped and NaN mutes;
 * validate user input at the edge with {@link GainParams#requireGainDb}.
 */
public final class Gain implements Block {

    /** Bits added below the Q5.27 coefficient while ramping. */
    private static final int RAMP_BITS = 32;
    private static final long RAMP_HALF = 1L << (RAMP_BITS - 1);

    private final int rampSamples;
    private final int[] initial;
    /** Gain reached so far, Q5.59. */
    private final long[] current;
    /** Ramp end point, Q5.59 (always a whole Q5.27 value shifted up). */
    private final long[] target;
    /** Per-sample increment of {@code current}, Q5.59. */
    private final long[] step;
    /** Samples left in the ramp, 0 when steady. */
    private final int[] remaining;

    /** Builds the block at the initial gains of {@code params}, not ramping. */
    public Gain(GainParams params) {
        int channels = params.channels();
        rampSamples = params.rampSamples();
        initial = new int[channels];
        current = new long[channels];
        target = new long[channels];
        step = new long[channels];
        remaining = new int[channels];
        for (int c = 0; c < channels; c++) {
            initial[c] = Q527.fromDouble(GainParams.linear(params.gainsDb().get(c)));
        }
        reset();
    }

    /** Number of channels. */
    public int channels() {
        return initial.length;
    }

    /** Ramps channel {@code channel} to {@code gainDb} (clamped to -inf .. +24; NaN mutes). */
    public void setTargetDb(int channel, double gainDb) {
        startRamp(channel, Q527.fromDouble(GainParams.linear(gainDb)));
    }

    /** Ramps channel {@code channel} to a linear gain (clamped to 0 .. 15.85; NaN mutes). */
    public void setTargetLinear(int channel, double gain) {
        startRamp(channel, Q527.fromDouble(GainParams.clampLinear(gain)));
    }

    /** Whether {@code channel} is still ramping. */
    public boolean isRamping(int channel) {
        return remaining[channel] > 0;
    }

    /** The coefficient the next steady sample of {@code channel} gets, as a double. */
    public double currentGain(int channel) {
        return Q527.toDouble(coefficient(current[channel]));
    }

    private void startRamp(int channel, int coefficient) {
        long end = (long) coefficient << RAMP_BITS;
        target[channel] = end;
        if (rampSamples == 0 || end == current[channel]) {
            current[channel] = end;
            step[channel] = 0;
            remaining[channel] = 0;
            return;
        }
        // Truncating division leaves at most rampSamples units of 2^-59 short, far below the
        // half coefficient LSB (2^31 units), so the last ramp sample still rounds onto target.
        step[channel] = (end - current[channel]) / rampSamples;
        remaining[channel] = rampSamples;
    }

    @Override
    public void process(int[][] channels, int frames) {
        process(channels, 0, frames);
    }

    /** Processes {@code channels[c][offset..offset + frames)} of every channel in place. */
    public void process(int[][] channels, int offset, int frames) {
        int end = offset + frames;
        for (int c = 0; c < initial.length; c++) {
            int[] x = channels[c];
            int n = offset;
            if (remaining[c] > 0) {
                int ramp = Math.min(remaining[c], frames);
                n = offset + ramp;
                long g = current[c];
                long s = step[c];
                for (int i = offset; i < n; i++) {
                    g += s;
                    x[i] = Q527.multiply(x[i], coefficient(g));
                }
                remaining[c] -= ramp;
                current[c] = remaining[c] == 0 ? target[c] : g;
            }
            applySteady(x, n, end, coefficient(current[c]));
        }
    }

    private static void applySteady(int[] x, int from, int to, int g) {
        if (g == Q527.ONE) {
            return;
        }
        if (g == 0) {
            Arrays.fill(x, from, to, 0);
            return;
        }
        for (int i = from; i < to; i++) {
            x[i] = Q527.multiply(x[i], g);
        }
    }

    private static int coefficient(long q559) {
        return (int) ((q559 + RAMP_HALF) >> RAMP_BITS);
    }

    /** Back to the initial gains of the parameters, not ramping. */
    @Override
    public void reset() {
        for (int c = 0; c < initial.length; c++) {
            current[c] = (long) initial[c] << RAMP_BITS;
            target[c] = current[c];
            step[c] = 0;
            remaining[c] = 0;
        }
    }
}
