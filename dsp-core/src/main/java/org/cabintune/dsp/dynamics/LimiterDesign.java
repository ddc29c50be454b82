package org.cabintune.dsp.dynamics;

/**
 * The numbers both the fixed-point limiter and its twin are built from, derived once from
 * {@link LimiterParams}. Time runs in samples; "detector time" is when a sample's peak
 * estimate becomes available, {@link #detectorDelay} samples after the sample arrived.
 *
 * <p><b>Peak estimate.</b> For the interval between samples {@code j-1} and {@code j}:
 * <pre>
 *   P_j = max(v_0 .. v_L, refined crests) + G_j
 * </pre>
 * where {@code v_0 = |x[j-1]|}, {@code v_L = |x[j]|} and {@code v_1 .. v_L-1} are the
 * {@link OversamplingInterpolator interpolated} magnitudes. Each point that is a local maximum
 * of the oversampled magnitude is refined to {@code v_k + |v_k+1 - v_k-1| / 8}, the upper
 * bound of the vertex of the parabola through it and its neighbours: the crest of a waveform
 * rarely falls on a grid point, and at 4x the grid alone misses up to 0.55 dB at 0.45 fs; the
 * refined value misses at most 0.05 dB there. {@code G_j} is the <b>guard</b>: the magnitude of
 * the input's top band (a {@value #GUARD_TAPS}-tap high-pass at {@value #GUARD_CUTOFF} fs),
 * held and decaying by 1/128 per sample. Near Nyquist the short interpolator under-reads by up
 * to the band's own amplitude (the crest between samples of a tone at 0.48 fs depends on
 * samples dozens of periods away), so adding that amplitude turns the estimate into an upper
 * bound there. It costs loudness only for content above 0.4 fs (17.6 kHz at 44.1 kHz), which
 * music carries little of.
 *
 * <p><b>Timing.</b> With look-ahead {@code La}, detector delay {@code D}, hold {@code H} and
 * attack length {@code B}:
 * <pre>
 *   La = D + (B - 1) + H          the output is the input delayed by La
 *   window = B + 2H               the running maximum of peaks spans this many samples
 * </pre>
 * A peak that the detector reports at time {@code t} sits in the running maximum from
 * {@code t} to {@code t + B + 2H - 1}, so the held gain is at or below its required gain for
 * that whole span. The moving average over {@code B} samples that follows is then at or
 * below it from {@code t + B - 1} to {@code t + B - 1 + 2H}: with the delay above, that is
 * from {@code H} samples before the peak's sample leaves the delay line to {@code H} after.
 * The gain is therefore fully down not only on the peak's samples but on their neighbours,
 * whose weights dominate the waveform between samples; without the hold a gain still moving
 * on the neighbours adds up to 0.17 dB between samples.
 *
 * <p><b>Margin.</b> The threshold sits {@value #MARGIN_DB} dB below the ceiling, for what is
 * left: the interpolator's error below 0.40 fs (0.05 dB), the refinement's (0.05 dB), and the
 * ripple a gain changing from sample to sample adds between samples (0.07 dB measured with an
 * exact detector on loud white noise). Measured with the independent meter of the tests, no
 * adversarial case comes closer than 0.075 dB to the ceiling: the worst rises 0.025 dB above
 * the threshold (onsets after silence with the 1 ms release), so the margin is used by a
 * quarter.
 */
final class LimiterDesign {

    /** Samples the gain is held fully down on either side of a peak's own sample. */
    static final int HOLD = 3;
    /** Safety margin below the ceiling, dB. */
    static final double MARGIN_DB = 0.1;
    /** Taps of the guard's high-pass (odd, symmetric, centred on the interval's end sample). */
    static final int GUARD_TAPS = 15;
    /** Guard high-pass cutoff as a fraction of the sample rate. */
    static final double GUARD_CUTOFF = 0.43;
    /** Kaiser window shape of the guard's high-pass. */
    static final double GUARD_BETA = 5.0;
    /** The guard's hold decays by {@code 2^-GUARD_DECAY_BITS} of itself per sample. */
    static final int GUARD_DECAY_BITS = 7;

    final int channels;
    final boolean linked;
    final int factor;
    final int lookahead;
    final int detectorDelay;
    final int hold;
    final int attack;
    final int window;
    /** Peak level above which the gain computer reduces the gain, linear. */
    final double threshold;
    /** Per-sample fraction of the remaining distance the release covers, 1 - exp(-1/tau). */
    final double releaseStep;
    /** Interpolator coefficients, {@code [phase - 1][tap]}. */
    final double[][] interpolator;
    /** Guard high-pass taps; tap {@code k} weighs {@code x[j + k - GUARD_TAPS / 2]}. */
    final double[] guard;

    LimiterDesign(LimiterParams params) {
        this(params, MARGIN_DB, HOLD);
    }

    /** With an explicit margin and hold, for measuring what they buy. */
    LimiterDesign(LimiterParams params, double marginDb, int hold) {
        channels = params.channels();
        linked = params.linked();
        factor = params.oversampling();
        lookahead = params.lookaheadSamples();
        detectorDelay = OversamplingInterpolator.delay();
        this.hold = hold;
        attack = lookahead - detectorDelay - hold + 1;
        if (attack < 1) {
            throw new IllegalArgumentException("lookaheadMs = " + params.lookaheadMs()
                    + " ms is too short for the detector at " + params.sampleRate() + " Hz");
        }
        window = attack + 2 * hold;
        threshold = params.ceilingLinear() * Math.pow(10.0, -marginDb / 20.0);
        releaseStep = -Math.expm1(-1.0 / params.releaseSamples());
        interpolator = OversamplingInterpolator.design(factor);
        guard = guardHighpass();
    }

    /** Number of independent gain envelopes: one when linked, else one per channel. */
    int envelopes() {
        return linked ? 1 : channels;
    }

    /**
     * The guard's linear-phase high-pass: a unit impulse less a Kaiser-windowed sinc low-pass,
     * with the low-pass normalised to unity at DC so the high-pass has an exact zero there.
     */
    static double[] guardHighpass() {
        int half = GUARD_TAPS / 2;
        double[] h = new double[GUARD_TAPS];
        double norm = OversamplingInterpolator.besselI0(GUARD_BETA);
        double sum = 0;
        for (int k = -half; k <= half; k++) {
            double r = (double) k / (half + 1);
            double w = OversamplingInterpolator.besselI0(GUARD_BETA * Math.sqrt(1 - r * r)) / norm;
            double x = 2 * GUARD_CUTOFF * k;
            double sinc = k == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            h[k + half] = -2 * GUARD_CUTOFF * sinc * w;
            sum += h[k + half];
        }
        h[half] -= sum;
        return h;
    }
}
