package org.cabintune.tuner.audio;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cabintune.tuner.calibrate.Microphone;
import org.cabintune.tuner.measure.MicCalibration;

/**
 * A measurement microphone on a sound card as the calibration's microphone. One take per
 * position: before the first recording at a position, the person holding it is asked, through
 * its {@link Prompt}, to move it there (and may stop instead). Each take opens the capture, records until the loop stops it and
 * closes it, so the device is free between takes and a busy device is reported when it is met.
 */
public final class SoundCardMicrophone implements Microphone {

    /** Opens the capture for one take. */
    public interface Opener {
        Capture open() throws IOException;
    }

    private final Opener opener;
    private final int sampleRate;
    private final int channel;
    private final int positions;
    private final String seat;
    private final MicCalibration calibration;
    private final Prompt prompt;
    private int at = -1;
    private Capture capture;
    private Recording recording;

    /**
     * @param opener      opens the capture for a take
     * @param sampleRate  the rate recordings must have (the unit's)
     * @param channel     the capture's channel the microphone is on, 0 = the first
     * @param positions   how many positions around the head (one take each)
     * @param seat        the seat, for the prompt
     * @param calibration the microphone's calibration, or null
     * @param prompt      where the person is asked to move the microphone
     */
    public SoundCardMicrophone(Opener opener, int sampleRate, int channel, int positions, String seat,
                               MicCalibration calibration, Prompt prompt) {
        if (positions < 1 || positions > 32) {
            throw new IllegalArgumentException("--positions " + positions + " is outside 1..32");
        }
        this.opener = opener;
        this.sampleRate = sampleRate;
        this.channel = channel;
        this.positions = positions;
        this.seat = seat;
        this.calibration = calibration;
        this.prompt = prompt;
    }

    /**
     * The microphone {@code input} names, checked now (opened and closed) so a missing or busy
     * device is reported before anything plays; {@code log} gets the format, any note about it,
     * and the calibration.
     */
    public static SoundCardMicrophone open(SoundCardInput input, int sampleRate, int positions, String seat, Prompt prompt,
                                           Consumer<String> log) throws IOException {
        SoundCard.Opened first = input.open(sampleRate);
        first.capture().close();
        log.accept("microphone: \"" + first.capture().name() + "\", channel " + input.channel() + ", "
                + CaptureFormats.describe(first.choice().format()));
        first.choice().notes().forEach(n -> log.accept("  " + n));
        if (input.calibration() != null) {
            log.accept("  " + input.calibration().describe());
        }
        return new SoundCardMicrophone(() -> input.open(sampleRate).capture(), sampleRate, input.channel(), positions, seat,
                input.calibration(), prompt);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int takes() {
        return positions;
    }

    @Override
    public List<String> positions(int take) {
        return List.of(Integer.toString(take + 1));
    }

    @Override
    public Optional<MicCalibration> calibration() {
        return Optional.ofNullable(calibration);
    }

    @Override
    public void start(int take) throws IOException {
        if (recording != null) {
            throw new IllegalStateException("start() while recording");
        }
        if (take < 0 || take >= positions) {
            throw new IllegalArgumentException("take " + take + " is outside 0.." + (positions - 1));
        }
        if (take != at) {
            prompt.await(new Prompt.Move(take + 1, positions, seat));
            at = take;
        }
        Capture c = opener.open();
        int rate = Math.round(c.format().getSampleRate());
        if (rate != sampleRate) {
            c.close();
            throw new AudioException(c.name() + " records at " + rate + " Hz, not the unit's " + sampleRate + " Hz");
        }
        capture = c;
        recording = Recording.start(c, channel);
    }

    @Override
    public List<double[]> stop() throws IOException {
        if (recording == null) {
            throw new IllegalStateException("stop() without start()");
        }
        try {
            return List.of(recording.stop());
        } finally {
            recording = null;
            capture.close();
            capture = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (recording != null) {
            stop();
        }
    }
}
