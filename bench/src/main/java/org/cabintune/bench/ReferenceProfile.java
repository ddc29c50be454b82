package org.cabintune.bench;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Finds and parses the reference chain's profile ({@value #RELATIVE_PATH}), so that the
 * benchmark runs the file the repository keeps rather than a copy that could drift from it.
 */
final class ReferenceProfile {

    /** System property naming the profile file; overrides the search. */
    static final String PROPERTY = "cabintune.profile";
    /** Where the profile lives in the repository. */
    static final String RELATIVE_PATH = "calibration/profiles/reference-8ch.json";

    private ReferenceProfile() {
    }

    /**
     * The profile named by {@code -Dcabintune.profile=FILE}, or else the repository's copy,
     * found by walking up from the working directory.
     *
     * @throws IllegalStateException when neither yields a valid profile
     */
    static Profile load() {
        Path file = locate();
        try {
            return ProfileParser.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ProfileException e) {
            throw new IllegalStateException(file + " is not a valid profile:\n" + e.getMessage(), e);
        }
    }

    /** The file {@link #load()} reads. */
    static Path locate() {
        return RepositoryFile.locate(PROPERTY, RELATIVE_PATH);
    }
}
