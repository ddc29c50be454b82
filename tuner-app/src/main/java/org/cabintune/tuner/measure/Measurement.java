package org.cabintune.tuner.measure;

import org.cabintune.dsp.sweep.SweepSpec;

/**
 * One analysed sweep recording.
 *
 * @param spec            the stimulus
 * @param sampleRate      the microphone's rate in the head unit's seconds (nominal times 1 + drift)
 * @param impulse         the linear impulse response (and the noise after it), sample {@code zeroIndex} at time zero
 * @param zeroIndex       index of time zero in {@code impulse}
 * @param window          the window the response was computed through
 * @param transfer        the windowed linear response, phase referred to time zero
 * @param noise           the noise seen through a window of the same energy, for the noise floor
 * @param harmonics       transfers of harmonics 2, 3, ...
 * @param harmonicEnergy  energy of each harmonic's window relative to the linear window's (for the noise in it)
 * @param arrivalSeconds  arrival after time zero ({@link Arrival})
 * @param polarity        +1 or -1 ({@link Polarity})
 * @param driftPpm        the microphone clock's drift against the head unit's, in ppm (0 without markers)
 * @param timingReference whether time zero is the timing marker's arrival (else the stimulus's own timeline)
 */
public record Measurement(SweepSpec spec, double sampleRate, double[] impulse, int zeroIndex, IrWindow window,
                          Transfer transfer, Transfer noise, Transfer[] harmonics, double[] harmonicEnergy,
                          double arrivalSeconds,
                          int polarity, double driftPpm, boolean timingReference) {

    /** Level of a sine at the sweep's peak level, RMS, in dBFS: what 0 dB of |H| reads as at the microphone. */
    public double driveDbfs() {
        return spec.levelDbfs() - 10 * Math.log10(2);
    }

    /** The frequency response (dBFS at the microphone for the sweep's level), phase relative to the arrival. */
    public FrequencyResponse response(double[] hz, Smoothing smoothing) {
        return transfer.respond(hz, smoothing, arrivalSeconds, driveDbfs());
    }

    /** The noise floor on the same scale as {@link #response}. */
    public FrequencyResponse noiseFloor(double[] hz, Smoothing smoothing) {
        return noise.respond(hz, smoothing, 0, driveDbfs());
    }

    /** Harmonic distortion on a grid of fundamental frequencies, with the noise in each window removed. */
    public Distortion distortion(double[] hz, Smoothing smoothing) {
        if (harmonics.length == 0) {
            throw new MeasurementException("the stimulus's sweep is too short to separate any harmonic");
        }
        Transfer[] all = new Transfer[harmonics.length + 1];
        all[0] = transfer;
        System.arraycopy(harmonics, 0, all, 1, harmonics.length);
        double[] scale = new double[all.length];
        scale[0] = 1;
        System.arraycopy(harmonicEnergy, 0, scale, 1, harmonicEnergy.length);
        return Distortion.of(all, noise, scale, hz, smoothing, Math.min(spec.endHz(), sampleRate / 2));
    }

    /** The band the sweep measures at full level: past the fade-in, below the fade-out. */
    public double[] fullLevelBand() {
        return new double[] {spec.startHz() * Math.pow(2, SweepSpec.FADE_IN_OCTAVES),
                spec.endHz() / Math.pow(2, SweepSpec.FADE_OUT_OCTAVES)};
    }
}
