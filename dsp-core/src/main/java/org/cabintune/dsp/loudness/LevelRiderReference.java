package org.cabintune.dsp.loudness;

import org.cabintune.dsp.ReferenceBlock;
import org.cabintune.dsp.filter.BiquadCascadeReference;
import org.cabintune.dsp.gain.GainReference;

/**
 * Double twin of {@link LevelRider}: the same K-weighting sections (as the fixed-point cascade
 * realises them) and gain ramp run in double; the decisions are the same {@link RiderControl}.
 */
public final class LevelRiderReference implements ReferenceBlock {

    private final double[] weights;
    private final int blockFrames;
    private final BiquadCascadeReference kWeighting;
    private final double[][] weighted;
    private final GainReference gain;
    private final RiderControl control;
    private double squares;
    private int fill;

    public LevelRiderReference(RiderParams params) {
        weights = ChannelWeights.defaults(params.channels());
        blockFrames = params.blockFrames();
        kWeighting = new BiquadCascadeReference(LevelRider.perChannel(
                LoudnessMeter.kWeightingSections(params.sampleRate()), params.channels()));
        weighted = new double[params.channels()][blockFrames];
        gain = new GainReference(LevelRider.rampOverOneBlock(params));
        control = new RiderControl(params);
    }

    @Override
    public void process(double[][] io, int frames) {
        int at = 0;
        while (at < frames) {
            int n = Math.min(frames - at, blockFrames - fill);
            for (int c = 0; c < weights.length; c++) {
                if (weights[c] != 0) {
                    System.arraycopy(io[c], at, weighted[c], 0, n);
                    kWeighting.process(c, weighted[c], 0, n);
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += weighted[c][i] * weighted[c][i];
                    }
                    squares += weights[c] * sum;
                }
            }
            gain.process(io, at, n);
            at += n;
            fill += n;
            if (fill == blockFrames) {
                control.block(squares / blockFrames);
                squares = 0;
                fill = 0;
                for (int c = 0; c < weights.length; c++) {
                    gain.setTargetDb(c, control.gainDb());
                }
            }
        }
    }

    /** As {@link LevelRider#gainDb()}. */
    public double gainDb() {
        return control.gainDb();
    }

    @Override
    public void reset() {
        kWeighting.reset();
        gain.reset();
        control.reset();
        squares = 0;
        fill = 0;
    }
}
