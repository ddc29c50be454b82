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
 * the tuner's measurement stimulus ({@link SweepSpec}, without markers): the message's
 * parameters must name one exactly, or the request is refused with the field that cannot be
 * played and what it would take.
 */
final class TestSignalRequests {

    /** Seed of the pink noise: the same noise every time. */
    static final long PINK_SEED = 1;
    /** How far {@code fadeMs} and {@code gapSeconds} may be from the stimulus's own, ms. */
    static final double TOLERANCE_MS = 1;

    private TestSignalRequests() {
    }

    /** The source playing {@code signal} at {@code levelDbfs} on every one of {@code channels}. */
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
                int gap = (int) Math.round(sweep.gapSeconds() * sampleRate)
                        - (spec.layout().total() - spec.sweepFrames());
                yield TestSignals.stimulus(channels, spec, Math.max(0, gap));
            }
        };
    }

    /**
     * The measurement stimulus a sweep request names. The stimulus is 0.25 s of silence, the
     * sweep, 1 s of silence; the request's {@code gapSeconds} is the silence from one sweep's end
     * to the next one's start, so it is at least those 1.25 s. Its fades are fixed in octaves
     * (0.5 in, 0.1 out): {@code fadeMs} must be the fade-in's length.
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
        SweepSpec spec = new SweepSpec(sampleRate, sweep.f1Hz(), sweep.f2Hz(), sweep.seconds(), levelDbfs, false);
        double fadeInMs = fadeMs(spec, SweepSpec.FADE_IN_OCTAVES);
        if (Math.abs(sweep.fadeMs() - fadeInMs) > TOLERANCE_MS) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, "body.signal.fadeMs = " + FieldPath.number(sweep.fadeMs())
                    + " cannot be played: the measurement sweep's raised-cosine fades are "
                    + FieldPath.number(SweepSpec.FADE_IN_OCTAVES) + " octave in (" + FieldPath.number(round(fadeInMs))
                    + " ms for this sweep) and " + FieldPath.number(SweepSpec.FADE_OUT_OCTAVES) + " octave out ("
                    + FieldPath.number(round(fadeMs(spec, SweepSpec.FADE_OUT_OCTAVES))) + " ms); send fadeMs = "
                    + FieldPath.number(round(fadeInMs)));
        }
        double silence = SweepSpec.LEAD_SECONDS + SweepSpec.TAIL_SECONDS;
        if (sweep.gapSeconds() < silence - TOLERANCE_MS / 1000) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, "body.signal.gapSeconds = "
                    + FieldPath.number(sweep.gapSeconds()) + " is below the measurement sweep's own silences ("
                    + FieldPath.number(SweepSpec.LEAD_SECONDS) + " s before, " + FieldPath.number(SweepSpec.TAIL_SECONDS)
                    + " s after): allowed " + FieldPath.number(silence) + "..60 s");
        }
        return spec;
    }

    /** The length of a fade of {@code octaves} in the sweep of {@code spec}, ms. */
    static double fadeMs(SweepSpec spec, double octaves) {
        double sweepOctaves = Math.log(spec.endHz() / spec.startHz()) / Math.log(2);
        return 1000.0 * spec.sweepFrames() / spec.sampleRate() * octaves / sweepOctaves;
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    private static void requireBelowNyquist(String field, double hz, int sampleRate) throws PortException {
        if (hz >= sampleRate / 2.0) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, field + " = " + FieldPath.number(hz)
                    + " Hz is at or above " + FieldPath.number(sampleRate / 2.0) + " Hz, the Nyquist frequency of the"
                    + " unit's running rate (" + sampleRate + " Hz)");
        }
    }
}
