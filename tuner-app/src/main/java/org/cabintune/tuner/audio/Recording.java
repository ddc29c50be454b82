package org.cabintune.tuner.audio;

import java.io.IOException;
import java.util.Arrays;

/**
 * One recording from a {@link Capture} in the background: started, it reads on its own thread
 * until stopped (a line) or until the capture ends (a stream), and hands back one channel's
 * samples.
 */
public final class Recording {

    /** Frames per read: 50 ms at 48 kHz, so a stop is answered quickly. */
    static final int BLOCK_FRAMES = 2400;

    private final Capture capture;
    private final Thread thread;
    private double[] samples = new double[1 << 16];
    private int count;
    private IOException failure;

    private Recording(Capture capture, int channel) {
        this.capture = capture;
        FrameReader reader = new FrameReader(capture, channel, BLOCK_FRAMES);
        this.thread = new Thread(() -> readAll(reader), "cabintune-recording");
        thread.setDaemon(true);
    }

    /** Starts recording channel {@code channel} of {@code capture}. */
    public static Recording start(Capture capture, int channel) {
        Recording r = new Recording(capture, channel);
        capture.begin();
        r.thread.start();
        return r;
    }

    private void readAll(FrameReader reader) {
        double[] block = new double[reader.blockFrames()];
        try {
            while (true) {
                int n = reader.read(block, 0);
                if (n < 0) {
                    return;
                }
                synchronized (this) {
                    if (count + n > samples.length) {
                        samples = Arrays.copyOf(samples, Math.max(2 * samples.length, count + n));
                    }
                    System.arraycopy(block, 0, samples, count, n);
                    count += n;
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        }
    }

    /** Ends the capture, waits for what it still holds, and returns the samples. */
    public double[] stop() throws IOException {
        capture.end();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the recording from " + capture.name() + " finished", e);
        }
        synchronized (this) {
            if (failure != null) {
                throw new AudioException("recording from " + capture.name() + " failed: " + failure.getMessage(), failure);
            }
            return Arrays.copyOf(samples, count);
        }
    }
}
