package org.cabintune.dsp.delay;

import java.util.List;
import org.cabintune.dsp.ParamChecks;

/**
 * Parameters of a {@link Delay}: the sample rate and each channel's delay in milliseconds.
 *
 * @param sampleRate samples per second, {@link ParamChecks#MIN_SAMPLE_RATE} ..
 *                   {@link ParamChecks#MAX_SAMPLE_RATE}
 * @param delaysMs   delay per channel, 0 .. {@link #MAX_MS} ms (about 6.9 m of path length,
 *                   more than any cabin needs)
 */
public record DelayParams(int sampleRate, List<Double> delaysMs) {

    /** Longest delay: 20 ms, 1920 samples at 96 kHz. */
    public static final double MAX_MS = 20.0;

    /** Validates every field; the message names the field, its value and the allowed range. */
    public DelayParams {
        ParamChecks.sampleRate(sampleRate);
        delaysMs = ParamChecks.channelList("delayMs", delaysMs);
        for (int c = 0; c < delaysMs.size(); c++) {
            ParamChecks.inRange("delayMs[" + c + "]", delaysMs.get(c), 0.0, MAX_MS, "ms");
        }
    }

    /** One delay in ms per channel. */
    public static DelayParams ofMs(int sampleRate, double... delaysMs) {
        Double[] boxed = new Double[delaysMs.length];
        for (int i = 0; i < delaysMs.length; i++) {
            boxed[i] = delaysMs[i];
        }
        return new DelayParams(sampleRate, List.of(boxed));
    }

    /** One delay in samples per channel (converted to ms; 0 .. 20 ms worth). */
    public static DelayParams ofSamples(int sampleRate, double... delaysSamples) {
        double[] ms = new double[delaysSamples.length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = delaysSamples[i] * 1000.0 / sampleRate;
        }
        return ofMs(sampleRate, ms);
    }

    /** Number of channels. */
    public int channels() {
        return delaysMs.size();
    }

    /** Delay of {@code channel} in samples, {@code delayMs * sampleRate / 1000}. */
    public double delaySamples(int channel) {
        return delaysMs.get(channel) * sampleRate / 1000.0;
    }
}
