package org.cabintune.dsp.graph;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Profiles for graph tests: the repository's reference chain and small hand-written ones. */
final class Profiles {

    private Profiles() {
    }

    /** {@code calibration/profiles/reference-8ch.json}, found from the module directory. */
    static Profile reference() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("calibration/profiles/reference-8ch.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("calibration/profiles/reference-8ch.json not found above the working directory");
        }
        try {
            return ProfileParser.parse(dir.resolve("calibration/profiles/reference-8ch.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProfileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Stereo in, two full-range outputs straight from L and R, and the given bus (JSON object body). */
    static Profile stereoBus(int sampleRate, String bus) {
        String json = """
                {"format": "cabintune.profile/1", "name": "bus test", "sampleRate": %d, "inputs": ["L", "R"],
                 "bus": {%s},
                 "outputs": [
                   {"name": "left", "role": "fullrange", "mix": {"L": 1.0}},
                   {"name": "right", "role": "fullrange", "mix": {"R": 1.0}}
                 ]}
                """.formatted(sampleRate, bus);
        try {
            return ProfileParser.parse(json);
        } catch (ProfileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A stereo profile with two outputs, each given as the JSON of its filter list and extras. */
    static Profile stereo(int sampleRate, String left, String right) {
        String json = """
                {"format": "cabintune.profile/1", "name": "test", "sampleRate": %d, "inputs": ["L", "R"],
                 "outputs": [
                   {"name": "left", "role": "fullrange", "mix": {"L": 1.0}, %s},
                   {"name": "right", "role": "fullrange", "mix": {"R": 1.0}, %s}
                 ]}
                """.formatted(sampleRate, left, right);
        try {
            return ProfileParser.parse(json);
        } catch (ProfileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
