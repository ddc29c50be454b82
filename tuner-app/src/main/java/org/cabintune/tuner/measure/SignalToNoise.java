package org.cabintune.tuner.measure;

/**
 * How far a response stands above its noise floor: the mean of the per-frequency difference in
 * dB over the response's points, and the smallest difference with its frequency.
 *
 * @param meanDb mean SNR over the points
 * @param minDb  smallest SNR
 * @param minHz  where it is
 */
public record SignalToNoise(double meanDb, double minDb, double minHz) {

    /** SNR of a response against a noise floor on the same frequencies. */
    public static SignalToNoise of(FrequencyResponse signal, FrequencyResponse noise) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double at = Double.NaN;
        for (int i = 0; i < signal.size(); i++) {
            double d = signal.db()[i] - noise.db()[i];
            sum += d;
            if (d < min) {
                min = d;
                at = signal.hz()[i];
            }
        }
        return new SignalToNoise(sum / signal.size(), min, at);
    }
}
