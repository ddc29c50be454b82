package org.cabintune.dsp.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads profile files (format v1) strictly: JSON syntax, then structure (unknown, missing and
 * mistyped fields), then ranges and cross-field rules. Whatever the bytes, the only failure is
 * a {@link ProfileException} listing every problem of the first stage that had any, each
 * line starting with the field's JSON path. Stateless and thread-safe.
 */
public final class ProfileParser {

    private ProfileParser() {
    }

    /** Parses profile JSON text. */
    public static Profile parse(String json) throws ProfileException {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses UTF-8 profile JSON (a leading byte order mark is allowed). */
    public static Profile parse(byte[] utf8) throws ProfileException {
        Problems problems = new Problems();
        JsonNode tree = JsonTree.read(utf8, problems);
        problems.throwIfAny();
        Profile profile = ProfileReader.profile(tree, problems);
        problems.throwIfAny();
        ProfileValidator.check(profile, problems);
        problems.throwIfAny();
        return profile;
    }

    /**
     * Reads the stream to its end (at most {@link JsonTree#MAX_BYTES} + 1 bytes are taken)
     * and parses it. The stream is not closed.
     *
     * @throws IOException when the stream itself fails, never for its content
     */
    public static Profile parse(InputStream in) throws IOException, ProfileException {
        return parse(in.readNBytes(JsonTree.MAX_BYTES + 1));
    }

    /**
     * Reads and parses a profile file.
     *
     * @throws IOException when the file cannot be read, never for its content
     */
    public static Profile parse(Path file) throws IOException, ProfileException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }
}
