package org.cabintune.tuner.audio;

import java.io.IOException;
import java.nio.file.Path;
import org.cabintune.tuner.measure.MicCalibration;

/**
 * A measurement microphone on a sound card, as the installer names it: the capture device (its
 * name or part of it, as {@code cabintune devices} lists it), the device's channel the
 * microphone is on, and the microphone's calibration. {@code calibrate --mic}, {@code rta --mic}
 * and the desktop tuner's measurement wizard all make their microphone from one of these.
 *
 * @param device      the capture device's name, or part of it
 * @param channel     the device's channel the microphone is on, 0 = the first
 * @param calibration the microphone's calibration, or null for none
 */
public record SoundCardInput(String device, int channel, MicCalibration calibration) {

    public SoundCardInput {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("the capture device is not given; cabintune devices lists them");
        }
        if (channel < 0 || channel > CaptureFormats.MAX_CHANNEL) {
            throw new IllegalArgumentException("microphone channel " + channel + " is outside 0.." + CaptureFormats.MAX_CHANNEL
                    + " (0 = the first)");
        }
    }

    /**
     * The input with its calibration read from {@code calibrationFile} (miniDSP UMIK or
     * REW-style; null for none).
     *
     * @throws org.cabintune.tuner.measure.MeasurementException naming the file and line a bad calibration fails at
     */
    public static SoundCardInput of(String device, int channel, Path calibrationFile) throws IOException {
        SoundCardInput checked = new SoundCardInput(device, channel, null);
        return calibrationFile == null ? checked
                : new SoundCardInput(device, channel, MicCalibration.read(calibrationFile));
    }

    /** Opens the device's capture line at {@code rate} for the microphone's channel. */
    public SoundCard.Opened open(int rate) throws AudioException {
        return SoundCard.openCapture(device, rate, channel);
    }
}
