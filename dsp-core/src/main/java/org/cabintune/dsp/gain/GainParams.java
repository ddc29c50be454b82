package org.cabintune.dsp.gain;

import java.util.List;
import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.Q824;

/**
 * Parameters of a {@link Gain}: the sample rate, the initial gain of each channel in dB
 * ({@code -inf} = mute, up to {@link #MAX_DB}) and the ramp time of later gain changes.
 *
 * @param sampleRate samples per second, {@link ParamChecks#MIN_SAMPLE_RATE} ..
 *                   {@link ParamChecks#MAX_SAMPLE_RATE}
 * @param gainsDb    initial gain per channel in dB, {@code -inf} .. {@link #MAX_DB}
 * @param rampMs     time a change takes to ramp from the old to the new gain, 0 ..
 *                   {@link #MAX_RAMP_MS} (0 = immediate, which may click)
 */
public record GainParams(int sampleRate, List<Double> gainsDb, double rampMs) {

    /** Highest gain: +24 dB (15.85), inside the Q5.27 coefficient range. */
    public static final double MAX_DB = 24.0;
    /** Highest linear gain, {@code 10^(24/20)}. */
    public static final double MAX_LINEAR = Q824.dbToGain(MAX_DB);
    /** Default ramp time: long enough not to click, short enough to feel immediate. */
    public static final double DEFAULT_RAMP_MS = 10.0;
    /** Longest ramp (a slow fade). */
    public static final double MAX_RAMP_MS = 10_000.0;

    /** Validates every field; the message names the field, its value and the allowed range. */
    public GainParams {
        ParamChecks.sampleRate(sampleRate);
        gainsDb = ParamChecks.channelList("gainsDb", gainsDb);
        for (int c = 0; c < gainsDb.size(); c++) {
            requireGainDb("gainsDb[" + c + "]", gainsDb.get(c));
        }
        ParamChecks.inRange("rampMs", rampMs, 0.0, MAX_RAMP_MS, "ms");
    }

    /** Gains in dB with the {@link #DEFAULT_RAMP_MS default ramp}. */
    public static GainParams ofDb(int sampleRate, double... gainsDb) {
        return new GainParams(sampleRate, boxed(gainsDb), DEFAULT_RAMP_MS);
    }

    /** Linear gains (0 = mute .. {@link #MAX_LINEAR}) with the default ramp. */
    public static GainParams ofLinear(int sampleRate, double... gains) {
        double[] db = new double[gains.length];
        for (int c = 0; c < gains.length; c++) {
            db[c] = Q824.gainToDb(requireLinear("gains[" + c + "]", gains[c]));
        }
        return ofDb(sampleRate, db);
    }

    /** The same gains with another ramp time. */
    public GainParams withRampMs(double newRampMs) {
        return new GainParams(sampleRate, gainsDb, newRampMs);
    }

    /** Number of channels. */
    public int channels() {
        return gainsDb.size();
    }

    /** Ramp length in whole samples, {@code round(rampMs * sampleRate / 1000)}. */
    public int rampSamples() {
        return (int) Math.round(rampMs * sampleRate / 1000.0);
    }

    /** Refuses a gain outside {@code -inf .. +24 dB} (NaN included), naming {@code name}. */
    public static double requireGainDb(String name, double gainDb) {
        return ParamChecks.inRange(name, gainDb, Double.NEGATIVE_INFINITY, MAX_DB, "dB");
    }

    /** Refuses a linear gain outside {@code 0 .. 15.85} (NaN included), naming {@code name}. */
    public static double requireLinear(String name, double gain) {
        return ParamChecks.inRange(name, gain, 0.0, MAX_LINEAR, "");
    }

    /**
     * dB to the linear factor both Gain and its twin use: clamped to the allowed range so a
     * value that slipped past validation cannot reach the audio; NaN mutes, the safe side.
     */
    static double linear(double gainDb) {
        if (Double.isNaN(gainDb)) {
            return 0.0;
        }
        return Math.min(Q824.dbToGain(gainDb), MAX_LINEAR);
    }

    /** Linear gain clamped to {@code 0 .. MAX_LINEAR}; NaN mutes. */
    static double clampLinear(double gain) {
        return Double.isNaN(gain) ? 0.0 : Math.clamp(gain, 0.0, MAX_LINEAR);
    }

    private static List<Double> boxed(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return List.of(boxed);
    }
}
