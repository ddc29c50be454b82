package org.cabintune.tuner.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;

/**
 * The sound devices Java Sound reaches, and finding one by name. Only {@link #scan} asks Java
 * Sound; finding and every message work on the list, so they are tested without a sound card.
 */
public final class AudioDevices {

    /** What to try when Java Sound sees no device at all. */
    static final String NONE = "Java Sound sees no sound device: no sound card, or none the JVM can reach"
            + " (arecord -l lists what ALSA has; a USB measurement microphone must be plugged in)";

    private AudioDevices() {
    }

    /** Every mixer that has capture or playback data lines, in Java Sound's order (its ports, volume controls only, left out). */
    public static List<AudioDevice> scan() {
        List<AudioDevice> out = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            List<AudioFormat> capture = formats(mixer.getTargetLineInfo());
            List<AudioFormat> playback = formats(mixer.getSourceLineInfo());
            if (!capture.isEmpty() || !playback.isEmpty()) {
                out.add(new AudioDevice(info.getName(), info.getDescription(), capture, playback));
            }
        }
        return out;
    }

    private static List<AudioFormat> formats(Line.Info[] lines) {
        List<AudioFormat> out = new ArrayList<>();
        for (Line.Info line : lines) {
            if (line instanceof DataLine.Info data) {
                out.addAll(Arrays.asList(data.getFormats()));
            }
        }
        return out;
    }

    /**
     * The capture device named {@code name}: the one of exactly that name (any case), else the
     * only one whose name contains it.
     *
     * @throws AudioException when there is no capture device, none is named so, or several are
     */
    public static AudioDevice findCapture(String name, List<AudioDevice> devices) throws AudioException {
        List<AudioDevice> capturing = devices.stream().filter(AudioDevice::captures).toList();
        if (capturing.isEmpty()) {
            throw new AudioException(noCapture(devices));
        }
        for (AudioDevice d : capturing) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        List<AudioDevice> named = capturing.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        if (named.isEmpty()) {
            throw new AudioException("no capture device is named like \"" + name + "\"; the capture devices here: "
                    + names(capturing) + " (cabintune devices lists them with their formats)");
        }
        if (named.size() > 1) {
            throw new AudioException("several capture devices are named like \"" + name + "\": " + names(named)
                    + "; give more of the name");
        }
        return named.get(0);
    }

    /** Why none of {@code devices} can record: there is no device at all, or none of them records. */
    public static String noCapture(List<AudioDevice> devices) {
        return devices.isEmpty() ? NONE : "none of the sound devices here records: " + names(devices)
                + "; plug in the measurement microphone (cabintune devices lists what there is)";
    }

    /** What to say when a device refuses to open a line that it lists: it is busy, or it takes something else. */
    static String busy(String device, AudioFormat format, Exception cause) {
        return "capture device \"" + device + "\" would not open for " + CaptureFormats.describe(format) + " ("
                + cause.getMessage() + "): another program may be recording from it. Close other programs that use it"
                + " (a browser, a recorder, another cabintune), or record through the \"default\" device, which"
                + " PulseAudio or PipeWire shares between programs";
    }

    private static String names(List<AudioDevice> devices) {
        return String.join(", ", devices.stream().map(d -> "\"" + d.name() + "\"").toList());
    }
}
