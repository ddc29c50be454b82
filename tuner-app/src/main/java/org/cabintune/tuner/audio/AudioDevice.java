package org.cabintune.tuner.audio;

import java.util.List;
import javax.sound.sampled.AudioFormat;

/**
 * One Java Sound mixer as the tuner sees it: its name and the formats its capture (target) and
 * playback (source) data lines offer. Formats may leave the rate (and sometimes the channels)
 * {@link javax.sound.sampled.AudioSystem#NOT_SPECIFIED}: ALSA's devices do, and only opening a
 * line tells whether a rate works.
 *
 * @param name        the mixer's name, e.g. {@code "Device [plughw:1,0]"} or {@code "default [default]"}
 * @param description the mixer's description, e.g. {@code "Direct Audio Device: USB Audio"}
 * @param capture     formats of its capture lines (empty: it records nothing)
 * @param playback    formats of its playback lines (empty: it plays nothing)
 */
public record AudioDevice(String name, String description, List<AudioFormat> capture, List<AudioFormat> playback) {

    public AudioDevice {
        capture = List.copyOf(capture);
        playback = List.copyOf(playback);
    }

    /** Its name in quotes and its description, as {@code cabintune devices} heads it: {@code "U18dB [plughw:1,0]"  (Direct Audio Device: USB Audio)}. */
    public String title() {
        return "\"" + name + "\"" + (description.isBlank() ? "" : "  (" + description + ")");
    }

    /** Whether it can record. */
    public boolean captures() {
        return !capture.isEmpty();
    }
}
