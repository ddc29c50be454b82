package org.cabintune.hu.engine;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;

/**
 * Makes {@link TestSignalSource}s, checking every argument with a message that names it.
 * Levels are dBFS: peak for the sine and the sweep, RMS for the noise.
 */
public final class TestSignals {

    /** The input that carries a stimulus's timing markers (channel 0 of {@code SweepLayout}). */
    public static final int MARKER_INPUT = 0;
    /** The input that carries a stimulus's sweep when it has markers (channel 1 of {@code SweepLayout}). */
    public static final int SWEEP_INPUT = 1;

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
     * The tuner's measurement stimulus for {@code spec}, rendered here by {@link SweepGenerator}
     * into Q8.24, then {@code gapFrames} more silence, repeated. Without markers every channel
     * carries the sweep channel (lead silence, the sweep, the tail). With markers the source's
     * channel {@link #MARKER_INPUT} carries the marker channel and {@link #SWEEP_INPUT} the sweep
     * channel, in step, and any other channel is silent. The audio thread only copies samples.
     *
     * @param channels the stream's inputs; at least 2 when {@code spec} has markers
     */
    public static TestSignalSource stimulus(int channels, SweepSpec spec, int gapFrames) {
        if (spec.markers() && channels < 2) {
            throw new IllegalArgumentException("channels = " + channels + ": a stimulus with timing markers plays its"
                    + " marker channel and its sweep channel on two inputs");
        }
        if (gapFrames < 0) {
            throw new IllegalArgumentException("gapFrames = " + gapFrames + " is negative");
        }
        SweepGenerator generator = new SweepGenerator(spec);
        String description = "measurement sweep " + spec.startHz() + ".." + spec.endHz() + " Hz over "
                + spec.seconds() + " s";
        int[] sweep = channel(generator, generator.layout().sweepChannel());
        if (!spec.markers()) {
            return new TestSignalSource(channels, new SampleLoop(sweep, gapFrames), new SampleLoop(sweep, gapFrames),
                    description);
        }
        int[] markers = channel(generator, 0);
        SignalGenerator[] played = new SignalGenerator[2];
        SignalGenerator[] understudies = new SignalGenerator[2];
        played[MARKER_INPUT] = new SampleLoop(markers, gapFrames);
        played[SWEEP_INPUT] = new SampleLoop(sweep, gapFrames);
        understudies[MARKER_INPUT] = new SampleLoop(markers, gapFrames);
        understudies[SWEEP_INPUT] = new SampleLoop(sweep, gapFrames);
        return new TestSignalSource(channels, played, understudies, description + " with timing markers");
    }

    /** One channel of the whole stimulus as Q8.24 samples. */
    private static int[] channel(SweepGenerator generator, int channel) {
        int[] samples = new int[generator.layout().total()];
        generator.fill(channel, 0, samples, samples.length);
        return samples;
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
