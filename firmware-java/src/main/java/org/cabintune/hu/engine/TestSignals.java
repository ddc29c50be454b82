package org.cabintune.hu.engine;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;

/**
 * Makes {@link TestSignalSource}s, checking every argument with a message that names it.
 * Levels are dBFS: peak for the sine and the sweep, RMS for the noise.
 */
public final class TestSignals {

    private TestSignals() {
    }

    /** A sine of {@code frequencyHz} at {@code peakDbfs}. */
    public static TestSignalSource sine(int channels, int sampleRate, double frequencyHz, double peakDbfs) {
        requireFrequency("frequencyHz", frequencyHz, sampleRate);
        requireLevel("peakDbfs", peakDbfs);
        return new TestSignalSource(channels, new SineGenerator(sampleRate, frequencyHz, Q824.dbToGain(peakDbfs)),
                new SineGenerator(sampleRate, frequencyHz, Q824.dbToGain(peakDbfs)),
                "sine " + frequencyHz + " Hz at " + peakDbfs + " dBFS");
    }

    /** Pink noise at {@code rmsDbfs} RMS from {@code seed}. */
    public static TestSignalSource pink(int channels, int sampleRate, double rmsDbfs, long seed) {
        requireLevel("rmsDbfs", rmsDbfs);
        if (rmsDbfs > -10) {
            throw new IllegalArgumentException("rmsDbfs = " + rmsDbfs + " is above -10: pink noise peaks about 12 dB over its RMS");
        }
        return new TestSignalSource(channels, new PinkNoise(rmsDbfs, seed), new PinkNoise(rmsDbfs, seed),
                "pink noise at " + rmsDbfs + " dBFS RMS");
    }

    /** Digital silence: a programme that leaves the car quiet (while it is measured, for one). */
    public static TestSignalSource silence(int channels) {
        return new TestSignalSource(channels, new SampleLoop(new int[1], 0), new SampleLoop(new int[1], 0), "silence");
    }

    /**
     * The tuner's measurement stimulus for {@code spec} (its sweep channel: lead silence, the
     * sweep, the tail), rendered here by {@link SweepGenerator} into Q8.24, then
     * {@code gapFrames} more silence, repeated. The audio thread only copies the samples.
     */
    public static TestSignalSource stimulus(int channels, SweepSpec spec, int gapFrames) {
        if (spec.markers()) {
            throw new IllegalArgumentException("spec.markers = true: a test signal plays the sweep channel only");
        }
        if (gapFrames < 0) {
            throw new IllegalArgumentException("gapFrames = " + gapFrames + " is negative");
        }
        SweepGenerator generator = new SweepGenerator(spec);
        int[] samples = new int[generator.layout().total()];
        generator.fill(generator.layout().sweepChannel(), 0, samples, samples.length);
        return new TestSignalSource(channels, new SampleLoop(samples, gapFrames), new SampleLoop(samples, gapFrames),
                "measurement sweep " + spec.startHz() + ".." + spec.endHz() + " Hz over " + spec.seconds() + " s");
    }

    private static void requireFrequency(String name, double hz, int sampleRate) {
        if (!(hz >= 1 && hz < sampleRate / 2.0)) {
            throw new IllegalArgumentException(name + " = " + hz + " Hz is outside 1.." + sampleRate / 2
                    + " (Nyquist for " + sampleRate + " Hz)");
        }
    }

    private static void requireLevel(String name, double dbfs) {
        if (!(dbfs >= -120 && dbfs <= 0)) {
            throw new IllegalArgumentException(name + " = " + dbfs + " is outside -120..0 dBFS");
        }
    }
}
