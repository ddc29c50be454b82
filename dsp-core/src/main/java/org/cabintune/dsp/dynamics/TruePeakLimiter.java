package org.cabintune.dsp.dynamics;

import java.util.Arrays;
import org.cabintune.dsp.Block;

/**
 * True-peak look-ahead limiter on Q8.24 samples: the mastering bus limiter and each output's
 * protection limiter. The output's true peak (the peak of the band-limited waveform a DAC
 * reconstructs, ITU-R BS.1770-5 Annex 2) stays at or below the ceiling.
 *
 * <p><b>Signal path.</b> The audio is delayed by the look-ahead ({@link #latencySamples()})
 * and multiplied by a gain that never exceeds 1. Meanwhile, on the undelayed input:
 * <ol>
 *   <li>a <b>detector</b> ({@link LimiterDetector}) gives an upper estimate of the true peak
 *       of each sample interval: the largest magnitude among the two samples and
 *       {@code factor - 1} points between them from a 16-tap-per-phase polyphase FIR
 *       interpolator ({@link OversamplingInterpolator}), each local crest refined by a
 *       parabola bound, plus a guard equal to the held magnitude of the input's band above
 *       0.43 fs, where no short interpolator can be trusted;</li>
 *   <li>when channels are linked, the estimates of all channels are combined by taking their
 *       maximum, so one gain serves all;</li>
 *   <li>an <b>envelope</b> ({@link LimiterEnvelope}) turns estimates into gains: running
 *       maximum over the hold window, required gain {@code threshold / peak}, exponential
 *       release, and a moving average whose linear ramp completes within the look-ahead.</li>
 * </ol>
 *
 * <p><b>Why the ceiling holds.</b> Every peak estimate reaches the envelope early enough that
 * the averaged gain is at or below its required gain from 3 samples before the peak's sample
 * leaves the delay line until 3 samples after ({@link LimiterDesign} derives the timing), so
 * the samples that shape the waveform around the peak are all scaled by at most
 * {@code threshold / peak}. The estimate errs high where it cannot be exact (the guard near
 * Nyquist, the crest bound between oversampled points, upward rounding throughout), and the
 * threshold sits 0.1 dB below the ceiling for the small errors left. The test suite proves the
 * result with an independent 8x meter on adversarial input (square waves, inter-sample-peak
 * sines, impulses, noise, sweeps, onsets, each also with 12 dB of gain in front).
 *
 * <p><b>Formats.</b> Peak estimates are magnitudes in units of 2^-30 full scale; gains are
 * Q1.30. The output is {@code round(x * g / 2^30)}: with g at or below unity it cannot
 * overflow, a unity gain passes the sample bit-exactly (input well below the ceiling comes
 * out as the input delayed by the look-ahead), and digital silence stays exactly zero.
 *
 * <p><b>Quiet chunks.</b> A limiter mostly has nothing to do, and most of its cost is the
 * detector's. When an upper bound of a chunk's estimates, taken from its largest sample
 * ({@link LimiterDetector#detect}), stays at or below the threshold, the estimates are not
 * computed; and when, besides, the envelope is at rest ({@link LimiterEnvelope#atRest}: back
 * from any reduction, to the last rounding step),
 * the gains are all unity and the chunk is the delayed input. The output, the gains and
 * every later chunk are the same, bit for bit, as with every estimate computed
 * ({@code TruePeakLimiterQuietPathTest}).
 *
 * <p><b>Real time.</b> Everything is allocated in the constructor. {@code process} works in
 * chunks of up to {@value #CHUNK} frames, stage by stage over the chunk (detector per channel,
 * envelope per gain, gain per channel), so each inner loop is a tight loop over arrays with no
 * calls. Each channel's history buffer is both the interpolator's input and the delay line:
 * after each chunk its newest samples are moved to the front, so no index ever wraps.
 */
public final class TruePeakLimiter implements Block {

    /** Frames processed per pass of the stages. */
    static final int CHUNK = 256;
    private static final int TAPS = OversamplingInterpolator.TAPS;
    private static final long ROUND = 1L << 29;

    private final LimiterParams params;
    private final boolean quietPath;
    private final int channels;
    private final boolean linked;
    private final int lookahead;
    /** History samples kept in front of each chunk: the delay and the interpolator's reach. */
    private final int keep;
    private final LimiterDetector detector;
    private final int[][] history;
    private final long[][] peaks;
    private final int[][] gains;
    private final LimiterEnvelope[] envelopes;
    /** Per channel, this chunk: whether its peak estimates were computed (some may be over). */
    private final boolean[] loud;
    /** Per envelope, this chunk: whether it stayed at rest, so its gains are all unity. */
    private final boolean[] resting;

    /** Builds the limiter and preallocates all its buffers. */
    public TruePeakLimiter(LimiterParams params) {
        this(params, new LimiterDesign(params));
    }

    TruePeakLimiter(LimiterParams params, LimiterDesign design) {
        this(params, design, true);
    }

    /**
     * @param quietPath whether chunks that cannot reach the threshold skip the detector's
     *     full work and, at rest, the envelope; false computes every estimate and gain, which
     *     the tests compare against
     */
    TruePeakLimiter(LimiterParams params, LimiterDesign design, boolean quietPath) {
        this.params = params;
        this.quietPath = quietPath;
        channels = design.channels;
        linked = design.linked;
        lookahead = design.lookahead;
        keep = Math.max(lookahead, TAPS - 1);
        detector = new LimiterDetector(design, channels, CHUNK);
        history = new int[channels][keep + CHUNK];
        peaks = new long[channels][CHUNK];
        envelopes = new LimiterEnvelope[design.envelopes()];
        gains = new int[envelopes.length][CHUNK];
        loud = new boolean[channels];
        resting = new boolean[envelopes.length];
        for (int g = 0; g < envelopes.length; g++) {
            envelopes[g] = new LimiterEnvelope(design);
        }
    }

    /** The parameters this limiter was built from. */
    public LimiterParams params() {
        return params;
    }

    /** Latency in samples: the output is the input delayed by the look-ahead. */
    public int latencySamples() {
        return lookahead;
    }

    /**
     * The gain applied to the last processed sample of {@code channel} (1.0 = no reduction),
     * for gain-reduction meters. Call it on the audio thread, between periods.
     */
    public double currentGain(int channel) {
        return envelopes[linked ? 0 : channel].lastGain();
    }

    /** Whether the envelope of {@code channel} is at rest (its gains all unity while nothing nears the threshold). */
    boolean atRest(int channel) {
        return envelopes[linked ? 0 : channel].atRest();
    }

    @Override
    public void process(int[][] audio, int frames) {
        for (int done = 0; done < frames; done += CHUNK) {
            int n = Math.min(CHUNK, frames - done);
            boolean anyLoud = false;
            for (int c = 0; c < channels; c++) {
                System.arraycopy(audio[c], done, history[c], keep, n);
                int e = linked ? 0 : c;
                long quiet = quietPath ? envelopes[e].threshold() : LimiterDetector.COMPUTE_ALL;
                loud[c] = detector.detect(c, history[c], keep, peaks[c], n, quiet);
                if (!loud[c]) {
                    // Any estimate at or below the threshold gives the envelope the same gains.
                    Arrays.fill(peaks[c], 0, n, 0);
                }
                anyLoud |= loud[c];
            }
            if (linked) {
                if (anyLoud || !envelopes[0].atRest()) {
                    long[] all = peaks[0];
                    for (int c = 1; c < channels; c++) {
                        long[] p = peaks[c];
                        for (int i = 0; i < n; i++) {
                            all[i] = Math.max(all[i], p[i]);
                        }
                    }
                    envelopes[0].run(all, gains[0], n);
                    resting[0] = false;
                } else {
                    envelopes[0].idle(n);
                    resting[0] = true;
                }
            } else {
                for (int c = 0; c < channels; c++) {
                    resting[c] = !loud[c] && envelopes[c].atRest();
                    if (resting[c]) {
                        envelopes[c].idle(n);
                    } else {
                        envelopes[c].run(peaks[c], gains[c], n);
                    }
                }
            }
            for (int c = 0; c < channels; c++) {
                int[] h = history[c];
                int e = linked ? 0 : c;
                if (resting[e]) {
                    // Unity gain passes every sample bit-exactly: the delayed input.
                    System.arraycopy(h, keep - lookahead, audio[c], done, n);
                } else {
                    apply(h, keep - lookahead, gains[e], audio[c], done, n);
                }
                System.arraycopy(h, n, h, 0, keep);
            }
        }
    }

    /** {@code out[at + i] = round(h[from + i] * g[i] / 2^30)}; |g| &lt;= 1 cannot overflow. */
    private static void apply(int[] h, int from, int[] g, int[] out, int at, int n) {
        for (int i = 0; i < n; i++) {
            out[at + i] = (int) (((long) h[from + i] * g[i] + ROUND) >> 30);
        }
    }

    @Override
    public void reset() {
        for (int[] h : history) {
            Arrays.fill(h, 0);
        }
        for (LimiterEnvelope e : envelopes) {
            e.reset();
        }
        detector.reset();
    }
}
