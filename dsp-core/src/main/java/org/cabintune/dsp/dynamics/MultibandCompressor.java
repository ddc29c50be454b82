package org.cabintune.dsp.dynamics;

import org.cabintune.dsp.Block;
import org.cabintune.dsp.Q527;
import org.cabintune.dsp.Q824;

/**
 * The mastering bus's multiband compressor in fixed point: 2 to 4 bands split by
 * Linkwitz-Riley crossovers ({@link CrossoverTree}), each with its own level detector,
 * soft-knee gain computer, attack/release smoothing and makeup, summed back together.
 *
 * <p><b>Signal path per period.</b> The period is worked through in chunks of
 * {@value #CHUNK} frames, so any period length runs without allocation:
 * <ol>
 *   <li>split: {@link CrossoverSplitter}, {@code BiquadCascade} sections (Q5.59, full-precision
 *       state, saturating at +-16.0);</li>
 *   <li>per band and gain group (all channels with stereo link, else each channel): level
 *       ({@link EnvelopeDetector}, peak or RMS, log domain), then gain
 *       ({@link GainComputer}: static curve, smoothing, makeup, exp2 to a Q5.27 gain);</li>
 *   <li>sum: {@code sum_b band_b * gain_b} in one 64-bit accumulator (each product below 2^59,
 *       four of them below 2^61), rounded to nearest once and saturated to Q8.24. It never
 *       wraps; silence gives exact zeros; at unity gain (ratio 1, makeup 0) the output is
 *       exactly the sum of the bands.</li>
 * </ol>
 * Loops run over arrays per stage with no calls per sample other than static, final or
 * private methods the JIT inlines. There is no lookahead, so no latency beyond the
 * crossovers' all-pass phase.
 *
 * <p><b>Accuracy.</b> The gain's log and exp tables err by at most 1.04e-6 dB and 1.0e-6 dB
 * ({@link CompressorMath}); against {@link MultibandCompressorReference} the output error is
 * far below the -110 dBFS bar (see {@code docs/dynamics.md} for measured figures).
 *
 * <p>Real-time rules: {@link #process} allocates nothing, takes no lock and never throws for
 * any sample values.
 */
public final class MultibandCompressor implements Block {

    /** Frames per internal chunk. */
    static final int CHUNK = 256;
    private static final long HALF = 1L << (Q527.FRAC_BITS - 1);

    private final MultibandParams params;
    private final int channels;
    private final boolean linked;
    private final CrossoverSplitter splitter;
    private final EnvelopeDetector[] detectors;
    private final GainComputer[] computers;
    /** [band][channel][frame]. */
    private final int[][][] bands;
    /** [band][group][frame], Q5.27. */
    private final int[][][] gains;
    private final long[] levels = new long[CHUNK];
    private final long[] sums = new long[CHUNK];

    /** Builds the compressor; all memory is allocated here. */
    public MultibandCompressor(MultibandParams params) {
        this.params = params;
        channels = params.channels();
        linked = params.stereoLink();
        int groups = linked ? 1 : channels;
        int bandCount = params.bandCount();
        splitter = new CrossoverSplitter(CrossoverTree.design(params.sampleRate(), params.crossoversHz()), channels);
        detectors = new EnvelopeDetector[bandCount];
        computers = new GainComputer[bandCount];
        for (int b = 0; b < bandCount; b++) {
            CompressorDesign design = CompressorDesign.of(params.bands().get(b), params.sampleRate());
            detectors[b] = new EnvelopeDetector(design, params);
            computers[b] = new GainComputer(design, groups);
        }
        bands = new int[bandCount][channels][CHUNK];
        gains = new int[bandCount][groups][CHUNK];
    }

    /** The parameters this compressor was built from. */
    public MultibandParams params() {
        return params;
    }

    @Override
    public void process(int[][] io, int frames) {
        for (int at = 0; at < frames; at += CHUNK) {
            chunk(io, at, Math.min(CHUNK, frames - at));
        }
    }

    private void chunk(int[][] io, int at, int frames) {
        splitter.split(io, at, frames, bands);
        for (int b = 0; b < bands.length; b++) {
            int[][] gainGroups = gains[b];
            for (int g = 0; g < gainGroups.length; g++) {
                int first = linked ? 0 : g;
                int last = linked ? channels : g + 1;
                detectors[b].levels(bands[b], first, last, levels, frames);
                computers[b].gains(levels, gainGroups[g], frames, g);
            }
        }
        for (int c = 0; c < channels; c++) {
            int g = linked ? 0 : c;
            long[] acc = sums;
            int[] x = bands[0][c];
            int[] gain = gains[0][g];
            for (int n = 0; n < frames; n++) {
                acc[n] = (long) x[n] * gain[n] + HALF;
            }
            for (int b = 1; b < bands.length; b++) {
                x = bands[b][c];
                gain = gains[b][g];
                for (int n = 0; n < frames; n++) {
                    acc[n] += (long) x[n] * gain[n];
                }
            }
            int[] out = io[c];
            for (int n = 0; n < frames; n++) {
                out[at + n] = Q824.saturate(acc[n] >> Q527.FRAC_BITS);
            }
        }
    }

    /**
     * The gain reduction band {@code band} applies to {@code channel} now (after the last
     * processed sample), dB, 0 or positive; makeup not included. For meters: read it on the
     * audio thread between periods.
     */
    public double gainReductionDb(int band, int channel) {
        return computers[band].reductionDb(linked ? 0 : channel);
    }

    @Override
    public void reset() {
        splitter.reset();
        for (int b = 0; b < detectors.length; b++) {
            detectors[b].reset();
            computers[b].reset();
        }
    }
}
