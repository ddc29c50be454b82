package org.cabintune.dsp.loudness;

import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.profile.Bus;

/**
 * Parameters of a {@link LevelRider} and its twin: the fields of a profile's
 * {@code bus.normalize} in mode {@code auto}, with the same ranges, plus rate and channels.
 *
 * @param sampleRate  samples per second, a multiple of 10 (the rider works in 100 ms blocks)
 * @param channels    1 .. {@link ParamChecks#MAX_CHANNELS}, all riding on one gain
 * @param targetLufs  loudness the programme is brought towards, {@value #MIN_TARGET_LUFS} ..
 *                    {@value #MAX_TARGET_LUFS} LUFS
 * @param maxBoostDb  most the gain raises, 0 .. {@value #MAX_GAIN_DB} dB
 * @param maxCutDb    most the gain lowers, 0 .. {@value #MAX_GAIN_DB} dB
 * @param windowS     time constant of the loudness estimate, {@value #MIN_WINDOW_S} ..
 *                    {@value #MAX_WINDOW_S} s
 * @param speedDbPerS fastest the gain moves, {@value #MIN_SPEED_DB_PER_S} ..
 *                    {@value #MAX_SPEED_DB_PER_S} dB/s
 * @param gateLufs    100 ms blocks quieter than this hold the estimate and the gain,
 *                    {@value #MIN_GATE_LUFS} .. {@value #MAX_GATE_LUFS} LUFS, below the target
 */
public record RiderParams(int sampleRate, int channels, double targetLufs, double maxBoostDb, double maxCutDb,
                          double windowS, double speedDbPerS, double gateLufs) {

    public static final double MIN_TARGET_LUFS = -40.0;
    public static final double MAX_TARGET_LUFS = -5.0;
    public static final double MAX_GAIN_DB = 24.0;
    public static final double MIN_WINDOW_S = 1.0;
    public static final double MAX_WINDOW_S = 60.0;
    public static final double MIN_SPEED_DB_PER_S = 0.1;
    public static final double MAX_SPEED_DB_PER_S = 20.0;
    public static final double MIN_GATE_LUFS = -70.0;
    public static final double MAX_GATE_LUFS = -20.0;
    /** Blocks per second: the estimate and the gain move once per 100 ms block. */
    public static final int BLOCKS_PER_SECOND = 10;

    /** Validates every field; the message names the field, its value and the allowed range. */
    public RiderParams {
        ParamChecks.sampleRate(sampleRate);
        if (sampleRate % BLOCKS_PER_SECOND != 0) {
            throw new IllegalArgumentException("sampleRate = " + sampleRate
                    + " Hz is not a multiple of 10 Hz: the rider works in 100 ms blocks");
        }
        ParamChecks.channels("channels", channels);
        ParamChecks.inRange("targetLufs", targetLufs, MIN_TARGET_LUFS, MAX_TARGET_LUFS, "LUFS");
        ParamChecks.inRange("maxBoostDb", maxBoostDb, 0.0, MAX_GAIN_DB, "dB");
        ParamChecks.inRange("maxCutDb", maxCutDb, 0.0, MAX_GAIN_DB, "dB");
        ParamChecks.inRange("windowS", windowS, MIN_WINDOW_S, MAX_WINDOW_S, "s");
        ParamChecks.inRange("speedDbPerS", speedDbPerS, MIN_SPEED_DB_PER_S, MAX_SPEED_DB_PER_S, "dB/s");
        ParamChecks.inRange("gateLufs", gateLufs, MIN_GATE_LUFS, Math.min(MAX_GATE_LUFS, targetLufs), "LUFS");
    }

    /** The rider of a profile's {@code bus.normalize}. */
    public static RiderParams fromProfile(Bus.Normalize normalize, int sampleRate, int channels) {
        return new RiderParams(sampleRate, channels, normalize.targetLufs(), normalize.maxBoostDb(),
                normalize.maxCutDb(), normalize.windowS(), normalize.speedDbPerS(), normalize.gateLufs());
    }

    /** Samples in one 100 ms block. */
    public int blockFrames() {
        return sampleRate / BLOCKS_PER_SECOND;
    }
}
