package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.nio.file.Path;
import org.cabintune.tuner.audio.SoundCardInput;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where a command that measures a car listens, shared by {@code calibrate} and {@code rta}: a
 * measurement microphone on a capture device ({@code --mic}, with its channel and calibration),
 * or a virtual car following the unit's DAC recording ({@code --virtual-car}).
 */
public final class MicrophoneOptions {

    @Option(names = "--mic", paramLabel = "DEVICE",
            description = "Record with the microphone on this capture device (its name or part of it; cabintune devices).")
    String device;

    @Option(names = "--mic-channel", paramLabel = "N", defaultValue = "0",
            description = "The device's channel the microphone is on, 0 = the first (default: ${DEFAULT-VALUE}).")
    int channel;

    @Option(names = "--mic-cal", paramLabel = "FILE", description = "The microphone's calibration (miniDSP or REW-style), with --mic.")
    Path calibration;

    @Option(names = "--virtual-car", paramLabel = "CABIN.yaml",
            description = "Instead of --mic: the virtual car to measure (calibration/cabins/*.yaml).")
    Path cabin;

    @Option(names = "--dac-recording", paramLabel = "FILE.wav",
            description = "With --virtual-car: the WAV file the unit records its DAC into (its --sink wav:FILE).")
    Path recording;

    @Option(names = "--seat", paramLabel = "NAME", defaultValue = "driver", description = "Seat (default: ${DEFAULT-VALUE}).")
    String seat;

    /** Checks that exactly one way of listening is given, with what it needs. */
    public void check(CommandLine cli) {
        if ((device == null) == (cabin == null)) {
            throw new CommandLine.ParameterException(cli, "give either --mic DEVICE (a real microphone) or --virtual-car"
                    + " CABIN.yaml with --dac-recording FILE.wav");
        }
        if (cabin != null && recording == null) {
            throw new CommandLine.ParameterException(cli, "--virtual-car needs --dac-recording FILE.wav, the unit's --sink wav:FILE");
        }
        if (cabin != null && calibration != null) {
            throw new CommandLine.ParameterException(cli, "--mic-cal goes with --mic: the virtual car's microphone is flat");
        }
    }

    /**
     * The measurement microphone on a capture device, its calibration read; null with a virtual
     * car.
     */
    public SoundCardInput soundCard() throws IOException {
        return device == null ? null : SoundCardInput.of(device, channel, calibration);
    }

    /** The virtual car, or null with a real microphone. */
    public CabinSpec car() throws IOException {
        return cabin == null ? null : CabinReader.read(cabin);
    }

    /** The unit's DAC recording the virtual car follows. */
    public Path recording() {
        return recording;
    }

    /** The seat. */
    public String seat() {
        return seat;
    }

}
