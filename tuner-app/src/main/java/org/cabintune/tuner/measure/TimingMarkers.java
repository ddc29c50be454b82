package org.cabintune.tuner.measure;

import org.cabintune.dsp.sweep.SweepLayout;
import org.cabintune.dsp.sweep.SweepSpec;

/**
 * Finds the two timing markers in a recording and from them the clock drift and the instant
 * the sweep began, in the microphone's samples.
 *
 * <ol>
 *   <li>The whole recording is cross-correlated with the marker (one FFT each way); the
 *       largest peak is one marker, and the other must lie the known marker distance before or
 *       after it, within {@link ClockDrift#MAX_PPM}.
 *   <li>The distance between the two peaks (located between samples) against the distance in
 *       the stimulus gives the drift: both markers take the same acoustic path, so any bias in
 *       locating one is the same in the other.
 *   <li>Each marker is then correlated again over a short window with its drift removed
 *       ({@link ClockDrift}), which places marker A without the small bias the stretch leaves.
 * </ol>
 *
 * A marker's position is the peak of the recording correlated with the marker: the reference
 * speaker's response as seen through the marker's band. That instant is the measurement's time
 * zero; {@link #referenceOf(double[], double[])} computes the same quantity from any impulse
 * response, so true and measured timing are read alike.
 */
public final class TimingMarkers {

    /** Where the markers were found. */
    record Found(double markerA, double markerB, double drift) {
    }

    private static final int MARGIN = 2048;

    private TimingMarkers() {
    }

    static Found locate(double[] recording, SweepSpec spec, double[] marker) {
        SweepLayout layout = spec.layout();
        int distance = layout.markerB() - layout.markerA();
        if (recording.length < distance + marker.length) {
            throw new MeasurementException("the recording (" + seconds(recording.length, spec) + ") is shorter than"
                    + " the stimulus's two timing markers and what lies between them ("
                    + seconds(distance + marker.length, spec) + "); was the whole stimulus recorded?");
        }
        int n = Fft.goodSize(recording.length + marker.length);
        double[] c = correlate(recording, 0, recording.length, marker, n, Deconvolver.Advance.NONE, spec.sampleRate());
        int last = recording.length - marker.length / 2;
        int first = Peaks.largest(c, 0, last);
        int tolerance = (int) Math.ceil(distance * ClockDrift.MAX_PPM * 1e-6) + 64;
        int after = Peaks.largest(c, first + distance - tolerance, first + distance + tolerance);
        int before = Peaks.largest(c, first - distance - tolerance, first - distance + tolerance);
        double afterValue = first + distance - tolerance < last ? Math.abs(c[after]) : 0;
        double beforeValue = first - distance + tolerance > 0 ? Math.abs(c[before]) : 0;
        int a = afterValue >= beforeValue ? first : before;
        int b = afterValue >= beforeValue ? after : first;
        if (Math.max(afterValue, beforeValue) < 0.25 * Math.abs(c[first])) {
            throw new MeasurementException("found one timing marker at " + seconds(first, spec)
                    + " but not the other " + seconds(distance, spec) + " before or after it; the recording"
                    + " must hold the whole stimulus, with the marker speaker connected");
        }
        double coarseA = Peaks.refine(c, a).position();
        double coarseB = Peaks.refine(c, b).position();
        double drift = (coarseB - coarseA) / distance - 1;
        double fineA = refine(recording, a, marker, spec, drift);
        double fineB = refine(recording, b, marker, spec, drift);
        return new Found(fineA, fineB, (fineB - fineA) / distance - 1);
    }

    /** Re-correlates a short window around a coarse position with the drift removed. */
    private static double refine(double[] recording, int coarse, double[] marker, SweepSpec spec, double drift) {
        int from = Math.max(0, coarse - MARGIN);
        int length = Math.min(recording.length - from, marker.length + 2 * MARGIN);
        int n = Fft.goodSize(length + marker.length);
        double rate = spec.markerFrames() / (double) spec.sampleRate()
                / Math.log(spec.markerEndHz() / SweepSpec.MARKER_START_HZ);
        Deconvolver.Advance advance = ClockDrift.advanceSamples(drift, spec.sampleRate(), SweepSpec.MARKER_START_HZ,
                spec.markerEndHz(), rate, 0);
        double[] c = correlate(recording, from, length, marker, n, advance, spec.sampleRate());
        return from + Peaks.find(c, 0, length).position();
    }

    /** Cross-correlation c[lag] = sum x[from + lag + i] m[i], advanced as asked. */
    static double[] correlate(double[] x, int from, int length, double[] m, int n, Deconvolver.Advance advance,
                              double sampleRate) {
        double[] xs = Fft.forward(x, from, length, n);
        double[] ms = Fft.forward(m, n);
        for (int k = 0; k <= n / 2; k++) {
            double ar = Fft.re(xs, k);
            double ai = Fft.im(xs, k);
            double br = Fft.re(ms, k);
            double bi = -Fft.im(ms, k);
            double re = ar * br - ai * bi;
            double im = ar * bi + ai * br;
            double shift = advance.at(k * sampleRate / n);
            if (shift != 0) {
                double phi = 2 * Math.PI * k * shift / n;
                double t = re * Math.cos(phi) - im * Math.sin(phi);
                im = re * Math.sin(phi) + im * Math.cos(phi);
                re = t;
            }
            Deconvolver.set(xs, k, re, k == 0 || k == n / 2 ? 0 : im);
        }
        Fft.inverse(xs);
        return xs;
    }

    /**
     * The timing reference an impulse response would give: the position, in samples from the
     * response's first sample, of the peak of the response convolved with the marker's
     * autocorrelation (which is what correlating a recording of the marker with the marker
     * yields). Used on a virtual cabin's true responses to know where a measurement's time zero
     * must fall.
     */
    public static double referenceOf(double[] impulseResponse, double[] marker) {
        int m = marker.length;
        int n = Fft.goodSize(impulseResponse.length + 2 * m);
        // The autocorrelation reaches m samples back: pad in front so those lags stay visible.
        double[] padded = new double[impulseResponse.length + m];
        System.arraycopy(impulseResponse, 0, padded, m, impulseResponse.length);
        double[] y = Fft.forward(padded, n);
        double[] power = Fft.power(Fft.forward(marker, n));
        for (int k = 0; k <= n / 2; k++) {
            Deconvolver.set(y, k, Fft.re(y, k) * power[k], Fft.im(y, k) * power[k]);
        }
        Fft.inverse(y);
        return Peaks.find(y, 0, padded.length + m).position() - m;
    }

    private static String seconds(long frames, SweepSpec spec) {
        return String.format(java.util.Locale.ROOT, "%.3f s", frames / (double) spec.sampleRate());
    }
}
