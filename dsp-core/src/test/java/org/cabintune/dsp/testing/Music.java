package org.cabintune.dsp.testing;

import java.util.SplittableRandom;

/**
 * Music-like test material for the bus (compressor, limiter, normalisation): a kick drum, a bass line, a chord pad, hi-hat
 * noise bursts and a vibrato lead, each with its own envelope and stereo placement, so every
 * band of a 120 Hz / 2.5 kHz split sees transients, sustained notes and gaps. About -15 dBFS
 * RMS with peaks near +3 dBFS, as a bus after a preamp boost may carry (the limiter comes
 * later). Deterministic for a seed.
 */
public final class Music {

    private Music() {
    }

    /** {@code [2][frames]}: left and right. */
    public static double[][] stereo(int rate, int frames, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[2][frames];
        double kickPhase = 0;
        double hatLevel = 0;
        double hatState = 0;
        int beat = rate / 2;
        double[] bassNotes = {55.0, 55.0, 73.4, 82.4};
        double[] chord = {261.6, 329.6, 392.0};
        for (int n = 0; n < frames; n++) {
            double t = (double) n / rate;
            int sinceBeat = n % beat;
            double tb = (double) sinceBeat / rate;
            // Kick: a falling pitch (110 -> 45 Hz) with an 80 ms decay, on every beat.
            kickPhase = sinceBeat == 0 ? 0 : kickPhase + 2 * Math.PI * (45 + 65 * Math.exp(-tb / 0.03)) / rate;
            double kick = 0.55 * Math.exp(-tb / 0.08) * Math.sin(kickPhase);
            // Bass: a note per beat, three harmonics, plucked.
            double f = bassNotes[(n / beat) % bassNotes.length];
            double bass = 0.18 * Math.exp(-tb / 0.3)
                    * (Math.sin(2 * Math.PI * f * t) + 0.5 * Math.sin(4 * Math.PI * f * t)
                    + 0.25 * Math.sin(6 * Math.PI * f * t));
            // Pad: a chord swelling over two seconds.
            double swell = 0.5 - 0.5 * Math.cos(2 * Math.PI * t / 2.0);
            double pad = 0;
            for (double c : chord) {
                pad += 0.06 * swell * Math.sin(2 * Math.PI * c * t + c);
            }
            // Hats: high-passed noise bursts on eighth notes, 25 ms decay.
            if (n % (beat / 4) == 0) {
                hatLevel = 0.35;
            }
            hatLevel *= Math.exp(-1.0 / (0.025 * rate));
            double white = random.nextDouble() * 2 - 1;
            double hat = hatLevel * (white - hatState);
            hatState = white;
            // Lead: 1.2 kHz .. 1.8 kHz with vibrato, in phrases.
            double phrase = Math.max(0, Math.sin(2 * Math.PI * t / 1.5));
            double lead = 0.2 * phrase * Math.sin(2 * Math.PI * 1500 * t + 8 * Math.sin(2 * Math.PI * 5 * t));
            x[0][n] = kick + bass + 0.8 * pad + 0.6 * hat + lead;
            x[1][n] = kick + bass + 1.2 * pad + 1.0 * hat + 0.5 * lead;
        }
        return x;
    }
}
