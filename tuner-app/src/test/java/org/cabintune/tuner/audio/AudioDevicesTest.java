package org.cabintune.tuner.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import org.cabintune.tuner.CliRun;
import org.cabintune.tuner.TunerCli;
import org.junit.jupiter.api.Test;

/** Finding a device by name, the listing, and what is said when there is none, no such one, or it is busy. */
class AudioDevicesTest {

    private static final AudioFormat STEREO = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, AudioSystem.NOT_SPECIFIED,
            24, 2, 6, AudioSystem.NOT_SPECIFIED, false);
    private static final AudioDevice ONBOARD = new AudioDevice("PCH [plughw:0,0]", "Direct Audio Device: HDA Intel PCH",
            List.of(STEREO), List.of(STEREO));
    private static final AudioDevice UMIK = new AudioDevice("U18dB [plughw:1,0]", "Direct Audio Device: USB Audio",
            List.of(new AudioFormat(48000, 24, 1, true, false)), List.of());
    private static final AudioDevice HDMI = new AudioDevice("HDMI [plughw:0,3]", "Direct Audio Device: HDMI 0",
            List.of(), List.of(STEREO));
    private static final AudioDevice PULSE = new AudioDevice("default [default]", "Direct Audio Device: Default",
            List.of(STEREO), List.of(STEREO));

    @Test
    void findsByExactNameOrTheOnlyOneContainingIt() throws AudioException {
        List<AudioDevice> all = List.of(ONBOARD, UMIK, HDMI, PULSE);
        assertSame(UMIK, AudioDevices.findCapture("u18db", all));
        assertSame(ONBOARD, AudioDevices.findCapture("PCH [plughw:0,0]", all));
        assertSame(PULSE, AudioDevices.findCapture("default", all));
        AudioDevice similar = new AudioDevice("PCH", "", List.of(STEREO), List.of());
        assertSame(similar, AudioDevices.findCapture("pch", List.of(ONBOARD, similar)));
    }

    @Test
    void noSuchDeviceListsTheOnesThereAre() {
        AudioException e = assertThrows(AudioException.class,
                () -> AudioDevices.findCapture("UMIK-2", List.of(ONBOARD, UMIK, HDMI)));
        assertEquals("no capture device is named like \"UMIK-2\"; the capture devices here: \"PCH [plughw:0,0]\","
                + " \"U18dB [plughw:1,0]\" (cabintune devices lists them with their formats)", e.getMessage());
    }

    @Test
    void severalMatchesAskForMoreOfTheName() {
        AudioException e = assertThrows(AudioException.class,
                () -> AudioDevices.findCapture("plughw", List.of(ONBOARD, UMIK, HDMI)));
        assertEquals("several capture devices are named like \"plughw\": \"PCH [plughw:0,0]\", \"U18dB [plughw:1,0]\";"
                + " give more of the name", e.getMessage());
    }

    @Test
    void noDevicesOrNoneThatRecordSaySo() {
        assertEquals(AudioDevices.NONE, assertThrows(AudioException.class,
                () -> AudioDevices.findCapture("UMIK", List.of())).getMessage());
        assertEquals("none of the sound devices here records: \"HDMI [plughw:0,3]\"; plug in the measurement microphone"
                + " (cabintune devices lists what there is)", assertThrows(AudioException.class,
                        () -> AudioDevices.findCapture("UMIK", List.of(HDMI))).getMessage());
    }

    @Test
    void aBusyDeviceNamesItselfAndWhatToTry() {
        AudioFormat f = new AudioFormat(48000, 24, 2, true, false);
        String message = AudioDevices.busy("PCH [plughw:0,0]", f,
                new LineUnavailableException("line with format PCM_SIGNED 48000.0 Hz not supported."));
        assertEquals("capture device \"PCH [plughw:0,0]\" would not open for 48000 Hz, 24-bit signed, 2 channels,"
                + " little-endian (line with format PCM_SIGNED 48000.0 Hz not supported.): another program may be"
                + " recording from it. Close other programs that use it (a browser, a recorder, another cabintune),"
                + " or record through the \"default\" device, which PulseAudio or PipeWire shares between programs",
                message);
    }

    @Test
    void theListingShowsEachDevicesLines() {
        assertEquals(List.of(
                "\"PCH [plughw:0,0]\"  (Direct Audio Device: HDA Intel PCH)",
                "  capture:  any rate (not listed); 24-bit; 2 channels; signed; little-endian",
                "  playback: any rate (not listed); 24-bit; 2 channels; signed; little-endian",
                "\"U18dB [plughw:1,0]\"  (Direct Audio Device: USB Audio)",
                "  capture:  48000 Hz; 24-bit; 1 channel; signed; little-endian",
                "  playback: none",
                "\"HDMI [plughw:0,3]\"  (Direct Audio Device: HDMI 0)",
                "  capture:  none",
                "  playback: any rate (not listed); 24-bit; 2 channels; signed; little-endian",
                "3 devices, 2 that record"), DevicesCommand.listing(List.of(ONBOARD, UMIK, HDMI)));
        assertEquals(List.of(AudioDevices.NONE + "."), DevicesCommand.listing(List.of()));
    }

    /** This machine's own devices: the command lists what Java Sound reports, and opening follows the same rules. */
    @Test
    void theCommandListsThisMachinesDevices() {
        List<AudioDevice> here = AudioDevices.scan();
        CliRun run = CliRun.of(TunerCli.commandLine(), "devices");
        assertEquals(0, run.status(), run.err());
        assertEquals(String.join(System.lineSeparator(), DevicesCommand.listing(here)) + System.lineSeparator(), run.out());
        if (here.stream().noneMatch(AudioDevice::captures)) {
            AudioException e = assertThrows(AudioException.class, () -> SoundCard.openCapture("UMIK", 48000, 0));
            assertTrue(e.getMessage().startsWith(here.isEmpty() ? AudioDevices.NONE : "none of the sound devices here"),
                    e.getMessage());
        }
    }
}
