package org.cabintune.dsp.loudness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cabintune.dsp.Block;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.gain.Gain;
import org.cabintune.dsp.gain.GainParams;

/**
 * Automatic loudness normalisation for live programme (radio, Bluetooth): a slow, gated level
 * rider that brings the programme towards a target loudness without pumping
 * ({@code bus.normalize} in mode {@code auto}).
 *
 * <p><b>Signal path.</b> The input is measured as BS.1770 measures loudness: each channel
 * K-weighted by a fixed-point {@link BiquadCascade} (the meter's sections), squared and summed
 * with the channel weights over 100 ms blocks. At the end of each block {@link RiderControl}
 * decides the next gain (gate, estimate over {@code windowS}, limits, speed), and a {@link Gain}
 * (Q5.27 coefficient, linear ramp in Q5.59) moves to it over the following 100 ms, so the gain
 * is a continuous piecewise-linear curve and never steps. All channels share one gain, so the
 * stereo image stays put. The measurement sees the input before the gain, so the rider's own
 * gain never feeds back into its decisions.
 *
 * <p><b>Real time.</b> Everything is allocated in the constructor; {@link #process} works in
 * pieces of at most {@value #CHUNK} frames that never straddle a block end, allocates nothing,
 * takes no lock and never throws.
 */
public final class LevelRider implements Block {

    /** Frames K-weighted at once. */
    static final int CHUNK = 256;

    private final double[] weights;
    private final int blockFrames;
    private final BiquadCascade kWeighting;
    private final int[][] weighted;
    private final Gain gain;
    private final RiderControl control;
    private double squares;
    private int fill;

    /** Builds the rider; all memory is allocated here. */
    public LevelRider(RiderParams params) {
        weights = ChannelWeights.defaults(params.channels());
        blockFrames = params.blockFrames();
        kWeighting = new BiquadCascade(perChannel(LoudnessMeter.kWeightingSections(params.sampleRate()),
                params.channels()));
        weighted = new int[params.channels()][CHUNK];
        gain = new Gain(rampOverOneBlock(params));
        control = new RiderControl(params);
    }

    /** The gain stage: unity at first, each change ramping over one block. */
    static GainParams rampOverOneBlock(RiderParams params) {
        double[] unity = new double[params.channels()];
        return GainParams.ofDb(params.sampleRate(), unity).withRampMs(1000.0 / RiderParams.BLOCKS_PER_SECOND);
    }

    static <T> List<List<T>> perChannel(List<T> sections, int channels) {
        List<List<T>> all = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            all.add(sections);
        }
        return all;
    }

    @Override
    public void process(int[][] io, int frames) {
        int at = 0;
        while (at < frames) {
            int n = Math.min(Math.min(CHUNK, frames - at), blockFrames - fill);
            for (int c = 0; c < weights.length; c++) {
                if (weights[c] != 0) {
                    System.arraycopy(io[c], at, weighted[c], 0, n);
                    kWeighting.process(c, weighted[c], n);
                    squares += weights[c] * LoudnessMeter.sumOfSquares(weighted[c], 0, n);
                }
            }
            gain.process(io, at, n);
            at += n;
            fill += n;
            if (fill == blockFrames) {
                control.block(squares * LoudnessMeter.SQUARE_SCALE / blockFrames);
                squares = 0;
                fill = 0;
                double db = control.gainDb();
                for (int c = 0; c < weights.length; c++) {
                    gain.setTargetDb(c, db);
                }
            }
        }
    }

    /** The gain the rider is moving to (or holds), dB. Audio thread, between periods. */
    public double gainDb() {
        return control.gainDb();
    }

    /** The rider's estimate of the programme's loudness, LUFS ({@code -inf} before any programme). */
    public double estimateLufs() {
        return control.estimateLufs();
    }

    @Override
    public void reset() {
        kWeighting.reset();
        gain.reset();
        control.reset();
        squares = 0;
        fill = 0;
        for (int[] w : weighted) {
            Arrays.fill(w, 0);
        }
    }
}
