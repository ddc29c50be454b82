package org.cabintune.link.protocol;

import org.cabintune.dsp.sweep.SweepSpec;

/**
 * What a test signal plays. Frequencies are checked here against the highest sample rate a
 * profile may have (96 kHz); the unit checks them again against its running rate.
 */
public sealed interface TestSignal {

    /** Half of the highest profile sample rate: no frequency can be above it. */
    double MAX_FREQUENCY_HZ = 48000;

    /** The wire word of the kind: {@code sine}, {@code pink}, {@code sweep}. */
    String kind();

    /** A sine at {@code freqHz}. */
    record Sine(double freqHz) implements TestSignal {
        public Sine {
            Check.range("freqHz", freqHz, 1, MAX_FREQUENCY_HZ);
        }

        @Override
        public String kind() {
            return "sine";
        }
    }

    /** Pink noise. */
    record Pink() implements TestSignal {
        @Override
        public String kind() {
            return "pink";
        }
    }

    /**
     * An exponential sweep from {@code f1Hz} to {@code f2Hz} over {@code seconds}, with
     * raised-cosine fades of {@code fadeMs} at each end, repeated every {@code gapSeconds} from
     * one sweep's end to the next one's start: the sweep the tuner measures with. With a
     * {@code referenceOutput} the stimulus carries the timing markers, played on that output
     * (the tuner's {@code SweepSpec} with {@code markers = true}); null without.
     */
    record Sweep(double f1Hz, double f2Hz, double seconds, double fadeMs, double gapSeconds, Integer referenceOutput)
            implements TestSignal {
        public Sweep {
            Check.range("f1Hz", f1Hz, 1, MAX_FREQUENCY_HZ);
            Check.range("f2Hz", f2Hz, 1, MAX_FREQUENCY_HZ);
            if (!(f1Hz < f2Hz)) {
                throw new FieldException(ErrorCode.OUT_OF_RANGE, "f2Hz", " = " + FieldPath.number(f2Hz)
                        + " must be above f1Hz = " + FieldPath.number(f1Hz));
            }
            Check.range("seconds", seconds, 0.1, 600);
            Check.range("fadeMs", fadeMs, 0, seconds * 500);
            Check.range("gapSeconds", gapSeconds, 0, 60);
            if (referenceOutput != null) {
                Check.range("referenceOutput", referenceOutput, 0, Limits.MAX_OUTPUTS - 1);
            }
        }

        /** A sweep without timing markers. */
        public Sweep(double f1Hz, double f2Hz, double seconds, double fadeMs, double gapSeconds) {
            this(f1Hz, f2Hz, seconds, fadeMs, gapSeconds, null);
        }

        /**
         * The sweep that plays the stimulus {@code spec} exactly, as the head unit requires: its
         * band and length, its fade-in as {@code fadeMs}, and {@code gapSeconds} the stimulus's own
         * time between sweeps ({@link #ownGapSeconds}) plus {@code pauseSeconds} of silence after
         * each stimulus. Its level is the command's {@code levelDbfs}
         * ({@link Command.PlayTestSignal#stimulus} sets both).
         *
         * @param referenceOutput the output that plays the markers: required when {@code spec}
         *                        has markers, null when it has none
         * @throws IllegalArgumentException when {@code referenceOutput} and {@code spec.markers()} disagree
         */
        public static Sweep of(SweepSpec spec, double pauseSeconds, Integer referenceOutput) {
            if (spec.markers() != (referenceOutput != null)) {
                throw new IllegalArgumentException("referenceOutput = " + referenceOutput + " but spec.markers = "
                        + spec.markers() + ": the timing markers play on the reference output, so give one exactly"
                        + " when the stimulus has markers");
            }
            return new Sweep(spec.startHz(), spec.endHz(), spec.seconds(), fadeMs(spec, SweepSpec.FADE_IN_OCTAVES),
                    ownGapSeconds(spec) + pauseSeconds, referenceOutput);
        }

        /** The length of a raised-cosine fade of {@code octaves} of the sweep of {@code spec}, ms. */
        public static double fadeMs(SweepSpec spec, double octaves) {
            double sweepOctaves = Math.log(spec.endHz() / spec.startHz()) / Math.log(2);
            return 1000.0 * spec.sweepFrames() / spec.sampleRate() * octaves / sweepOctaves;
        }

        /**
         * The time from the end of one sweep to the start of the next when the stimulus of
         * {@code spec} repeats without a pause, s: its own silences (and markers), 1.25 s without
         * markers and 2.2 s with them.
         */
        public static double ownGapSeconds(SweepSpec spec) {
            return (double) (spec.layout().total() - spec.sweepFrames()) / spec.sampleRate();
        }

        @Override
        public String kind() {
            return "sweep";
        }
    }
}
