package org.cabintune.hu.remote;

import org.cabintune.hu.engine.NullSink;
import org.cabintune.hu.engine.Sink;

/**
 * A paced null device that, once {@linkplain #arm armed}, keeps the first {@code capacity}
 * frames written to each channel in arrays made here, so the audio thread allocates nothing.
 * Arming again starts a new take over the same arrays; only the audio thread moves the count.
 */
final class RecordingSink implements Sink {

    private final NullSink device;
    private final int[][] recorded;
    private volatile int takesAsked;
    private volatile int takesStarted;
    private volatile int frames;

    RecordingSink(int channels, int sampleRate, int capacity) {
        this.device = new NullSink(channels, sampleRate);
        this.recorded = new int[channels][capacity];
    }

    /** Starts keeping what is written, from the next block, from the first frame of the arrays. */
    void arm() {
        takesAsked++;
    }

    /** True once {@code capacity} frames of the take asked for last are kept. */
    boolean full() {
        return takesStarted == takesAsked && frames == recorded[0].length;
    }

    /** The frames kept of {@code channel}. */
    int[] recorded(int channel) {
        return java.util.Arrays.copyOf(recorded[channel], frames);
    }

    @Override
    public int channels() {
        return device.channels();
    }

    @Override
    public void write(int[][] block, int n) {
        int asked = takesAsked;
        if (asked != takesStarted) {
            frames = 0;
            takesStarted = asked;
        }
        if (asked > 0) {
            int at = frames;
            int keep = Math.min(n, recorded[0].length - at);
            for (int c = 0; c < recorded.length; c++) {
                System.arraycopy(block[c], 0, recorded[c], at, keep);
            }
            frames = at + keep;
        }
        device.write(block, n);
    }

    @Override
    public long nextDeadlineNanos() {
        return device.nextDeadlineNanos();
    }

    @Override
    public long xruns() {
        return device.xruns();
    }
}
