package org.cabintune.dsp.sweep;

import org.cabintune.dsp.ParamChecks;

/**
 * The parameters of a measurement stimulus: an exponential sine sweep (Farina) from
 * {@code startHz} to {@code endHz} over {@code seconds}, at a peak level of {@code levelDbfs},
 * optionally with the acoustic timing markers (see {@link SweepLayout}). Everything else (fades,
 * silences, the markers' band and length) is fixed by the constants here, so these six values
 * name the stimulus exactly.
 *
 * @param sampleRate frames per second, {@value ParamChecks#MIN_SAMPLE_RATE} to
 *                   {@value ParamChecks#MAX_SAMPLE_RATE} Hz
 * @param startHz    first frequency of the sweep, 1 Hz up to {@code endHz / 4}
 * @param endHz      last frequency, at most half the sample rate
 * @param seconds    length of the sweep itself, {@value #MIN_SECONDS} to {@value #MAX_SECONDS} s
 * @param levelDbfs  peak level of sweep and markers, {@value #MIN_LEVEL_DBFS} to 0 dBFS
 * @param markers    whether the stimulus carries the timing markers on a second channel
 */
public record SweepSpec(int sampleRate, double startHz, double endHz, double seconds, double levelDbfs,
                        boolean markers) {

    /** Default first frequency: an octave below the audible band, so 20 Hz is past the fade-in. */
    public static final double DEFAULT_START_HZ = 10;
    /** Default last frequency, capped at {@value #DEFAULT_END_FRACTION} of the sample rate. */
    public static final double DEFAULT_END_HZ = 24_000;
    /** Fraction of the sample rate the default last frequency stays under (keeps the fade-out above 20 kHz at 48 kHz). */
    public static final double DEFAULT_END_FRACTION = 0.475;
    /** Default sweep length. */
    public static final double DEFAULT_SECONDS = 3;
    /** Default peak level: loud enough for SNR, far enough from clipping for a car's amplifiers. */
    public static final double DEFAULT_LEVEL_DBFS = -12;
    /** Shortest sweep. */
    public static final double MIN_SECONDS = 0.5;
    /** Longest sweep. */
    public static final double MAX_SECONDS = 60;
    /** Quietest level. */
    public static final double MIN_LEVEL_DBFS = -60;
    /** Smallest ratio endHz / startHz: two octaves, so both fades fit well inside the sweep. */
    public static final double MIN_RATIO = 4;

    /** Fade-in length, in octaves of the sweep (raised cosine). */
    public static final double FADE_IN_OCTAVES = 0.5;
    /** Fade-out length, in octaves of the sweep (raised cosine); short, so the top octave keeps its level. */
    public static final double FADE_OUT_OCTAVES = 0.1;

    /** Silence before the first marker (or before the sweep without markers). */
    public static final double LEAD_SECONDS = 0.25;
    /** Length of each timing marker. */
    public static final double MARKER_SECONDS = 0.1;
    /** First frequency of each marker: inside the band of any mid-range or tweeter. */
    public static final double MARKER_START_HZ = 500;
    /** Last frequency of each marker, capped at 0.45 of the sample rate. */
    public static final double MARKER_END_HZ = 12_000;
    /** Silence between the first marker and the sweep, so the marker's echoes die away first. */
    public static final double MARKER_GAP_SECONDS = 0.5;
    /** Silence after the sweep for the cabin's decay (and the noise-floor estimate). */
    public static final double TAIL_SECONDS = 1.0;
    /** Silence after the second marker. */
    public static final double END_SECONDS = 0.25;

    /** Validates every field; a message names the field, its value and the allowed range. */
    public SweepSpec {
        ParamChecks.sampleRate(sampleRate);
        double nyquist = sampleRate / 2.0;
        ParamChecks.inRange("endHz", endHz, MIN_RATIO, nyquist, "Hz");
        ParamChecks.inRange("startHz", startHz, 1, endHz / MIN_RATIO, "Hz");
        ParamChecks.inRange("seconds", seconds, MIN_SECONDS, MAX_SECONDS, "s");
        ParamChecks.inRange("levelDbfs", levelDbfs, MIN_LEVEL_DBFS, 0, "dBFS");
    }

    /** The default stimulus at a sample rate: {@value #DEFAULT_START_HZ} Hz up, 3 s, -12 dBFS, with markers. */
    public static SweepSpec defaults(int sampleRate) {
        return new SweepSpec(sampleRate, DEFAULT_START_HZ, defaultEndHz(sampleRate), DEFAULT_SECONDS,
                DEFAULT_LEVEL_DBFS, true);
    }

    /** The default last frequency at a sample rate: 24 kHz or 0.475 fs, whichever is lower. */
    public static double defaultEndHz(int sampleRate) {
        return Math.min(DEFAULT_END_HZ, DEFAULT_END_FRACTION * sampleRate);
    }

    /** Last frequency of the markers at this rate. */
    public double markerEndHz() {
        return Math.min(MARKER_END_HZ, 0.45 * sampleRate);
    }

    /** Peak amplitude, 1.0 = full scale. */
    public double amplitude() {
        return Math.pow(10, levelDbfs / 20);
    }

    /**
     * Farina's rate constant L = T / ln(f2 / f1) in seconds: the sweep's frequency grows by a
     * factor e every L seconds, and the k-th harmonic's response lands L ln k before the linear one.
     */
    public double rateSeconds() {
        return sweepFrames() / (double) sampleRate / Math.log(endHz / startHz);
    }

    /** Frames of the sweep itself (its length rounded to whole frames). */
    public int sweepFrames() {
        return frames(seconds);
    }

    /** Frames of each marker. */
    public int markerFrames() {
        return frames(MARKER_SECONDS);
    }

    /** The layout of the whole stimulus. */
    public SweepLayout layout() {
        return SweepLayout.of(this);
    }

    int frames(double s) {
        return (int) Math.round(s * sampleRate);
    }
}
