package org.cabintune.dsp.loudness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cabintune.dsp.ReferenceBlock;
import org.cabintune.dsp.filter.BiquadCascadeReference;
import org.cabintune.dsp.filter.QuantizedBiquad;

/**
 * Double twin of {@link LoudnessMeter}: the same K-weighting sections (the coefficients the
 * fixed-point cascade realises) run in double, squares summed in double sample by sample, the
 * true peak interpolated one point at a time ({@link TruePeakReference}); the gating and the
 * readings share {@link LoudnessIntegrator} with the fixed-point meter, so the two differ only
 * in the signal path. Input is double, 1.0 = full scale; it is left untouched.
 */
public final class LoudnessMeterReference implements ReferenceBlock {

    private final double[] weights;
    private final int subBlockFrames;
    private final BiquadCascadeReference kWeighting;
    private final TruePeakReference truePeak;
    private final LoudnessIntegrator integrator = new LoudnessIntegrator();
    private final ReadingsPublisher publisher = new ReadingsPublisher();
    private final double[][] weighted;
    private final double[] squares;
    private int subBlockFill;
    private double samplePeak;
    private long frames;

    /** Builds the twin from the same parameters as the meter. */
    public LoudnessMeterReference(LoudnessParams params) {
        weights = params.weights();
        subBlockFrames = params.subBlockFrames();
        List<QuantizedBiquad> sections = LoudnessMeter.kWeightingSections(params.sampleRate());
        List<List<QuantizedBiquad>> perChannel = new ArrayList<>();
        for (int c = 0; c < weights.length; c++) {
            perChannel.add(sections);
        }
        kWeighting = new BiquadCascadeReference(perChannel);
        truePeak = new TruePeakReference(params.sampleRate(), weights.length);
        weighted = new double[weights.length][1];
        squares = new double[weights.length];
    }

    @Override
    public void process(double[][] channels, int frames) {
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < weights.length; c++) {
                double x = channels[c][i];
                samplePeak = Math.max(samplePeak, Math.abs(x));
                truePeak.add(c, x);
                weighted[c][0] = x;
            }
            kWeighting.process(weighted, 1);
            for (int c = 0; c < weights.length; c++) {
                squares[c] += weighted[c][0] * weighted[c][0];
            }
            if (++subBlockFill == subBlockFrames) {
                double sum = 0;
                for (int c = 0; c < weights.length; c++) {
                    sum += weights[c] * squares[c];
                    squares[c] = 0;
                }
                integrator.add(sum / subBlockFrames);
                subBlockFill = 0;
            }
        }
        this.frames += frames;
        publisher.publish(integrator, samplePeak, truePeak.peak(), this.frames);
    }

    /** The latest readings. */
    public LoudnessReadings readings() {
        return publisher.read();
    }

    @Override
    public void reset() {
        kWeighting.reset();
        truePeak.reset();
        integrator.reset();
        Arrays.fill(squares, 0);
        subBlockFill = 0;
        samplePeak = 0;
        frames = 0;
        publisher.publish(integrator, 0, 0, 0);
    }
}
