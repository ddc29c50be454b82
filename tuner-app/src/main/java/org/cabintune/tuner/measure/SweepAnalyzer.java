package org.cabintune.tuner.measure;

import java.util.List;
import java.util.Map;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepLayout;
import org.cabintune.dsp.sweep.SweepSpec;

/**
 * Turns a recording of a stimulus from {@link SweepGenerator} into a {@link Measurement}.
 *
 * <ol>
 *   <li><b>Timing.</b> With markers, {@link TimingMarkers} finds both, which gives the clock
 *       drift and the instant (in microphone samples) the sweep left the head unit, counted
 *       from the marker's arrival: that instant is time zero. Without markers, time zero is
 *       where the sweep starts in the stimulus file, counted from the recording's first sample.
 *   <li><b>Deconvolution.</b> The recording from {@value #PRE_SECONDS} s before time zero to
 *       just before marker B is divided by the sweep's spectrum ({@link Deconvolver}), advanced
 *       by the fraction of a sample time zero falls on and by the drift's frequency-dependent
 *       delay ({@link ClockDrift}). The FFT is long enough (segment plus sweep) that the
 *       harmonic responses, which land before time zero, do not wrap onto the linear one.
 *   <li><b>Linear response.</b> The envelope peak places the window; the arrival time is read
 *       from the response up to the noise ({@link Arrival}), the polarity from its correlation with
 *       its minimum-phase twin ({@link Polarity}); the last {@value #NOISE_SECONDS} s of the valid span are noise only and size
 *       the automatic window ({@link IrWindow#automatic}) and the noise floor.
 *   <li><b>Harmonics.</b> Harmonic k's response is windowed out around L ln k before the
 *       linear one, up to {@link #maxHarmonic}.
 * </ol>
 *
 * An analyser keeps the inverse filters it has built, so analysing several recordings of one
 * stimulus builds each size once. Not thread-safe.
 */
public final class SweepAnalyzer {

    /** Room before time zero: a speaker nearer than the timing reference arrives before it. */
    public static final double PRE_SECONDS = 0.05;
    /** Length of the noise-only span at the end of the response. */
    public static final double NOISE_SECONDS = 0.25;
    /** Harmonics separated by default (2nd to 5th). */
    public static final int DEFAULT_MAX_HARMONIC = 5;
    /** Gap kept between marker B's arrival and the end of the analysed segment. */
    private static final double MARKER_B_GUARD_SECONDS = 0.02;
    /** Smallest distance between neighbouring harmonic responses for them to be separated. */
    private static final double MIN_HARMONIC_GAP_SECONDS = 0.01;

    private final SweepSpec spec;
    private final double[] sweep;
    private final double[] marker;
    private final Map<Integer, Deconvolver> inverses = new java.util.concurrent.ConcurrentHashMap<>();
    private final int maxHarmonic;

    /** An analyser for recordings of the stimulus {@code spec}, separating harmonics up to the 5th. */
    public SweepAnalyzer(SweepSpec spec) {
        this(spec, DEFAULT_MAX_HARMONIC);
    }

    /** An analyser separating harmonics 2 .. {@code maxHarmonic} (1 for none). */
    public SweepAnalyzer(SweepSpec spec, int maxHarmonic) {
        this.spec = spec;
        SweepGenerator generator = new SweepGenerator(spec);
        this.sweep = generator.sweep();
        this.marker = generator.marker();
        this.maxHarmonic = Math.max(1, Math.min(maxHarmonic, separableHarmonics(spec)));
    }

    /** The stimulus analysed. */
    public SweepSpec spec() {
        return spec;
    }

    /** Highest harmonic separated. */
    public int maxHarmonic() {
        return maxHarmonic;
    }

    /** The highest k whose response lies at least 10 ms from harmonic k - 1's. */
    static int separableHarmonics(SweepSpec spec) {
        int k = 1;
        while (k < 20 && spec.rateSeconds() * Math.log((k + 1.0) / k) >= MIN_HARMONIC_GAP_SECONDS) {
            k++;
        }
        return k;
    }

    /** Analyses a mono recording made at the stimulus's sample rate. */
    public Measurement analyze(double[] recording) {
        int rate = spec.sampleRate();
        SweepLayout layout = spec.layout();
        int pre = (int) Math.round(PRE_SECONDS * rate);
        double zero;
        double drift;
        int segmentEnd;
        if (layout.hasMarkers()) {
            TimingMarkers.Found found = TimingMarkers.locate(recording, spec, marker);
            drift = found.drift();
            if (Math.abs(drift) > ClockDrift.MAX_PPM * 1e-6) {
                throw new MeasurementException(String.format(java.util.Locale.ROOT,
                        "the clocks differ by %.0f ppm, beyond the %.0f ppm the analysis accepts; was the recording"
                                + " made at %d Hz?", drift * 1e6, ClockDrift.MAX_PPM, rate));
            }
            zero = found.markerA() + (1 + drift) * (layout.sweepStart() - layout.markerA());
            segmentEnd = Math.min(recording.length,
                    (int) Math.floor(found.markerB()) - (int) Math.round(MARKER_B_GUARD_SECONDS * rate));
        } else {
            drift = 0;
            zero = layout.sweepStart();
            segmentEnd = recording.length;
        }
        int zeroWhole = (int) Math.floor(zero);
        int from = zeroWhole - pre;
        int length = segmentEnd - from;
        int validEnd = length - sweep.length;
        int noiseLength = (int) Math.round(NOISE_SECONDS * rate);
        if (from < 0 || validEnd < pre + 2 * noiseLength) {
            throw new MeasurementException(String.format(java.util.Locale.ROOT,
                    "the recording does not hold the sweep and %.2f s after it (it is %.3f s long); record the whole"
                            + " stimulus", (pre + 2.0 * noiseLength) / rate, recording.length / (double) rate));
        }
        double sampleRate = rate * (1 + drift);
        int n = Fft.goodSize(length + sweep.length);
        Deconvolver inverse = inverses.computeIfAbsent(n,
                size -> new Deconvolver(sweep, size, rate, spec.startHz(), Math.min(spec.endHz(), rate / 2.0)));
        double[] h = inverse.apply(recording, from, length, ClockDrift.advanceSamples(drift, rate, spec.startHz(),
                spec.endHz(), spec.rateSeconds(), zero - zeroWhole));

        int noiseStart = validEnd - noiseLength;
        double[] linear = java.util.Arrays.copyOf(h, validEnd);
        Peaks.Peak peak = Analytic.envelopePeak(linear, Analytic.hilbert(linear), 0, noiseStart);
        double noiseRms = rms(h, noiseStart, validEnd);
        if (Math.abs(h[Peaks.largest(h, 0, noiseStart)]) < 3 * noiseRms) {
            throw new MeasurementException("no response stands out of the noise (peak only "
                    + String.format(java.util.Locale.ROOT, "%.1f",
                            20 * Math.log10(Math.abs(h[Peaks.largest(h, 0, noiseStart)]) / noiseRms))
                    + " dB above it): is the speaker connected and the microphone live?");
        }
        int peakIndex = (int) Math.round(peak.position());
        IrWindow window = IrWindow.automatic(h, peakIndex, noiseRms, noiseStart, rate);
        int fftLength = frequencyFftLength(window.length(), rate);
        // Every spectrum is divided by the deconvolution's causal band limit, designed at the
        // nominal rate: evaluated at the same fraction of the (drift-corrected) rate it is exact.
        List<BiquadCoefficients> limit = Deconvolver.bandLimit(spec.startHz(), sampleRate);
        Transfer raw = Transfer.of(h, window, pre, sampleRate, fftLength);
        double[][] limitResponse = Rotation.response(limit, raw.binHz(), raw.bins(), sampleRate);
        Transfer transfer = raw.dividedBy(limitResponse);
        Transfer noise = noiseTransfer(h, noiseStart, validEnd, window, pre, sampleRate, fftLength)
                .dividedBy(limitResponse);
        double[] harmonicEnergy = new double[maxHarmonic - 1];
        Transfer[] harmonics = harmonics(h, peak.position(), window, pre, sampleRate, fftLength, harmonicEnergy);
        for (int k = 0; k < harmonics.length; k++) {
            harmonics[k] = harmonics[k].dividedBy(limitResponse);
        }
        return new Measurement(spec, sampleRate, linear, pre, window, transfer, noise, harmonics, harmonicEnergy,
                arrival(h, window, noiseStart, pre, sampleRate, limit), Polarity.of(transfer), drift * 1e6,
                layout.hasMarkers());
    }

    /**
     * The arrival ({@link Arrival}) read through the longest window the noise allows: the
     * response's low-frequency tail shapes a subwoofer's envelope, so cutting it early would
     * move the arrival.
     */
    private static double arrival(double[] h, IrWindow window, int noiseStart, int zero, double sampleRate,
                                  List<BiquadCoefficients> limit) {
        int taper = (noiseStart - window.start()) / 10;
        IrWindow longest = new IrWindow(window.start(), window.riseEnd(), Math.max(window.riseEnd(), noiseStart - taper),
                noiseStart);
        int n = frequencyFftLength(longest.length(), (int) Math.round(sampleRate));
        return Arrival.of(Transfer.of(h, longest, zero, sampleRate, n).dividedBy(limit, sampleRate));
    }

    /** A power-of-two FFT of at least twice the window and at least one second (about 1 Hz bins). */
    static int frequencyFftLength(int windowLength, int rate) {
        int n = Integer.highestOneBit(Math.max(2 * windowLength, rate) - 1) << 1;
        return Math.max(n, 2);
    }

    private static Transfer noiseTransfer(double[] h, int start, int end, IrWindow window, int zero,
                                          double sampleRate, int fftLength) {
        int taper = (end - start) / 8;
        IrWindow noiseWindow = new IrWindow(start, start + taper, end - taper, end);
        Transfer raw = Transfer.of(h, noiseWindow, zero, sampleRate, fftLength);
        double[] gain = new double[raw.bins()];
        java.util.Arrays.fill(gain, Math.sqrt(window.energy() / noiseWindow.energy()));
        return raw.scaled(gain);
    }

    /** Harmonic k's response, windowed out around L ln k before the linear peak (circularly). */
    private Transfer[] harmonics(double[] h, double peak, IrWindow window, int zero, double sampleRate,
                                 int fftLength, double[] energy) {
        Transfer[] out = new Transfer[maxHarmonic - 1];
        int n = h.length;
        double rateSamples = spec.rateSeconds() * spec.sampleRate();
        int linearLeft = (int) Math.round(peak) - window.start();
        int linearRight = window.end() - (int) Math.round(peak);
        int previousLeft = linearLeft;
        for (int k = 2; k <= maxHarmonic; k++) {
            double centre = peak - rateSamples * Math.log(k);
            int gapAbove = (int) Math.floor(rateSamples * Math.log(k / (k - 1.0)));
            int gapBelow = (int) Math.floor(rateSamples * Math.log((k + 1.0) / k));
            int left = Math.min(linearLeft, (int) (0.45 * gapBelow));
            int right = Math.max(1, Math.min(linearRight, gapAbove - previousLeft));
            int first = (int) Math.round(centre) - left;
            double[] g = new double[left + right];
            for (int i = 0; i < g.length; i++) {
                g[i] = h[Math.floorMod(first + i, n)];
            }
            IrWindow w = new IrWindow(0, Math.max(0, left / 2), Math.max(left / 2, g.length - right / 4), g.length);
            out[k - 2] = Transfer.of(g, w, left, sampleRate, fftLength);
            energy[k - 2] = w.energy() / window.energy();
            previousLeft = left;
        }
        return out;
    }

    private static double rms(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
