package org.cabintune.hu.render;

import org.cabintune.dsp.Q824;

/**
 * A short stereo programme that exercises a whole car chain: a bass line with a kick, a
 * chord, hi-hat noise, a left/right panned voice band and a final log sweep. It is generated,
 * so the demo needs no media file; the same frame index always gives the same samples.
 */
public final class DemoProgramme {

    private final int sampleRate;
    private final long frames;
    private long position;
    private long noise = 0x9E3779B97F4A7C15L;

    /**
     * @param sampleRate the profile's rate
     * @param seconds    length of the programme
     */
    public DemoProgramme(int sampleRate, double seconds) {
        this.sampleRate = sampleRate;
        this.frames = Math.round(sampleRate * seconds);
    }

    /** Total frames in the programme. */
    public long frames() {
        return frames;
    }

    /** Fills up to {@code maxFrames} of two channels; returns frames written, -1 at the end. */
    public int read(int[][] dest, int maxFrames) {
        if (position >= frames) {
            return -1;
        }
        int n = (int) Math.min(maxFrames, frames - position);
        for (int i = 0; i < n; i++) {
            double t = (position + i) / (double) sampleRate;
            double[] lr = sample(t);
            dest[0][i] = Q824.fromDouble(lr[0]);
            dest[1][i] = Q824.fromDouble(lr[1]);
        }
        position += n;
        return n;
    }

    private double[] sample(double t) {
        double total = frames / (double) sampleRate;
        double sweepStart = total * 0.75;
        if (t >= sweepStart) {
            double len = total - sweepStart, k = Math.log(1000.0);
            double u = t - sweepStart;
            double fade = Math.min(1, Math.min(u, len - u) / 0.05);
            double s = 0.35 * fade * Math.sin(2 * Math.PI * 20 * len / k * (Math.exp(u / len * k) - 1));
            return new double[] {s, s};
        }
        double beat = 60.0 / 112;
        double inBeat = t % beat;
        int bar = (int) (t / (4 * beat)) % 4;
        double root = new double[] {41.2, 55.0, 49.0, 36.7}[bar];
        double kick = 0.55 * Math.exp(-inBeat * 18) * Math.sin(2 * Math.PI * (45 + 90 * Math.exp(-inBeat * 30)) * inBeat);
        double bass = 0.22 * Math.sin(2 * Math.PI * root * t) * (0.6 + 0.4 * Math.exp(-inBeat * 4));
        double chord = 0.0;
        for (double ratio : new double[] {4, 5, 6, 8}) {
            chord += 0.045 * Math.sin(2 * Math.PI * root * ratio * t + ratio);
        }
        double halfBeat = t % (beat / 2);
        double hat = 0.06 * Math.exp(-halfBeat * 60) * white();
        double voice = 0.12 * Math.sin(2 * Math.PI * 220 * t + 3 * Math.sin(2 * Math.PI * 5.5 * t))
                * (0.5 + 0.5 * Math.sin(2 * Math.PI * 0.25 * t));
        double pan = 0.5 + 0.5 * Math.sin(2 * Math.PI * 0.1 * t);
        double common = kick + bass + chord;
        return new double[] {common + hat + voice * (1 - pan), common + 0.8 * hat + voice * pan};
    }

    private double white() {
        noise ^= noise << 13;
        noise ^= noise >>> 7;
        noise ^= noise << 17;
        return (noise >> 11) * 0x1.0p-52;
    }
}
