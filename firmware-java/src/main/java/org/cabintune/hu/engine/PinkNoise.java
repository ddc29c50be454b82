package org.cabintune.hu.engine;

import org.cabintune.dsp.Q824;

/**
 * Pink (1/f) noise: uniform white noise from a seeded xorshift64* generator through Paul
 * Kellet's "refined" filter, seven first-order sections that hold the slope within
 * &plusmn;0.05 dB from 9.2 Hz to Nyquist at 44.1 kHz (Kellet, music-dsp mailing list, 1999).
 * The same seed always gives the same noise. The level is set on the RMS: the filter's noise
 * power gain is the energy of its impulse response, summed once when the generator is made.
 */
final class PinkNoise implements SignalGenerator {

    /** Pole and input weight of each one-pole section, then the direct and one-sample-delayed terms. */
    private static final double[] POLE = {0.99886, 0.99332, 0.96900, 0.86650, 0.55000, -0.7616};
    private static final double[] WEIGHT = {0.0555179, 0.0750759, 0.1538520, 0.3104856, 0.5329522, -0.0168980};
    private static final double DIRECT = 0.5362;
    private static final double DELAYED = 0.115926;
    /** Variance of white noise uniform in [-1, 1). */
    private static final double WHITE_VARIANCE = 1.0 / 3.0;

    private final double scale;
    private final double[] state = new double[POLE.length];
    private double previousWhite;
    private long random;

    /** Noise at {@code rmsDbfs} RMS (peaks run about 12 dB higher). */
    PinkNoise(double rmsDbfs, long seed) {
        this.scale = Q824.dbToGain(rmsDbfs) / Math.sqrt(WHITE_VARIANCE * impulseEnergy());
        // SplitMix64 spreads neighbouring seeds and never leaves xorshift the zero state.
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        random = (z ^ (z >>> 31)) | 1;
    }

    /** Sum of h[n]^2 of the whole filter, to well below 1e-12 of its value. */
    static double impulseEnergy() {
        double energy = 0;
        double[] power = {1, 1, 1, 1, 1, 1};
        for (int n = 0; n < 40_000; n++) {
            double h = n == 0 ? DIRECT : n == 1 ? DELAYED : 0;
            for (int k = 0; k < POLE.length; k++) {
                h += WEIGHT[k] * power[k];
                power[k] *= POLE[k];
            }
            energy += h * h;
        }
        return energy;
    }

    @Override
    public void generate(int[] out, int frames) {
        double[] s = state;
        for (int i = 0; i < frames; i++) {
            long x = random;
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            random = x;
            double white = ((x * 0x2545F4914F6CDD1DL) >>> 11) * 0x1p-52 - 1.0;
            double pink = DIRECT * white + DELAYED * previousWhite;
            for (int k = 0; k < s.length; k++) {
                s[k] = POLE[k] * s[k] + WEIGHT[k] * white;
                pink += s[k];
            }
            previousWhite = white;
            out[i] = Q824.fromDouble(scale * pink);
        }
    }
}
