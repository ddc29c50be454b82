package org.cabintune.dsp.loudness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cabintune.dsp.Q824;

/**
 * A test programme described as segments (tones, silence, explicit samples) and rendered to
 * Q8.24 on the fly, block by block, so an hour of it needs no more memory than one block. The
 * EBU Tech 3341 and 3342 signals are built from their definitions with it.
 */
final class Programme {

    /** The EBU test tone: 1 kHz, the same phase in every channel. */
    static final int TONE_HZ = 1000;

    private final int sampleRate;
    private final int channels;
    private final List<Segment> segments = new ArrayList<>();
    /** One period of the unit tone (a whole number of cycles): 48 samples at 48 kHz. */
    private final double[] tone;
    private long frames;

    private record Segment(long start, long length, double[] amplitudes, double[][] samples) {
    }

    Programme(int sampleRate, int channels) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        tone = new double[sampleRate / gcd(sampleRate, TONE_HZ)];
        for (int n = 0; n < tone.length; n++) {
            tone[n] = Math.sin(2 * Math.PI * TONE_HZ * n / sampleRate);
        }
    }

    int sampleRate() {
        return sampleRate;
    }

    int channels() {
        return channels;
    }

    long frames() {
        return frames;
    }

    /** Duration so far in seconds. */
    double seconds() {
        return (double) frames / sampleRate;
    }

    /**
     * A 1 kHz tone for {@code seconds}, per channel at a peak level in dBFS (one value for
     * every channel, or one per channel; {@code -inf} for a silent channel). Its phase runs on
     * from the start of the programme.
     */
    Programme tone(double seconds, double... dbfs) {
        double[] amplitudes = new double[channels];
        for (int c = 0; c < channels; c++) {
            amplitudes[c] = Q824.dbToGain(dbfs.length == 1 ? dbfs[0] : dbfs[c]);
        }
        return add(seconds, amplitudes, null);
    }

    /** Digital silence for {@code seconds}. */
    Programme silence(double seconds) {
        return add(seconds, new double[channels], null);
    }

    /** Explicit samples, 1.0 = full scale, the same on every channel. */
    Programme samples(double[] x) {
        double[][] perChannel = new double[channels][];
        for (int c = 0; c < channels; c++) {
            perChannel[c] = x;
        }
        segments.add(new Segment(frames, x.length, null, perChannel));
        frames += x.length;
        return this;
    }

    private Programme add(double seconds, double[] amplitudes, double[][] samples) {
        long length = Math.round(seconds * sampleRate);
        segments.add(new Segment(frames, length, amplitudes, samples));
        frames += length;
        return this;
    }

    /** Renders frames {@code [start, start + n)} into {@code dest[c][0..n)}. */
    void render(long start, int[][] dest, int n) {
        int segment = 0;
        for (int i = 0; i < n; i++) {
            long t = start + i;
            while (t >= segments.get(segment).start + segments.get(segment).length) {
                segment++;
            }
            Segment s = segments.get(segment);
            double unit = tone[(int) (t % tone.length)];
            for (int c = 0; c < channels; c++) {
                double v = s.samples != null ? s.samples[c][(int) (t - s.start)] : s.amplitudes[c] * unit;
                dest[c][i] = Q824.fromDouble(v);
            }
        }
    }

    /**
     * Runs the programme through {@code meter} in blocks of {@code block} frames and hands
     * the readings after each block to {@code each} (may be null).
     */
    void meter(LoudnessMeter meter, int block, Consumer<LoudnessReadings> each) {
        int[][] buffer = new int[channels][block];
        for (long at = 0; at < frames; at += block) {
            int n = (int) Math.min(block, frames - at);
            render(at, buffer, n);
            meter.process(buffer, n);
            if (each != null) {
                each.accept(meter.readings());
            }
        }
    }

    /** Measures the whole programme with a new meter. */
    LoudnessReadings measure(LoudnessParams params) {
        LoudnessMeter meter = new LoudnessMeter(params);
        meter(meter, 4096, null);
        return meter.readings();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
