package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.cabintune.tuner.measure.MicCalibration;

/**
 * Where a calibration's recordings come from. A take is one recording of one stimulus; it
 * covers one or more microphone positions at once (a real microphone one, the virtual car all
 * of them). The loop starts a take, has the unit play, and stops it.
 */
public interface Microphone extends AutoCloseable {

    /** The rate the recordings are made at, Hz. */
    int sampleRate();

    /** How many times every output is measured: one per position for a real microphone. */
    int takes();

    /** The positions take {@code take} records, by name. */
    List<String> positions(int take);

    /** Starts recording take {@code take}. */
    void start(int take) throws IOException;

    /** Stops recording; one recording per position of the take, in {@link #positions} order. */
    List<double[]> stop() throws IOException;

    /** The microphone's calibration, taken out of every measurement; none for a perfect one. */
    default Optional<MicCalibration> calibration() {
        return Optional.empty();
    }

    /** Stops recording and drops the take (the stimulus did not play to its end). */
    default void abort() throws IOException {
        stop();
    }

    @Override
    void close() throws IOException;
}
