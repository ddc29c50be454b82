package org.cabintune.tuner.ui.unit;

import java.util.List;
import java.util.function.Supplier;
import org.cabintune.tuner.audio.AudioDevice;
import org.cabintune.tuner.audio.AudioDevices;

/**
 * The sound cards' capture devices the measurement wizard can record from, found as
 * {@code cabintune devices} finds them ({@link AudioDevices#scan}), on a background thread
 * whenever asked: asking Java Sound can take a while the first time, and a USB microphone is
 * often plugged in after the window opened.
 */
public final class CaptureDevices {

    /**
     * What the wizard's setup offers.
     *
     * @param devices the devices that record, in Java Sound's order
     * @param message what was found, or why nothing was, for the installer; null before the first scan
     * @param status  what runs, or how the last scan ended
     */
    public record State(List<AudioDevice> devices, String message, Status status) {

        public State {
            devices = List.copyOf(devices);
        }
    }

    private final ModelState<State> state;
    private final Tasks tasks;
    private final Supplier<List<AudioDevice>> scan;

    /** The desktop's own devices. */
    public CaptureDevices(ModelThreads threads) {
        this(threads, AudioDevices::scan);
    }

    /** @param scan lists the sound devices, capture or not ({@link AudioDevices#scan}) */
    CaptureDevices(ModelThreads threads, Supplier<List<AudioDevice>> scan) {
        this.state = new ModelState<>(new State(List.of(), null, Status.IDLE), threads);
        this.tasks = new Tasks(threads, change -> state.update(s -> new State(s.devices, s.message, change.apply(s.status))));
        this.scan = scan;
    }

    public ModelState<State> state() {
        return state;
    }

    /** Lists the capture devices again, in the background. */
    public void refresh() {
        tasks.start("Looking for capture devices...", false, () -> {
            List<AudioDevice> all = scan.get();
            List<AudioDevice> capturing = all.stream().filter(AudioDevice::captures).toList();
            String message = capturing.isEmpty() ? "No capture device. " + Problems.capitalised(AudioDevices.noCapture(all))
                    + ". Refresh once the measurement microphone is plugged in."
                    : capturing.size() + " capture device" + (capturing.size() == 1 ? "" : "s") + ", as cabintune devices"
                    + " lists them.";
            state.update(x -> new State(capturing, message, x.status));
            return null;
        });
    }
}
