package org.cabintune.tuner.calibrate;

import java.util.List;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.sweep.SweepSpec;

/** What the calibration loop asks of the head unit it tunes. */
public interface HeadUnit extends AutoCloseable {

    /** The unit's id, for messages. */
    String id();

    /** The rate its chain runs at, Hz. */
    int sampleRate();

    /** Its outputs in DAC order, by name. */
    List<String> outputs();

    /** The profile playing now, or null. */
    String activeProfile();

    /** Stores {@code profile} under {@code id} (signed) and plays it. */
    void install(String id, Profile profile);

    /** Plays it again (after a failure, to leave the car as it was). */
    void select(String id);

    /**
     * Plays the measurement stimulus {@code spec} (with timing markers) once: the sweep on
     * {@code outputs}, the markers on {@code reference}, each output through its correction.
     */
    void playSweep(SweepSpec spec, List<Integer> outputs, int reference);

    /** Waits while a stimulus of {@code seconds} plays (and the unit's buffers drain). */
    default void awaitStimulus(double seconds) throws java.io.IOException {
        try {
            Thread.sleep(Math.round(seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted while the unit played the stimulus", e);
        }
    }

    /** Ends the test signal; the programme comes back. */
    void stopSignal();

    /**
     * Leaves the car as it was before a calibration that did not finish: the test signal ended
     * and {@code previous} (the profile that played before; null for none) played again. The
     * same whether the calibration failed, was stopped at a prompt, or the tuner was ended. The
     * profile is selected even when ending the signal fails; the first failure is thrown after.
     */
    default void restore(String previous) {
        RuntimeException failed = null;
        try {
            stopSignal();
        } catch (RuntimeException e) {
            failed = e;
        }
        if (previous != null) {
            try {
                select(previous);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    void close();
}
