package org.cabintune.tuner.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code cabintune devices}: the sound devices Java Sound reaches, with what their capture and playback lines take. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the sound devices: their capture (microphone) and playback lines and the formats they take.",
        footer = {"", "A device is chosen by its name or part of it: calibrate --mic \"USB\", rta --mic \"UMIK\".",
                "ALSA's devices do not list their rates: the rate is tried when the line opens.", ""})
public final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        listing(AudioDevices.scan()).forEach(spec.commandLine().getOut()::println);
        return 0;
    }

    /** The listing's lines: each device's name and description, then a line for capture and one for playback. */
    static List<String> listing(List<AudioDevice> devices) {
        if (devices.isEmpty()) {
            return List.of(AudioDevices.NONE + ".");
        }
        List<String> lines = new ArrayList<>();
        for (AudioDevice d : devices) {
            lines.add(d.title());
            lines.add("  capture:  " + (d.captures() ? CaptureFormats.summary(d.capture()) : "none"));
            lines.add("  playback: " + (d.playback().isEmpty() ? "none" : CaptureFormats.summary(d.playback())));
        }
        long capturing = devices.stream().filter(AudioDevice::captures).count();
        lines.add(devices.size() + " device" + (devices.size() == 1 ? "" : "s") + ", " + capturing + " that record"
                + (capturing == 1 ? "s" : ""));
        return lines;
    }
}
