package org.cabintune.tuner.measure;

/**
 * How a clock drift shows in a deconvolved exponential sweep, and how it is undone.
 *
 * <p>If the microphone's clock runs fast by a fraction e against the head unit's, the recording
 * read at the nominal rate is the stimulus stretched in time by (1 + e). A stretched
 * exponential sweep is again an exponential sweep, with rate constant (1 + e) L and first
 * frequency f1 / (1 + e); dividing its spectrum by the original's leaves, to first order in e,
 * the phase {@code -2 pi e L f ln(f / f1)}: a phase delay of {@code e L ln(f / f1)} seconds at
 * each apparent frequency f (the sweep reached f later by e times the time it took to get
 * there). At 100 ppm over a 3 s sweep that is up to 340 us, far more than the arrival-time
 * budget, while the frequency error (0.01 %) is negligible on any smoothing; so the drift is
 * removed as a frequency-dependent advance in the deconvolution, with no resampling.
 */
public final class ClockDrift {

    /** The largest drift the analysis searches for, in ppm: well beyond any crystal (+-200 ppm). */
    public static final double MAX_PPM = 1000;

    private ClockDrift() {
    }

    /**
     * The advance in samples (at {@code sampleRate}) that removes a drift {@code epsilon} from a
     * sweep deconvolution, {@code epsilon L ln(f / f1)} seconds, plus a constant
     * {@code offsetSamples}; frequencies outside [f1, f2] take the value at the nearer edge.
     */
    static Deconvolver.Advance advanceSamples(double epsilon, double sampleRate, double f1, double f2,
                                              double rateSeconds, double offsetSamples) {
        double scale = epsilon * rateSeconds * sampleRate;
        return hz -> offsetSamples + scale * Math.log(Math.max(f1, Math.min(f2, hz)) / f1);
    }
}
