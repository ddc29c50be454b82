package org.cabintune.dsp.loudness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cabintune.dsp.ParamChecks;

/**
 * Parameters of a {@link LoudnessMeter} and its twin.
 *
 * @param sampleRate     samples per second, a multiple of 100 (10 ms must be a whole number
 *                       of samples) in {@link ParamChecks#MIN_SAMPLE_RATE} ..
 *                       {@link ParamChecks#MAX_SAMPLE_RATE}; conformance is tested at 44.1,
 *                       48, 88.2 and 96 kHz
 * @param channelWeights the BS.1770 weight G_i of each channel (see {@link ChannelWeights}),
 *                       each in 0 .. {@value #MAX_WEIGHT}, at least one above 0; the list's
 *                       size is the channel count, 1 .. {@link ParamChecks#MAX_CHANNELS}
 */
public record LoudnessParams(int sampleRate, List<Double> channelWeights) {

    /** Largest channel weight accepted: +6 dB, well above the Recommendation's 1.41. */
    public static final double MAX_WEIGHT = 2.0;

    /** Validates every field; the message names the field, its value and the allowed range. */
    public LoudnessParams {
        ParamChecks.sampleRate(sampleRate);
        if (sampleRate % 100 != 0) {
            throw new IllegalArgumentException("sampleRate = " + sampleRate
                    + " Hz is not a multiple of 100 Hz: the meter works in 10 ms sub-blocks");
        }
        channelWeights = ParamChecks.channelList("channelWeights", channelWeights);
        boolean any = false;
        for (int c = 0; c < channelWeights.size(); c++) {
            double w = ParamChecks.inRange("channelWeights[" + c + "]", channelWeights.get(c), 0.0, MAX_WEIGHT, "");
            any |= w > 0;
        }
        if (!any) {
            throw new IllegalArgumentException("channelWeights are all 0: no channel would be measured");
        }
    }

    /** The usual layout for {@code channels} channels ({@link ChannelWeights#defaults}). */
    public static LoudnessParams of(int sampleRate, int channels) {
        ParamChecks.channels("channels", channels);
        return of(sampleRate, ChannelWeights.defaults(channels));
    }

    /** Explicit weights, one per channel. */
    public static LoudnessParams of(int sampleRate, double... weights) {
        List<Double> list = new ArrayList<>(weights.length);
        for (double w : weights) {
            list.add(w);
        }
        return new LoudnessParams(sampleRate, Collections.unmodifiableList(list));
    }

    /** Number of channels. */
    public int channels() {
        return channelWeights.size();
    }

    /** Samples in one 10 ms sub-block. */
    public int subBlockFrames() {
        return sampleRate / 100;
    }

    /** The weights as an array, for the meters' inner loops. */
    double[] weights() {
        double[] w = new double[channelWeights.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = channelWeights.get(c);
        }
        return w;
    }
}
