package org.cabintune.dsp.meter;

import org.cabintune.dsp.ParamChecks;

/**
 * Parameters of a {@link Meter}.
 *
 * @param sampleRate           samples per second, {@link ParamChecks#MIN_SAMPLE_RATE} ..
 *                             {@link ParamChecks#MAX_SAMPLE_RATE}
 * @param channels             1 .. {@link ParamChecks#MAX_CHANNELS}
 * @param rmsWindowMs          length of the rectangular RMS window, 1 .. {@link #MAX_WINDOW_MS}
 * @param peakHoldMs           how long a new peak is held before it decays, 0 ..
 *                             {@link #MAX_HOLD_MS}
 * @param peakDecayDbPerSecond fall rate after the hold, 0 (hold forever) ..
 *                             {@link #MAX_DECAY_DB_PER_SECOND}
 */
public record MeterParams(int sampleRate, int channels, double rmsWindowMs, double peakHoldMs,
        double peakDecayDbPerSecond) {

    /** Default RMS window: 300 ms, the integration time of a VU meter. */
    public static final double DEFAULT_WINDOW_MS = 300.0;
    /** Default peak hold, long enough for a display polled a few times a second. */
    public static final double DEFAULT_HOLD_MS = 1000.0;
    /** Default fall rate, close to an IEC 60268-10 Type I PPM (20 dB in 1.7 s). */
    public static final double DEFAULT_DECAY_DB_PER_SECOND = 12.0;
    /** Longest RMS window (the history buffer is one int per sample). */
    public static final double MAX_WINDOW_MS = 1000.0;
    /** Longest peak hold. */
    public static final double MAX_HOLD_MS = 10_000.0;
    /** Fastest fall rate. */
    public static final double MAX_DECAY_DB_PER_SECOND = 1000.0;

    /** Validates every field; the message names the field, its value and the allowed range. */
    public MeterParams {
        ParamChecks.sampleRate(sampleRate);
        ParamChecks.channels("channels", channels);
        ParamChecks.inRange("rmsWindowMs", rmsWindowMs, 1.0, MAX_WINDOW_MS, "ms");
        ParamChecks.inRange("peakHoldMs", peakHoldMs, 0.0, MAX_HOLD_MS, "ms");
        ParamChecks.inRange("peakDecayDbPerSecond", peakDecayDbPerSecond, 0.0,
                MAX_DECAY_DB_PER_SECOND, "dB/s");
    }

    /** Default window, hold and decay. */
    public static MeterParams of(int sampleRate, int channels) {
        return new MeterParams(sampleRate, channels, DEFAULT_WINDOW_MS, DEFAULT_HOLD_MS,
                DEFAULT_DECAY_DB_PER_SECOND);
    }

    /** RMS window in whole samples (at least 1). */
    public int windowSamples() {
        return Math.max(1, (int) Math.round(rmsWindowMs * sampleRate / 1000.0));
    }

    /** Peak hold in whole samples. */
    public int holdSamples() {
        return (int) Math.round(peakHoldMs * sampleRate / 1000.0);
    }

    /**
     * The fraction the held peak loses each sample after the hold:
     * {@code 1 - 10^(-decay / (20 fs))}, written with expm1 to keep its precision.
     */
    public double decayPerSample() {
        return -Math.expm1(-peakDecayDbPerSecond * Math.log(10) / (20.0 * sampleRate));
    }
}
