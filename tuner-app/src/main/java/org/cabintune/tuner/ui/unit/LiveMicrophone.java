package org.cabintune.tuner.ui.unit;

import java.io.IOException;
import org.cabintune.tuner.calibrate.Microphone;

/**
 * A real measurement microphone the main window offers the wizard (through the desktop's
 * audio), opened at the head unit's rate when a calibration starts.
 */
public interface LiveMicrophone {

    /** What the setup shows, e.g. "UMIK-1 (USB)". */
    String name();

    /** Opens it to record at {@code sampleRate}, one position per take. */
    Microphone open(int sampleRate) throws IOException;
}
