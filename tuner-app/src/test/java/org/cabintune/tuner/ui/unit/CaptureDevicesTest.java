package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.EventQueue;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.cabintune.tuner.audio.AudioDevice;
import org.cabintune.tuner.audio.AudioDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture devices the wizard offers: listed off the event thread, and said plainly when there is none. */
class CaptureDevicesTest {

    private static final AudioFormat STEREO = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, AudioSystem.NOT_SPECIFIED,
            24, 2, 6, AudioSystem.NOT_SPECIFIED, false);
    /** A device that only plays, as an HDMI output. */
    private static final AudioDevice HDMI_OUT = new AudioDevice("HDMI [plughw:0,3]", "Direct Audio Device: HDMI 0",
            List.of(), List.of(STEREO));
    /** A USB measurement microphone as ALSA's direct device reports it. */
    private static final AudioDevice USB_MIC = new AudioDevice("U18dB [plughw:1,0]", "Direct Audio Device: USB Audio",
            List.of(new AudioFormat(48000, 24, 1, true, false)), List.of());

    @TempDir
    Path dir;
    private UiThread ui;

    @BeforeEach
    void setUp() {
        ui = new UiThread();
    }

    @AfterEach
    void tearDown() {
        ui.close();
    }

    private CaptureDevices.State scanned(Supplier<List<AudioDevice>> scan) throws InterruptedException {
        return scanned(new CaptureDevices(ui.threads, scan));
    }

    private static CaptureDevices.State scanned(CaptureDevices devices) throws InterruptedException {
        devices.refresh();
        return UiThread.await(devices.state(), CaptureDevices.State::status,
                x -> x.message() != null && !x.status().isBusy(), "the device list");
    }

    /** This machine's own devices, asked of Java Sound on a background thread. */
    @Test
    void listsThisMachinesCaptureDevicesOffTheEventThread() throws Exception {
        AtomicReference<Thread> scanner = new AtomicReference<>();
        CaptureDevices.State s = scanned(() -> {
            assertFalse(EventQueue.isDispatchThread(), "Java Sound is asked off the event thread");
            scanner.set(Thread.currentThread());
            return AudioDevices.scan();
        });
        assertNotNull(scanner.get());
        List<AudioDevice> all = AudioDevices.scan();
        List<AudioDevice> capturing = all.stream().filter(AudioDevice::captures).toList();
        assertEquals(capturing, s.devices());
        if (capturing.isEmpty()) {
            assertEquals("No capture device. " + Problems.capitalised(AudioDevices.noCapture(all))
                    + ". Refresh once the measurement microphone is plugged in.", s.message());
        } else {
            assertEquals(capturing.size() + " capture device" + (capturing.size() == 1 ? "" : "s")
                    + ", as cabintune devices lists them.", s.message());
        }
        assertEquals(null, s.status().error());
    }

    @Test
    void noSoundDeviceAtAllSaysSo() throws Exception {
        CaptureDevices.State s = scanned(List::of);
        assertEquals(List.of(), s.devices());
        assertEquals("No capture device. Java Sound sees no sound device: no sound card, or none the JVM can reach"
                + " (arecord -l lists what ALSA has; a USB measurement microphone must be plugged in). Refresh once the"
                + " measurement microphone is plugged in.", s.message());
    }

    @Test
    void devicesThatOnlyPlayAreNotOffered() throws Exception {
        CaptureDevices.State s = scanned(() -> List.of(HDMI_OUT));
        assertEquals(List.of(), s.devices());
        assertEquals("No capture device. None of the sound devices here records: \"HDMI [plughw:0,3]\"; plug in the"
                + " measurement microphone (cabintune devices lists what there is). Refresh once the measurement"
                + " microphone is plugged in.", s.message());

        CaptureDevices devices = new CaptureDevices(ui.threads, () -> List.of(HDMI_OUT, USB_MIC));
        s = scanned(devices);
        assertEquals(List.of(USB_MIC), s.devices());
        assertEquals("1 capture device, as cabintune devices lists them.", s.message());
        WizardPanel panel = PanelImages.make(() -> new WizardPanel(new WizardModel(ui.threads), devices,
                new UnitSession(dir), WizardModelTest.ROOT));
        PanelImages.save(panel, 1000, 760, "wizard-setup-microphone");
    }
}
