package org.cabintune.dsp.testing;

import org.cabintune.dsp.Q824;

/**
 * The difference between a signal under test and its reference, in dBFS (1.0 = 0 dBFS):
 * RMS and peak of {@code actual - expected}, with where the peak happened.
 *
 * @param rmsDbfs   RMS of the error, -inf when identical
 * @param peakDbfs  largest absolute error, -inf when identical
 * @param peakIndex sample index of the peak (frame index times channels plus channel for
 *                  multichannel input), -1 when identical
 * @param samples   number of samples compared
 */
public record ErrorStats(double rmsDbfs, double peakDbfs, long peakIndex, long samples) {

    /** Error of {@code actual} against {@code expected}, over the shorter length. */
    public static ErrorStats between(double[] actual, double[] expected) {
        return between(new double[][] {actual}, new double[][] {expected},
                Math.min(actual.length, expected.length));
    }

    /** Error of Q8.24 samples (converted exactly to double) against a double reference. */
    public static ErrorStats between(int[] actual, double[] expected) {
        return between(Signals.toDouble(actual), expected);
    }

    /** Error over all channels of a multichannel Q8.24 output against its twin. */
    public static ErrorStats between(int[][] actual, double[][] expected, int frames) {
        double[][] a = new double[actual.length][];
        for (int c = 0; c < actual.length; c++) {
            a[c] = Signals.toDouble(actual[c]);
        }
        return between(a, expected, frames);
    }

    /** Error over all channels of {@code frames} samples each. */
    public static ErrorStats between(double[][] actual, double[][] expected, int frames) {
        double sum = 0;
        double peak = 0;
        long peakAt = -1;
        for (int n = 0; n < frames; n++) {
            for (int c = 0; c < actual.length; c++) {
                double e = Math.abs(actual[c][n] - expected[c][n]);
                sum += e * e;
                if (e > peak) {
                    peak = e;
                    peakAt = (long) n * actual.length + c;
                }
            }
        }
        long count = (long) frames * actual.length;
        return new ErrorStats(dbfs(Math.sqrt(sum / Math.max(1, count))), dbfs(peak), peakAt, count);
    }

    /** Linear amplitude to dBFS; 0 gives -inf. */
    public static double dbfs(double amplitude) {
        return Q824.gainToDb(amplitude);
    }

    @Override
    public String toString() {
        return String.format("error rms %.1f dBFS, peak %.1f dBFS at %d of %d", rmsDbfs,
                peakDbfs, peakIndex, samples);
    }
}
