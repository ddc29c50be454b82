package org.cabintune.dsp.meter;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.cabintune.dsp.Block;

/**
 * A meter tap: passes the signal through untouched and measures, per channel, the sample peak
 * (held for {@link MeterParams#peakHoldMs}, then falling at
 * {@link MeterParams#peakDecayDbPerSecond}) and the RMS over a rectangular window of
 * {@link MeterParams#rmsWindowMs}. O(1) work per sample.
 *
 * <p><b>RMS.</b> A history of the last W samples and a running sum of squares: each sample's
 * square (a Q16.48 value up to 2^62) is added and the one leaving the window subtracted. The
 * sum is kept exactly as two longs, the squares' high and low 32-bit halves summed apart (each
 * sum fits for any window), so it never drifts and reads exactly zero once silence fills the
 * window.
 *
 * <p><b>Peak.</b> |x| held in Q8.54 so the per-sample fall ({@code peak -= peak * K}, K from
 * {@link MeterParams#decayPerSample}, via {@link Math#multiplyHigh}) keeps moving down to
 * -144 dBFS instead of sticking where {@code peak * K} rounds to zero; below one LSB it
 * becomes exactly zero (-inf dBFS).
 *
 * <p><b>Publishing without locks.</b> At the end of each {@link #process} call the audio thread
 * packs each channel's peak and RMS (as two float amplitudes) into one long and stores it with
 * {@link AtomicLongArray#setRelease}; readers on any thread load it with
 * {@link AtomicLongArray#getAcquire}. Why that is enough: a plain {@code long} may be written in
 * two halves (JLS 17.7), an atomic one may not, so a reader always gets a peak and an RMS from
 * the same period, never a torn mix; release/acquire makes the store visible without a lock,
 * a CAS or an allocation (a plain store on x86, {@code stlr} on AArch64). Readers see the
 * latest published period and may skip some, which the peak hold covers when the display
 * polls faster than the hold time. Channels are published one by one, so two channels read in
 * turn may come from neighbouring periods.
 */
public final class Meter implements Block {

    private static final int PEAK_SHIFT = 30;
    /** One Q8.24 LSB in the Q8.54 peak: below it the peak reads as silence. */
    private static final long PEAK_FLOOR = 1L << PEAK_SHIFT;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private final int window;
    private final int holdSamples;
    /** Fall per sample after the hold, as a fraction of 2^64. */
    private final long decay;
    private final int[][] history;
    /** History position of the next sample, shared by all channels. */
    private int position;
    private final long[] sumHigh;
    private final long[] sumLow;
    /** Held peak, Q8.54. */
    private final long[] peak;
    private final int[] holdLeft;
    private final AtomicLongArray published;
    private final AtomicLong framesMetered = new AtomicLong();

    /** Builds the meter and its history buffers. */
    public Meter(MeterParams params) {
        int channels = params.channels();
        window = params.windowSamples();
        holdSamples = params.holdSamples();
        decay = (long) Math.rint(Math.scalb(params.decayPerSample(), 64));
        history = new int[channels][window];
        sumHigh = new long[channels];
        sumLow = new long[channels];
        peak = new long[channels];
        holdLeft = new int[channels];
        published = new AtomicLongArray(channels);
    }

    /** Number of channels. */
    public int channels() {
        return peak.length;
    }

    @Override
    public void process(int[][] channels, int frames) {
        for (int c = 0; c < peak.length; c++) {
            measure(c, channels[c], frames);
        }
        position = (int) ((position + (long) frames) % window);
        framesMetered.setRelease(framesMetered.getPlain() + frames);
    }

    private void measure(int c, int[] x, int frames) {
        int[] h = history[c];
        int pos = position;
        long hi = sumHigh[c];
        long lo = sumLow[c];
        long p = peak[c];
        int hold = holdLeft[c];
        for (int i = 0; i < frames; i++) {
            int s = x[i];
            int old = h[pos];
            h[pos] = s;
            pos = pos + 1 == window ? 0 : pos + 1;
            long in = (long) s * s;
            long out = (long) old * old;
            hi += (in >>> 32) - (out >>> 32);
            lo += (in & LOW_32) - (out & LOW_32);

            long a = Math.abs((long) s) << PEAK_SHIFT;
            if (a >= p) {
                p = a;
                hold = holdSamples;
            } else if (hold > 0) {
                hold--;
            } else {
                p -= Math.multiplyHigh(p, decay);
                if (p < PEAK_FLOOR) {
                    p = 0;
                }
            }
        }
        sumHigh[c] = hi;
        sumLow[c] = lo;
        peak[c] = p;
        holdLeft[c] = hold;
        double meanSquare = (Math.scalb((double) hi, 32) + lo) / window;
        published.setRelease(c, MeterReading.pack(Math.scalb((double) p, -54),
                Math.scalb(Math.sqrt(meanSquare), -24)));
    }

    /** The latest published levels of {@code channel}; any thread, lock-free. */
    public MeterReading reading(int channel) {
        return MeterReading.unpack(published.getAcquire(channel));
    }

    /** The latest published peak of {@code channel} in dBFS; any thread, lock-free. */
    public double peakDbfs(int channel) {
        return MeterReading.dbfs(Float.intBitsToFloat((int) (published.getAcquire(channel) >>> 32)));
    }

    /** The latest published RMS of {@code channel} in dBFS; any thread, lock-free. */
    public double rmsDbfs(int channel) {
        return MeterReading.dbfs(Float.intBitsToFloat((int) published.getAcquire(channel)));
    }

    /** Frames processed since construction or reset; any thread, lock-free. */
    public long framesMetered() {
        return framesMetered.getAcquire();
    }

    /**
     * Clears history, peaks and readings. Audio thread only, between periods; a reader may
     * still see the last period's reading until the next one is published.
     */
    @Override
    public void reset() {
        for (int[] h : history) {
            Arrays.fill(h, 0);
        }
        Arrays.fill(sumHigh, 0);
        Arrays.fill(sumLow, 0);
        Arrays.fill(peak, 0);
        Arrays.fill(holdLeft, 0);
        position = 0;
        for (int c = 0; c < peak.length; c++) {
            published.setRelease(c, 0);
        }
        framesMetered.setRelease(0);
    }
}
