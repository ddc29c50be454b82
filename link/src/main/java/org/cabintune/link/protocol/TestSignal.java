package org.cabintune.link.protocol;

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
     * raised-cosine fades of {@code fadeMs} at each end, then {@code gapSeconds} of silence,
     * repeated: the sweep the tuner measures with.
     */
    record Sweep(double f1Hz, double f2Hz, double seconds, double fadeMs, double gapSeconds) implements TestSignal {
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
        }

        @Override
        public String kind() {
            return "sweep";
        }
    }
}
