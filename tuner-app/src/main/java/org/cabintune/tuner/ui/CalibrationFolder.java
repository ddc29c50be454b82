package org.cabintune.tuner.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.tuner.design.Realized;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.RewText;
import org.cabintune.tuner.ui.plot.Role;
import org.cabintune.tuner.ui.plot.Trace;

/**
 * What {@code cabintune calibrate} or {@code cabintune demo} wrote into a folder
 * ({@code calibration.Results}): {@code profile.json} and, per output,
 * {@code measurements/NAME-before.txt} and {@code -after.txt}.
 *
 * @param dir     the folder
 * @param profile the profile the unit plays
 * @param outputs the outputs that were measured, in the profile's order
 */
public record CalibrationFolder(Path dir, Profile profile, List<OutputCurves> outputs) {

    /**
     * One output's curves.
     *
     * @param output    the profile's output
     * @param before    measured before the correction (through the measurement profile)
     * @param predicted before through the output's filters at its level and the bus preamp, as the calibration predicts it
     * @param after     measured with the correction playing, or null
     */
    public record OutputCurves(Output output, FrequencyResponse before, FrequencyResponse predicted,
                               FrequencyResponse after) {
    }

    /** Reads a folder; a missing profile or a folder without measurements is an error naming what is missing. */
    public static CalibrationFolder read(Path dir) throws IOException {
        Path profileFile = dir.resolve("profile.json");
        Profile profile;
        try {
            profile = ProfileParser.parse(profileFile);
        } catch (NoSuchFileException e) {
            throw new IOException(dir + " is not a calibration folder: it has no profile.json");
        } catch (ProfileException e) {
            throw new IOException(profileFile + ": " + String.join("; ", e.problems()), e);
        }
        List<OutputCurves> outputs = new ArrayList<>();
        for (Output o : profile.outputs()) {
            Path before = dir.resolve("measurements").resolve(o.name() + "-before.txt");
            if (!Files.exists(before)) {
                continue;
            }
            Path after = dir.resolve("measurements").resolve(o.name() + "-after.txt");
            FrequencyResponse b = RewText.read(before).response();
            outputs.add(new OutputCurves(o, b, predicted(b, o, profile),
                    Files.exists(after) ? RewText.read(after).response() : null));
        }
        if (outputs.isEmpty()) {
            throw new IOException(dir + " has no measurements/NAME-before.txt for any output of its profile");
        }
        return new CalibrationFolder(dir, profile, List.copyOf(outputs));
    }

    /** The before curve through the output's filters as the unit runs them, its level and the preamp. */
    static FrequencyResponse predicted(FrequencyResponse before, Output o, Profile p) {
        Realized chain = Realized.of(o.filters(), 0, 0, false, p.sampleRate());
        double level = o.gainDb() + p.bus().preampDb();
        double[] hz = before.hz();
        double[] db = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            db[i] = before.db()[i] + chain.filterDb(hz[i]) + level;
        }
        return new FrequencyResponse(hz, db, before.phaseDegrees(), before.groupDelaySeconds());
    }

    /** The curves as traces named {@code OUTPUT before}, {@code predicted}, {@code after}. */
    public List<Trace> traces() {
        List<Trace> out = new ArrayList<>();
        for (OutputCurves c : outputs) {
            String name = c.output().name();
            out.add(new Trace.Response(name + " before", Role.BEFORE, name, c.before()));
            out.add(new Trace.Response(name + " predicted", Role.PREDICTED, name, c.predicted()));
            if (c.after() != null) {
                out.add(new Trace.Response(name + " after", Role.AFTER, name, c.after()));
            }
        }
        return out;
    }

    /** The curves of output {@code name}; the message lists the outputs there are. */
    public OutputCurves output(String name) {
        return outputs.stream().filter(c -> c.output().name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("the calibration in " + dir + " has no measured output '" + name
                        + "'; it has " + String.join(", ", outputs.stream().map(c -> c.output().name()).toList())));
    }
}
