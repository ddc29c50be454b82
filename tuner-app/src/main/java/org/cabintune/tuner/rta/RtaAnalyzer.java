package org.cabintune.tuner.rta;

import java.util.Arrays;
import org.cabintune.tuner.measure.Fft;
import org.cabintune.tuner.measure.MicCalibration;

/**
 * The analyser: Hann-windowed FFT frames of a microphone signal, overlapping so a new frame comes
 * at least every quarter second, each frame's power summed into fractional-octave bands
 * ({@link Bands}) and averaged ({@link Averaging}).
 *
 * <p>Levels are band powers, not densities, so pink noise (equal power per octave) reads flat.
 * A band's power is the sum over its bins of 2 |X[k]|^2 / (N sum w^2), the one-sided mean square
 * the window lets through (Parseval: exact on average for noise, and for a sine whose window
 * main lobe lies in the band). A bin straddling an edge is shared by the two bands in proportion
 * to its overlap, treating it as covering k +- 1/2 bin. The microphone's calibration divides
 * each bin's power by the microphone's own response at that bin.
 */
public final class RtaAnalyzer {

    /** A new frame at least this often. */
    static final double MAX_HOP_SECONDS = 0.25;
    /** The narrowest band must span this many bins (the Hann window's main lobe is 4 wide). */
    static final double MIN_BINS_PER_BAND = 2;

    private final int sampleRate;
    private final int size;
    private final int hop;
    private final Bands bands;
    private final Averaging averaging;
    private final double[] window;
    private final int[] firstBin;
    private final double[][] weights;
    private final double[] buffer;
    private int filled;
    private final double[] average;
    private final double[] peak;
    private final double[] frame;
    private long frames;
    private long samples;

    /**
     * @param sampleRate  the signal's rate
     * @param bands       the bands (their top edge at or below Nyquist)
     * @param fftSize     the FFT length (even), at least {@link #fftSizeFor} for these bands
     * @param averaging   how frames are averaged
     * @param calibration the microphone's calibration, or null
     */
    public RtaAnalyzer(int sampleRate, Bands bands, int fftSize, Averaging averaging, MicCalibration calibration) {
        if (bands.size() == 0) {
            throw new IllegalArgumentException("no bands to analyse");
        }
        if (bands.upper()[bands.size() - 1] > sampleRate / 2.0) {
            throw new IllegalArgumentException("band " + Bands.hz(bands.centres()[bands.size() - 1]) + " Hz reaches "
                    + Math.round(bands.upper()[bands.size() - 1]) + " Hz, above Nyquist (" + sampleRate / 2 + " Hz)");
        }
        if (fftSize < fftSizeFor(bands, sampleRate) || fftSize % 2 != 0) {
            throw new IllegalArgumentException("fftSize = " + fftSize + " is too short or odd: 1/" + bands.fraction()
                    + " octave from " + Bands.hz(bands.centres()[0]) + " Hz at " + sampleRate + " Hz needs at least "
                    + fftSizeFor(bands, sampleRate));
        }
        this.sampleRate = sampleRate;
        this.size = fftSize;
        this.hop = Math.min(fftSize / 4, Integer.highestOneBit((int) (MAX_HOP_SECONDS * sampleRate)));
        this.bands = bands;
        this.averaging = averaging;
        this.window = new double[fftSize];
        double sumSquares = 0;
        for (int i = 0; i < fftSize; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / fftSize);
            sumSquares += window[i] * window[i];
        }
        double binHz = (double) sampleRate / fftSize;
        double scale = 2 / (fftSize * sumSquares);
        this.firstBin = new int[bands.size()];
        this.weights = new double[bands.size()][];
        for (int b = 0; b < bands.size(); b++) {
            double lo = bands.lower()[b] / binHz;
            double hi = bands.upper()[b] / binHz;
            int k0 = (int) Math.floor(lo + 0.5);
            int k1 = Math.min(fftSize / 2 - 1, (int) Math.ceil(hi - 0.5));
            firstBin[b] = k0;
            weights[b] = new double[k1 - k0 + 1];
            for (int k = k0; k <= k1; k++) {
                double overlap = Math.min(hi, k + 0.5) - Math.max(lo, k - 0.5);
                double mic = calibration == null ? 1 : Math.pow(10, -calibration.correctionDb(k * binHz) / 10);
                weights[b][k - k0] = Math.max(0, overlap) * scale * mic;
            }
        }
        this.buffer = new double[fftSize];
        this.average = new double[bands.size()];
        this.peak = new double[bands.size()];
        this.frame = new double[bands.size()];
    }

    /**
     * The FFT length that resolves {@code bands} at {@code sampleRate}: the smallest power of two
     * whose bins are narrow enough that the narrowest (lowest) band spans {@value #MIN_BINS_PER_BAND} of them.
     */
    public static int fftSizeFor(Bands bands, int sampleRate) {
        double narrowest = bands.upper()[0] - bands.lower()[0];
        double needed = MIN_BINS_PER_BAND * sampleRate / narrowest;
        int n = 1024;
        while (n < needed) {
            n *= 2;
        }
        return n;
    }

    /** The FFT length. */
    public int fftSize() {
        return size;
    }

    /** Samples between frames. */
    public int hop() {
        return hop;
    }

    /** Adds {@code x[off, off + count)} to the signal; every complete frame is analysed and averaged in. */
    public synchronized void accept(double[] x, int off, int count) {
        int i = 0;
        while (i < count) {
            int n = Math.min(count - i, size - filled);
            System.arraycopy(x, off + i, buffer, filled, n);
            filled += n;
            i += n;
            if (filled == size) {
                analyseFrame();
                System.arraycopy(buffer, hop, buffer, 0, size - hop);
                filled = size - hop;
            }
        }
        samples += count;
    }

    private void analyseFrame() {
        double[] a = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = buffer[i] * window[i];
        }
        double[] power = Fft.power(Fft.forward(a, size));
        frames++;
        double w = averaging.weight((double) hop / sampleRate, frames);
        for (int b = 0; b < frame.length; b++) {
            double sum = 0;
            double[] wb = weights[b];
            for (int j = 0; j < wb.length; j++) {
                sum += wb[j] * power[firstBin[b] + j];
            }
            frame[b] = sum;
            average[b] += w * (sum - average[b]);
            peak[b] = frames == 1 ? sum : Math.max(peak[b], sum);
        }
    }

    /** What it reads now: levels in dBFS RMS (NaN before the first frame). */
    public synchronized Spectrum spectrum() {
        double[] db = new double[average.length];
        double[] pk = new double[average.length];
        for (int b = 0; b < db.length; b++) {
            db[b] = frames == 0 ? Double.NaN : 10 * Math.log10(average[b]);
            pk[b] = frames == 0 ? Double.NaN : 10 * Math.log10(peak[b]);
        }
        return new Spectrum(bands, db, pk, frames, (double) samples / sampleRate, averaging, "dBFS");
    }

    /** Forgets the average, the peaks and the signal so far. */
    public synchronized void reset() {
        Arrays.fill(average, 0);
        Arrays.fill(peak, 0);
        filled = 0;
        frames = 0;
        samples = 0;
    }
}
