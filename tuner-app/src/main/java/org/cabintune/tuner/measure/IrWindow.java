package org.cabintune.tuner.measure;

/**
 * The part of an impulse response a frequency response is computed from, with half-Hann
 * tapers at both ends: weight 0 at {@code start} rising to 1 at {@code riseEnd}, 1 up to
 * {@code fallStart}, falling to 0 at {@code end}.
 *
 * <p>{@link #automatic} sizes the window from the response itself: it starts
 * {@value #LEFT_SECONDS} s before the peak (rising over the first half of that) and ends where
 * the response's envelope, in {@value #BLOCK_SECONDS} s blocks, has last been more than twice
 * the noise's RMS, plus 30 % (at least 10 ms) over which it tapers. So a response is kept as
 * long as it stands above the noise and no longer: windowing away a real decay would bias the
 * bass; windowing in noise adds ripple.
 *
 * @param start     first sample (weight 0)
 * @param riseEnd   first sample of full weight
 * @param fallStart first sample after the full-weight part
 * @param end       one past the last sample
 */
public record IrWindow(int start, int riseEnd, int fallStart, int end) {

    /** Room before the peak. */
    public static final double LEFT_SECONDS = 0.02;
    /** Envelope block length for the automatic right edge. */
    public static final double BLOCK_SECONDS = 0.005;
    /** Shortest automatic right side: long enough to resolve 20 Hz (a sixth of a cycle per bin). */
    public static final double MIN_RIGHT_SECONDS = 0.3;

    /** Checks the order of the edges. */
    public IrWindow {
        if (!(0 <= start && start <= riseEnd && riseEnd <= fallStart && fallStart <= end && start < end)) {
            throw new IllegalArgumentException("window edges " + start + ", " + riseEnd + ", " + fallStart + ", " + end
                    + " must rise, and start >= 0");
        }
    }

    /** Window weight at sample i. */
    public double weight(int i) {
        if (i < start || i >= end) {
            return 0;
        }
        if (i < riseEnd) {
            return 0.5 - 0.5 * Math.cos(Math.PI * (i - start) / (riseEnd - start));
        }
        if (i < fallStart) {
            return 1;
        }
        return 0.5 + 0.5 * Math.cos(Math.PI * (i - fallStart + 1) / (end - fallStart + 1));
    }

    /** Samples covered. */
    public int length() {
        return end - start;
    }

    /** Sum of squared weights: what scales a noise power seen through this window. */
    public double energy() {
        double sum = 0;
        for (int i = start; i < end; i++) {
            double w = weight(i);
            sum += w * w;
        }
        return sum;
    }

    /** The automatic window described above; {@code limit} is the first sample it may not reach. */
    public static IrWindow automatic(double[] h, int peak, double noiseRms, int limit, double sampleRate) {
        int left = (int) Math.round(LEFT_SECONDS * sampleRate);
        int start = Math.max(0, peak - left);
        int riseEnd = Math.min(peak, start + left / 2);
        int block = Math.max(1, (int) Math.round(BLOCK_SECONDS * sampleRate));
        int lastAbove = peak + 1;
        double threshold = 4 * noiseRms * noiseRms * block;
        for (int b = peak; b + block <= limit; b += block) {
            double energy = 0;
            for (int i = b; i < b + block; i++) {
                energy += h[i] * h[i];
            }
            if (energy > threshold) {
                lastAbove = b + block;
            }
        }
        int minRight = (int) Math.round(MIN_RIGHT_SECONDS * sampleRate);
        lastAbove = Math.max(lastAbove, Math.min(limit - 1, peak + minRight));
        int margin = Math.max((int) Math.round(0.01 * sampleRate), (int) (0.3 * (lastAbove - peak)));
        int end = Math.min(limit, lastAbove + margin);
        int fallStart = Math.min(lastAbove, end - 1);
        return new IrWindow(start, riseEnd, Math.max(riseEnd, fallStart), end);
    }
}
