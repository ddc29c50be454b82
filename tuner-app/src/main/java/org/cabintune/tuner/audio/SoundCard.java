package org.cabintune.tuner.audio;

import java.util.List;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.TargetDataLine;

/** Opens a sound card's capture line through Java Sound: the device by name, the format it offers, the line. */
public final class SoundCard {

    /** The line's buffer: enough that a recording thread held up by the garbage collector loses nothing. */
    static final double BUFFER_SECONDS = 0.5;

    private SoundCard() {
    }

    /** An open capture and why its format is what it is. */
    public record Opened(Capture capture, CaptureFormats.Choice choice) {
    }

    /**
     * Opens the capture device named like {@code device} at {@code rate} for the microphone on
     * {@code channel} (0 = the first).
     *
     * @throws AudioException naming the device and what to try: no devices, no such device, a
     *                        format it does not offer, a device that is busy
     */
    public static Opened openCapture(String device, int rate, int channel) throws AudioException {
        List<AudioDevice> devices = AudioDevices.scan();
        AudioDevice chosen = AudioDevices.findCapture(device, devices);
        CaptureFormats.Choice choice = CaptureFormats.choose(chosen.name(), chosen.capture(), rate, channel);
        Mixer mixer = mixer(chosen.name());
        try {
            TargetDataLine line = (TargetDataLine) mixer.getLine(new DataLine.Info(TargetDataLine.class, choice.format()));
            int frame = choice.format().getFrameSize();
            line.open(choice.format(), (int) (BUFFER_SECONDS * rate) * frame);
            return new Opened(new LineCapture(line, chosen.name()), choice);
        } catch (LineUnavailableException | IllegalStateException | SecurityException e) {
            throw new AudioException(AudioDevices.busy(chosen.name(), choice.format(), e), e);
        } catch (IllegalArgumentException e) {
            throw new AudioException("capture device \"" + chosen.name() + "\" refused "
                    + CaptureFormats.describe(choice.format()) + " (" + e.getMessage() + "); it offers "
                    + CaptureFormats.summary(chosen.capture()), e);
        }
    }

    private static Mixer mixer(String name) throws AudioException {
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (info.getName().equals(name)) {
                return AudioSystem.getMixer(info);
            }
        }
        throw new AudioException("capture device \"" + name + "\" went away while it was opened");
    }
}
