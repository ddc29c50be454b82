package org.cabintune.dsp.dynamics;

import java.util.List;
import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.Q824;

/**
 * Parameters of a {@link TruePeakLimiter} and its twin {@link TruePeakLimiterReference}.
 *
 * @param sampleRate   samples per second, one of {@link #SAMPLE_RATES}
 * @param channels     1 .. {@link #MAX_CHANNELS}
 * @param ceilingDbtp  highest true peak the output may reach, dBTP,
 *                     {@value #MIN_CEILING_DBTP} .. {@value #MAX_CEILING_DBTP}
 * @param lookaheadMs  how far the detector sees ahead of the output, which is also the
 *                     block's latency, {@value #MIN_LOOKAHEAD_MS} .. {@value #MAX_LOOKAHEAD_MS}
 *                     ms
 * @param releaseMs    time constant of the recovery after gain reduction,
 *                     {@value #MIN_RELEASE_MS} .. {@value #MAX_RELEASE_MS} ms
 * @param linked       true: all channels share one gain (the stereo image stays put);
 *                     false: each channel has its own gain
 * @param oversampling oversampling factor of the peak detector, one of
 *                     {@link #OVERSAMPLING_FACTORS}
 */
public record LimiterParams(int sampleRate, int channels, double ceilingDbtp, double lookaheadMs,
        double releaseMs, boolean linked, int oversampling) {

    /** The sample rates the limiter is built and tested for. */
    public static final List<Integer> SAMPLE_RATES = List.of(44_100, 48_000, 88_200, 96_000);
    /** Most channels: one 8-output head unit. */
    public static final int MAX_CHANNELS = 8;
    /** Lowest ceiling, dBTP. */
    public static final double MIN_CEILING_DBTP = -20.0;
    /** Highest ceiling: full scale. */
    public static final double MAX_CEILING_DBTP = 0.0;
    /** Shortest look-ahead: room for the detector's interpolator and a short attack ramp. */
    public static final double MIN_LOOKAHEAD_MS = 0.5;
    /** Longest look-ahead. */
    public static final double MAX_LOOKAHEAD_MS = 5.0;
    /** Fastest release. */
    public static final double MIN_RELEASE_MS = 1.0;
    /** Slowest release. */
    public static final double MAX_RELEASE_MS = 2000.0;
    /** Detector oversampling factors: 4x (ITU-R BS.1770's) and 8x. */
    public static final List<Integer> OVERSAMPLING_FACTORS = List.of(4, 8);
    /** Default detector oversampling, as in ITU-R BS.1770-5 Annex 2. */
    public static final int DEFAULT_OVERSAMPLING = 4;

    /** Validates every field; the message names the field, its value and the allowed range. */
    public LimiterParams {
        oneOf("sampleRate", sampleRate, SAMPLE_RATES, "Hz");
        ParamChecks.inRange("channels", channels, 1, MAX_CHANNELS, "");
        ParamChecks.inRange("ceilingDbtp", ceilingDbtp, MIN_CEILING_DBTP, MAX_CEILING_DBTP,
                "dBTP");
        ParamChecks.inRange("lookaheadMs", lookaheadMs, MIN_LOOKAHEAD_MS, MAX_LOOKAHEAD_MS, "ms");
        ParamChecks.inRange("releaseMs", releaseMs, MIN_RELEASE_MS, MAX_RELEASE_MS, "ms");
        oneOf("oversampling", oversampling, OVERSAMPLING_FACTORS, "");
    }

    /** Linked channels and the {@link #DEFAULT_OVERSAMPLING default} 4x detector. */
    public static LimiterParams of(int sampleRate, int channels, double ceilingDbtp,
            double lookaheadMs, double releaseMs) {
        return new LimiterParams(sampleRate, channels, ceilingDbtp, lookaheadMs, releaseMs, true,
                DEFAULT_OVERSAMPLING);
    }

    /** The same with channels linked or not. */
    public LimiterParams withLinked(boolean newLinked) {
        return new LimiterParams(sampleRate, channels, ceilingDbtp, lookaheadMs, releaseMs,
                newLinked, oversampling);
    }

    /** The same with another detector oversampling factor. */
    public LimiterParams withOversampling(int factor) {
        return new LimiterParams(sampleRate, channels, ceilingDbtp, lookaheadMs, releaseMs,
                linked, factor);
    }

    /** The same with another ceiling. */
    public LimiterParams withCeilingDbtp(double dbtp) {
        return new LimiterParams(sampleRate, channels, dbtp, lookaheadMs, releaseMs, linked,
                oversampling);
    }

    /** Look-ahead (and latency) in whole samples, {@code round(lookaheadMs * sampleRate / 1000)}. */
    public int lookaheadSamples() {
        return (int) Math.round(lookaheadMs * sampleRate / 1000.0);
    }

    /** Release time constant in samples (not rounded). */
    public double releaseSamples() {
        return releaseMs * sampleRate / 1000.0;
    }

    /** The ceiling as a linear amplitude (1.0 = 0 dBFS). */
    public double ceilingLinear() {
        return Q824.dbToGain(ceilingDbtp);
    }

    private static void oneOf(String name, int value, List<Integer> allowed, String unit) {
        if (!allowed.contains(value)) {
            String u = unit.isEmpty() ? "" : " " + unit;
            throw new IllegalArgumentException(name + " = " + value + u
                    + " is not one of the allowed values " + allowed + u);
        }
    }
}
