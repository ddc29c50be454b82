package org.cabintune.tuner.measure;

import java.util.Arrays;
import java.util.List;

/**
 * Averages of several measurements, as for the microphone moved around a head.
 *
 * <ul>
 *   <li>{@link #rms}: power average of the levels after aligning each response's mean level in
 *       a band to the first's, so a position that happened to read louder overall does not
 *       outweigh the others; no phase survives it.
 *   <li>{@link #vector}: the complex mean of the responses on their common time zero (the
 *       timing reference), which keeps phase and lets what differs between positions cancel.
 * </ul>
 */
public final class Averaging {

    private Averaging() {
    }

    /** RMS average with level alignment over [alignLowHz, alignHighHz]; all responses on the same frequencies. */
    public static FrequencyResponse rms(List<FrequencyResponse> responses, double alignLowHz, double alignHighHz) {
        FrequencyResponse first = responses.get(0);
        double reference = meanDb(first, alignLowHz, alignHighHz);
        double[] power = new double[first.size()];
        for (FrequencyResponse r : responses) {
            if (!Arrays.equals(r.hz(), first.hz())) {
                throw new MeasurementException("responses to average must share their frequencies");
            }
            double offset = reference - meanDb(r, alignLowHz, alignHighHz);
            for (int i = 0; i < power.length; i++) {
                power[i] += Math.pow(10, (r.db()[i] + offset) / 10);
            }
        }
        double[] db = new double[power.length];
        double[] nan = new double[power.length];
        Arrays.fill(nan, Double.NaN);
        for (int i = 0; i < db.length; i++) {
            db[i] = 10 * Math.log10(power[i] / responses.size());
        }
        return new FrequencyResponse(first.hz(), db, nan, nan.clone());
    }

    /** The complex mean of transfers on the same grid. */
    public static Transfer vector(List<Transfer> transfers) {
        Transfer first = transfers.get(0);
        double[] re = new double[first.bins()];
        double[] im = new double[first.bins()];
        for (Transfer t : transfers) {
            if (t.bins() != first.bins() || Math.abs(t.binHz() - first.binHz()) > 1e-6 * first.binHz()) {
                throw new MeasurementException("transfers to vector-average must share their frequency grid");
            }
            for (int k = 0; k < re.length; k++) {
                re[k] += t.re()[k] / transfers.size();
                im[k] += t.im()[k] / transfers.size();
            }
        }
        return new Transfer(first.binHz(), re, im);
    }

    private static double meanDb(FrequencyResponse r, double lo, double hi) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < r.size(); i++) {
            if (r.hz()[i] >= lo && r.hz()[i] <= hi) {
                sum += r.db()[i];
                count++;
            }
        }
        if (count == 0) {
            throw new MeasurementException("no response points between " + lo + " and " + hi + " Hz to align levels on");
        }
        return sum / count;
    }
}
