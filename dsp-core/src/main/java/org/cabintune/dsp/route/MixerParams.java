package org.cabintune.dsp.route;

import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.Q824;

/**
 * Parameters of a {@link Mixer}: a matrix of linear gains, one row per output and one column
 * per input, so output {@code m} is {@code sum over n of gains[m][n] * input[n]}. A negative
 * gain subtracts (e.g. L - R for a centre-cancelling feed); 0 leaves the input out.
 *
 * @param gains rows 1 .. {@link ParamChecks#MAX_CHANNELS} outputs, each with the same number
 *              (1 .. MAX_CHANNELS) of gains, each within +/- {@link #MAX_GAIN} (+24 dB)
 */
public record MixerParams(List<List<Double>> gains) {

    /** Largest gain magnitude, +24 dB, inside the Q5.27 coefficient range. */
    public static final double MAX_GAIN = Q824.dbToGain(24.0);

    /** Validates the shape and every gain; the message names the entry and the range. */
    public MixerParams {
        List<List<Double>> rows = ParamChecks.channelList("gains", gains);
        List<List<Double>> copy = new ArrayList<>(rows.size());
        for (int m = 0; m < rows.size(); m++) {
            List<Double> row = ParamChecks.channelList("gains[" + m + "]", rows.get(m));
            if (row.size() != rows.get(0).size()) {
                throw new IllegalArgumentException("gains[" + m + "] has " + row.size()
                        + " entries but gains[0] has " + rows.get(0).size()
                        + "; every output needs one gain per input");
            }
            for (int n = 0; n < row.size(); n++) {
                ParamChecks.inRange("gains[" + m + "][" + n + "]", row.get(n), -MAX_GAIN,
                        MAX_GAIN, "");
            }
            copy.add(row);
        }
        gains = List.copyOf(copy);
    }

    /** From a {@code [outputs][inputs]} array. */
    public static MixerParams of(double[][] gains) {
        List<List<Double>> rows = new ArrayList<>(gains.length);
        for (double[] row : gains) {
            List<Double> r = new ArrayList<>(row.length);
            for (double g : row) {
                r.add(g);
            }
            rows.add(r);
        }
        return new MixerParams(rows);
    }

    /** Number of input channels (columns). */
    public int inputs() {
        return gains.get(0).size();
    }

    /** Number of output channels (rows). */
    public int outputs() {
        return gains.size();
    }

    /** The gain from input {@code n} to output {@code m}. */
    public double gain(int m, int n) {
        return gains.get(m).get(n);
    }
}
