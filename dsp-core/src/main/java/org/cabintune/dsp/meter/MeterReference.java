package org.cabintune.dsp.meter;

import java.util.Arrays;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.ReferenceBlock;

/**
 * Double twin of {@link Meter}: the same window, hold and per-sample decay, in double. The
 * RMS is summed afresh over the history when read (exact, no running sum), which is slow but
 * this twin only serves tests.
 */
public final class MeterReference implements ReferenceBlock {

    private final int holdSamples;
    private final double decay;
    private final double[][] history;
    private int position;
    private final double[] peak;
    private final int[] holdLeft;

    /** Builds the twin from {@code params}. */
    public MeterReference(MeterParams params) {
        holdSamples = params.holdSamples();
        decay = params.decayPerSample();
        history = new double[params.channels()][params.windowSamples()];
        peak = new double[params.channels()];
        holdLeft = new int[params.channels()];
    }

    @Override
    public void process(double[][] channels, int frames) {
        int window = history[0].length;
        for (int c = 0; c < peak.length; c++) {
            int pos = position;
            for (int i = 0; i < frames; i++) {
                double s = channels[c][i];
                history[c][pos] = s;
                pos = (pos + 1) % window;
                double a = Math.abs(s);
                if (a >= peak[c]) {
                    peak[c] = a;
                    holdLeft[c] = holdSamples;
                } else if (holdLeft[c] > 0) {
                    holdLeft[c]--;
                } else {
                    peak[c] -= peak[c] * decay;
                    if (peak[c] < Q824.LSB) {
                        peak[c] = 0;
                    }
                }
            }
        }
        position = (int) ((position + (long) frames) % window);
    }

    /** Current peak and RMS of {@code channel}. */
    public MeterReading reading(int channel) {
        double sum = 0;
        for (double s : history[channel]) {
            sum += s * s;
        }
        return new MeterReading(MeterReading.dbfs(peak[channel]),
                MeterReading.dbfs(Math.sqrt(sum / history[channel].length)));
    }

    @Override
    public void reset() {
        for (double[] h : history) {
            Arrays.fill(h, 0);
        }
        Arrays.fill(peak, 0);
        Arrays.fill(holdLeft, 0);
        position = 0;
    }
}
