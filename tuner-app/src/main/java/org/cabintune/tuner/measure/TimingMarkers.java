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
 *       the stimulus gives a first drift. The correlation oscillates at the marker's carrier,
 *       and where its envelope has a broad top two of its swings can be nearly as large, so
 *       either marker may be read a swing (up to half a carrier period, 3.5 samples) off, and
 *       this drift up to 30 ppm off.
 *   <li>Each marker is then correlated again over a short window with that drift removed
 *       ({@link ClockDrift}) and located at its envelope's peak, which no swing can move. A
 *       drift removed wrongly still biases each envelope peak (by 0.14 samples for 28 ppm), but
 *       both alike, as both markers take the same acoustic path: their distance gives the drift
 *       exactly, and a second refinement with it places both markers without bias.
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
    /**
     * Envelope refinements: the first with the drift from the correlation's largest values,
     * the second with the drift from the first's envelope peaks (see the class comment).
     */
    private static final int REFINEMENTS = 2;

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
        int tolerance = (int) Math.ceil(distance * ClockDrift.MAX_PPM * 1e-6) + 64;
        // The markers are the pair of peaks the known distance apart whose weaker one is the
        // strongest: a loud sweep on the speaker under test also correlates with the marker,
        // but nothing follows it at the markers' distance.
        double[] nearby = slidingMax(c, last, tolerance);
        int a = -1;
        double best = 0;
        for (int p = 0; p + distance < last; p++) {
            double score = Math.min(Math.abs(c[p]), nearby[p + distance]);
            if (score > best) {
                best = score;
                a = p;
            }
        }
        if (a < 0) {
            throw new MeasurementException("found no timing markers " + seconds(distance, spec)
                    + " apart; the recording must hold the whole stimulus, with the marker speaker connected");
        }
        int b = Peaks.largest(c, a + distance - tolerance, Math.min(last, a + distance + tolerance + 1));
        if (best < 20 * typical(c, last)) {
            throw new MeasurementException("no timing markers stand out of the noise (the best pair, at " + seconds(a, spec)
                    + " and " + seconds(b, spec) + ", is within 26 dB of the typical match); is the marker speaker connected?");
        }
        double coarseA = Peaks.refine(c, a).position();
        double coarseB = Peaks.refine(c, b).position();
        double drift = (coarseB - coarseA) / distance - 1;
        double fineA = 0;
        double fineB = 0;
        for (int pass = 0; pass < REFINEMENTS; pass++) {
            fineA = refine(recording, a, marker, spec, drift);
            fineB = refine(recording, b, marker, spec, drift);
            drift = (fineB - fineA) / distance - 1;
        }
        return new Found(fineA, fineB, drift);
    }

    /** The median of |c| over [0, length), from every 16th value: the level of a match with nothing. */
    private static double typical(double[] c, int length) {
        double[] sample = new double[(length + 15) / 16];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = Math.abs(c[16 * i]);
        }
        java.util.Arrays.sort(sample);
        return sample[sample.length / 2];
    }

    /** m[i] = max |c[j]| for |j - i| <= radius and j < length, in one pass per direction of blocks. */
    static double[] slidingMax(double[] c, int length, int radius) {
        int width = 2 * radius + 1;
        double[] left = new double[length];
        double[] right = new double[length];
        for (int i = 0; i < length; i++) {
            double v = Math.abs(c[i]);
            left[i] = i % width == 0 ? v : Math.max(left[i - 1], v);
        }
        for (int i = length - 1; i >= 0; i--) {
            double v = Math.abs(c[i]);
            right[i] = (i + 1) % width == 0 || i == length - 1 ? v : Math.max(right[i + 1], v);
        }
        double[] m = new double[length];
        for (int i = 0; i < length; i++) {
            int lo = Math.max(0, i - radius);
            int hi = Math.min(length - 1, i + radius);
            m[i] = Math.max(right[lo], left[hi]);
        }
        return m;
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
        double[] spectrum = correlationSpectrum(recording, from, length, marker, n, advance, spec.sampleRate());
        return from + envelopePeak(spectrum, 0, length).position();
    }

    /** The envelope peak in [from, to) of the signal whose packed spectrum is given (consumed). */
    static Peaks.Peak envelopePeak(double[] spectrum, int from, int to) {
        double[] re = spectrum.clone();
        Fft.inverse(re);
        Analytic.rotate(spectrum);
        Fft.inverse(spectrum);
        return Analytic.envelopePeak(re, spectrum, from, to);
    }

    /** Cross-correlation c[lag] = sum x[from + lag + i] m[i], advanced as asked. */
    static double[] correlate(double[] x, int from, int length, double[] m, int n, Deconvolver.Advance advance,
                              double sampleRate) {
        double[] c = correlationSpectrum(x, from, length, m, n, advance, sampleRate);
        Fft.inverse(c);
        return c;
    }

    /** The packed spectrum of {@link #correlate}'s result. */
    static double[] correlationSpectrum(double[] x, int from, int length, double[] m, int n,
                                        Deconvolver.Advance advance, double sampleRate) {
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
            Fft.set(xs, k, re, k == 0 || k == n / 2 ? 0 : im);
        }
        return xs;
    }

    /**
     * The timing reference an impulse response would give: the position, in samples from the
     * response's first sample, of the envelope peak of the response convolved with the marker's
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
            Fft.set(y, k, Fft.re(y, k) * power[k], Fft.im(y, k) * power[k]);
        }
        return envelopePeak(y, 0, padded.length + m).position() - m;
    }

    private static String seconds(long frames, SweepSpec spec) {
        return String.format(java.util.Locale.ROOT, "%.3f s", frames / (double) spec.sampleRate());
    }
}
