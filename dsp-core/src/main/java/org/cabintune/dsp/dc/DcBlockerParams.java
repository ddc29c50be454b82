package org.cabintune.dsp.dc;

import org.cabintune.dsp.ParamChecks;

/**
 * Parameters of a {@link DcBlocker}.
 *
 * @param sampleRate samples per second, {@link ParamChecks#MIN_SAMPLE_RATE} ..
 *                   {@link ParamChecks#MAX_SAMPLE_RATE}
 * @param channels   1 .. {@link ParamChecks#MAX_CHANNELS}
 * @param cornerHz   -3 dB frequency, {@link #MIN_CORNER_HZ} .. {@link #MAX_CORNER_HZ}
 */
public record DcBlockerParams(int sampleRate, int channels, double cornerHz) {

    /** Default corner: well below the 20 Hz audio band (-0.26 dB at 20 Hz) yet quick to settle. */
    public static final double DEFAULT_CORNER_HZ = 5.0;
    /** Lowest corner. */
    public static final double MIN_CORNER_HZ = 1.0;
    /** Highest corner: above it the blocker would eat audible bass. */
    public static final double MAX_CORNER_HZ = 20.0;

    /** Validates every field; the message names the field, its value and the allowed range. */
    public DcBlockerParams {
        ParamChecks.sampleRate(sampleRate);
        ParamChecks.channels("channels", channels);
        ParamChecks.inRange("cornerHz", cornerHz, MIN_CORNER_HZ, MAX_CORNER_HZ, "Hz");
    }

    /** The {@link #DEFAULT_CORNER_HZ default corner}. */
    public static DcBlockerParams of(int sampleRate, int channels) {
        return new DcBlockerParams(sampleRate, channels, DEFAULT_CORNER_HZ);
    }

    /**
     * The design both DcBlocker and its twin use: {@code K = 1 - R} for
     * {@code y[n] = x[n] - x[n-1] + R y[n-1]}, chosen so |H| is exactly -3 dB (one half in
     * power) at {@code cornerHz}. With {@code s = 1 - cos(wc) = 2 sin^2(wc/2)}, solving
     * {@code |H(wc)|^2 = 1/2} for R gives {@code K = s + sqrt(s (2 + s))}, written in s so
     * that it keeps full precision when wc is tiny (K is about wc, 6.5e-4 for 5 Hz at 48 kHz).
     */
    public double feedbackDecrement() {
        double half = Math.sin(Math.PI * cornerHz / sampleRate);
        double s = 2 * half * half;
        return s + Math.sqrt(s * (2 + s));
    }
}
