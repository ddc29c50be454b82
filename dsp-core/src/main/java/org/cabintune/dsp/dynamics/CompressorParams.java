package org.cabintune.dsp.dynamics;

import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.profile.Bus;

/**
 * One band of a {@link MultibandCompressor}: the fields and ranges of a profile's
 * {@code bus.multiband.bands[i]} ({@link Bus.Band}).
 *
 * @param thresholdDb level where the knee is centred, dBFS, {@value #MIN_THRESHOLD_DB} .. 0
 * @param ratio       dB over threshold in per dB out, 1 (no compression) .. {@value #MAX_RATIO}
 * @param kneeDb      width of the soft knee, dB, 0 (hard) .. {@value #MAX_KNEE_DB}
 * @param attackMs    time constant of a rising gain reduction, ms, {@value #MIN_ATTACK_MS} ..
 *                    {@value #MAX_ATTACK_MS}
 * @param releaseMs   time constant of a falling gain reduction, ms, {@value #MIN_RELEASE_MS} ..
 *                    {@value #MAX_RELEASE_MS}
 * @param makeupDb    gain after compression, dB, {@value #MIN_MAKEUP_DB} .. {@value #MAX_MAKEUP_DB}
 */
public record CompressorParams(double thresholdDb, double ratio, double kneeDb, double attackMs,
                               double releaseMs, double makeupDb) {

    /** Lowest threshold, dBFS. */
    public static final double MIN_THRESHOLD_DB = -60.0;
    /** Highest ratio; 20:1 is already a limiter. */
    public static final double MAX_RATIO = 20.0;
    /** Widest knee, dB. */
    public static final double MAX_KNEE_DB = 24.0;
    /** Shortest attack, ms. */
    public static final double MIN_ATTACK_MS = 0.1;
    /** Longest attack, ms. */
    public static final double MAX_ATTACK_MS = 500.0;
    /** Shortest release, ms. */
    public static final double MIN_RELEASE_MS = 1.0;
    /** Longest release, ms. */
    public static final double MAX_RELEASE_MS = 5000.0;
    /** Lowest makeup gain, dB. */
    public static final double MIN_MAKEUP_DB = -12.0;
    /** Highest makeup gain, dB: with no gain reduction it still fits a Q5.27 coefficient. */
    public static final double MAX_MAKEUP_DB = 24.0;

    /** Validates every field; the message names the field, its value and the allowed range. */
    public CompressorParams {
        check("", thresholdDb, ratio, kneeDb, attackMs, releaseMs, makeupDb);
    }

    /**
     * A band that passes its signal unchanged (ratio 1, makeup 0); attack and release are the
     * profile defaults, so raising the ratio later gives ordinary ballistics.
     */
    public static CompressorParams unity() {
        return new CompressorParams(0.0, 1.0, 0.0, 10.0, 150.0, 0.0);
    }

    /**
     * The band of a profile; a value out of range is reported under {@code path}, e.g.
     * {@code bands[1].ratio = 0.5 is outside the allowed range 1.0 .. 20.0}.
     */
    public static CompressorParams of(String path, Bus.Band band) {
        check(path + ".", band.thresholdDb(), band.ratio(), band.kneeDb(), band.attackMs(),
                band.releaseMs(), band.makeupDb());
        return new CompressorParams(band.thresholdDb(), band.ratio(), band.kneeDb(),
                band.attackMs(), band.releaseMs(), band.makeupDb());
    }

    /** The same band with another threshold. */
    public CompressorParams withThresholdDb(double value) {
        return new CompressorParams(value, ratio, kneeDb, attackMs, releaseMs, makeupDb);
    }

    /** The same band with another ratio. */
    public CompressorParams withRatio(double value) {
        return new CompressorParams(thresholdDb, value, kneeDb, attackMs, releaseMs, makeupDb);
    }

    /** The same band with another knee width. */
    public CompressorParams withKneeDb(double value) {
        return new CompressorParams(thresholdDb, ratio, value, attackMs, releaseMs, makeupDb);
    }

    /** The same band with other attack and release times. */
    public CompressorParams withTimesMs(double attack, double release) {
        return new CompressorParams(thresholdDb, ratio, kneeDb, attack, release, makeupDb);
    }

    /** The same band with another makeup gain. */
    public CompressorParams withMakeupDb(double value) {
        return new CompressorParams(thresholdDb, ratio, kneeDb, attackMs, releaseMs, value);
    }

    private static void check(String prefix, double thresholdDb, double ratio, double kneeDb,
                              double attackMs, double releaseMs, double makeupDb) {
        ParamChecks.inRange(prefix + "thresholdDb", thresholdDb, MIN_THRESHOLD_DB, 0.0, "dB");
        ParamChecks.inRange(prefix + "ratio", ratio, 1.0, MAX_RATIO, "");
        ParamChecks.inRange(prefix + "kneeDb", kneeDb, 0.0, MAX_KNEE_DB, "dB");
        ParamChecks.inRange(prefix + "attackMs", attackMs, MIN_ATTACK_MS, MAX_ATTACK_MS, "ms");
        ParamChecks.inRange(prefix + "releaseMs", releaseMs, MIN_RELEASE_MS, MAX_RELEASE_MS, "ms");
        ParamChecks.inRange(prefix + "makeupDb", makeupDb, MIN_MAKEUP_DB, MAX_MAKEUP_DB, "dB");
    }
}
