package org.cabintune.dsp.profile;

import java.util.List;
import java.util.Objects;

/**
 * A listening profile, format v1: the whole processing chain of the head unit for one
 * listening situation. Read one with {@link ProfileParser}, write one with
 * {@link ProfileWriter}, check one built in code with {@link ProfileValidator}. The file format
 * is described field by field in {@code docs/profile-format.md}.
 *
 * @param format     always {@link #FORMAT}; a different value is a different format
 * @param name       what the driver sees when choosing the profile, 1..64 characters
 * @param sampleRate the rate the chain runs at, Hz: 44100, 48000, 88200 or 96000
 * @param inputs     names of the bus channels, in channel order (usually {@code L}, {@code R})
 * @param bus        the mastering bus; {@link Bus#OFF} when the file has none
 * @param outputs    the physical output channels, in DAC channel order
 */
public record Profile(String format, String name, int sampleRate, List<String> inputs, Bus bus,
                      List<Output> outputs) {

    /** The {@code format} value of this version. */
    public static final String FORMAT = "cabintune.profile/1";

    /** Takes immutable copies; rejects nulls. */
    public Profile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bus, "bus");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
