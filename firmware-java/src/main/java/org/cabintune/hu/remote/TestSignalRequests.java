package org.cabintune.hu.remote;

import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.hu.engine.TestSignalSource;
import org.cabintune.hu.engine.TestSignals;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.TestSignal;

/**
 * A {@code play-test-signal}'s signal as the unit plays it, built off the audio thread. Sweeps are
 * the tuner's measurement stimulus ({@link SweepSpec}; with timing markers when the request names
 * a {@code referenceOutput}): the message's parameters must name one exactly, or the request is
 * refused with the field that cannot be played and what to send instead.
 */
final class TestSignalRequests {

    /** Seed of the pink noise: the same noise every time. */
    static final long PINK_SEED = 1;
    /** How far {@code fadeMs} and {@code gapSeconds} may be from the stimulus's own, ms. */
    static final double TOLERANCE_MS = 1;

    private TestSignalRequests() {
    }

    /** The source playing {@code signal} at {@code levelDbfs} on the stream's {@code channels} inputs. */
    static TestSignalSource source(TestSignal signal, double levelDbfs, int channels, int sampleRate)
            throws PortException {
        return switch (signal) {
            case TestSignal.Sine sine -> {
                requireBelowNyquist("body.signal.freqHz", sine.freqHz(), sampleRate);
                yield TestSignals.sine(channels, sampleRate, sine.freqHz(), levelDbfs);
            }
            case TestSignal.Pink pink -> TestSignals.pink(channels, sampleRate, levelDbfs, PINK_SEED);
            case TestSignal.Sweep sweep -> {
                SweepSpec spec = sweepSpec(sweep, levelDbfs, sampleRate);
                if (spec.markers() && channels < 2) {
                    throw new PortException(ErrorCode.REFUSED, "body.signal.referenceOutput = "
                            + sweep.referenceOutput() + " cannot be played: the playing profile has " + channels
                            + " input, and a sweep with timing markers plays its markers and its sweep on two"
                            + " inputs; select a profile with two inputs or leave referenceOutput out");
                }
                int gap = (int) Math.round(sweep.gapSeconds() * sampleRate)
                        - (spec.layout().total() - spec.sweepFrames());
                yield TestSignals.stimulus(channels, spec, Math.max(0, gap));
            }
        };
    }

    /**
     * The measurement stimulus a sweep request names: with timing markers when it has a
     * {@code referenceOutput}. Its fades are fixed in octaves (0.5 in, 0.1 out), so {@code fadeMs}
     * must be the fade-in's length. {@code gapSeconds} is the time from one sweep's end to the next
     * one's start, so it is at least the stimulus's own silences (and markers) between two sweeps
     * ({@link TestSignal.Sweep#ownGapSeconds}: 1.25 s without markers, 2.2 s with them); what it
     * has beyond them is silence after each stimulus.
     */
    static SweepSpec sweepSpec(TestSignal.Sweep sweep, double levelDbfs, int sampleRate) throws PortException {
        requireBelowNyquist("body.signal.f2Hz", sweep.f2Hz(), sampleRate);
        if (sweep.f1Hz() > sweep.f2Hz() / SweepSpec.MIN_RATIO) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, "body.signal.f1Hz = " + FieldPath.number(sweep.f1Hz())
                    + " is above f2Hz / " + FieldPath.number(SweepSpec.MIN_RATIO) + " = "
                    + FieldPath.number(sweep.f2Hz() / SweepSpec.MIN_RATIO) + ": the measurement sweep spans at least"
                    + " two octaves");
        }
        if (sweep.seconds() < SweepSpec.MIN_SECONDS || sweep.seconds() > SweepSpec.MAX_SECONDS) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, "body.signal.seconds = "
                    + FieldPath.number(sweep.seconds()) + " is outside the measurement sweep's "
                    + FieldPath.number(SweepSpec.MIN_SECONDS) + ".." + FieldPath.number(SweepSpec.MAX_SECONDS) + " s");
        }
        if (levelDbfs < SweepSpec.MIN_LEVEL_DBFS) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, "body.levelDbfs = " + FieldPath.number(levelDbfs)
                    + " is below the measurement sweep's " + FieldPath.number(SweepSpec.MIN_LEVEL_DBFS) + " dBFS");
        }
        boolean markers = sweep.referenceOutput() != null;
        SweepSpec spec = new SweepSpec(sampleRate, sweep.f1Hz(), sweep.f2Hz(), sweep.seconds(), levelDbfs, markers);
        double fadeInMs = TestSignal.Sweep.fadeMs(spec, SweepSpec.FADE_IN_OCTAVES);
        if (Math.abs(sweep.fadeMs() - fadeInMs) > TOLERANCE_MS) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, "body.signal.fadeMs = " + FieldPath.number(sweep.fadeMs())
                    + " is not this sweep's fade-in: send fadeMs = " + FieldPath.number(round(fadeInMs))
                    + " (within " + FieldPath.number(TOLERANCE_MS) + " ms); the measurement sweep's raised-cosine"
                    + " fades are " + FieldPath.number(SweepSpec.FADE_IN_OCTAVES) + " octave in and "
                    + FieldPath.number(SweepSpec.FADE_OUT_OCTAVES) + " octave ("
                    + FieldPath.number(round(TestSignal.Sweep.fadeMs(spec, SweepSpec.FADE_OUT_OCTAVES))) + " ms) out");
        }
        double own = TestSignal.Sweep.ownGapSeconds(spec);
        if (sweep.gapSeconds() < own - TOLERANCE_MS / 1000) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, "body.signal.gapSeconds = "
                    + FieldPath.number(sweep.gapSeconds()) + " is below the measurement stimulus's own time from one"
                    + " sweep's end to the next one's start, " + FieldPath.number(round(own)) + " s (" + parts(markers)
                    + "): allowed " + FieldPath.number(round(own)) + "..60 s (what is above "
                    + FieldPath.number(round(own)) + " s is silence after each stimulus)");
        }
        return spec;
    }

    /** What the stimulus has between two sweeps. */
    private static String parts(boolean markers) {
        String after = FieldPath.number(SweepSpec.TAIL_SECONDS) + " s of silence after the sweep";
        String before = FieldPath.number(SweepSpec.LEAD_SECONDS) + " s before it";
        if (!markers) {
            return after + ", " + before;
        }
        return after + ", marker B " + FieldPath.number(SweepSpec.MARKER_SECONDS) + " s, "
                + FieldPath.number(SweepSpec.END_SECONDS) + " s of silence; then " + before + ", marker A "
                + FieldPath.number(SweepSpec.MARKER_SECONDS) + " s, " + FieldPath.number(SweepSpec.MARKER_GAP_SECONDS)
                + " s of silence";
    }

    /** To a hundredth of a millisecond (or second): what a message offers to send. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void requireBelowNyquist(String field, double hz, int sampleRate) throws PortException {
        if (hz >= sampleRate / 2.0) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, field + " = " + FieldPath.number(hz)
                    + " Hz is at or above " + FieldPath.number(sampleRate / 2.0) + " Hz, the Nyquist frequency of the"
                    + " unit's running rate (" + sampleRate + " Hz)");
        }
    }
}
