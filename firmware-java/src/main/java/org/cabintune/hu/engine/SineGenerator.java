package org.cabintune.hu.engine;

import org.cabintune.dsp.Q824;

/** A steady sine from phase 0; the phase wraps at 2 pi so it stays exact over hours. */
final class SineGenerator implements SignalGenerator {

    private static final double TWO_PI = 2 * Math.PI;

    private final double increment;
    private final double amplitude;
    private double phase;

    SineGenerator(int sampleRate, double frequencyHz, double amplitude) {
        this.increment = TWO_PI * frequencyHz / sampleRate;
        this.amplitude = amplitude;
    }

    @Override
    public void generate(int[] out, int frames) {
        double p = phase;
        for (int i = 0; i < frames; i++) {
            out[i] = Q824.fromDouble(amplitude * Math.sin(p));
            p += increment;
            if (p >= TWO_PI) {
                p -= TWO_PI;
            }
        }
        phase = p;
    }
}
