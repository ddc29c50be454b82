package org.cabintune.dsp.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Locates the profile files the tests read: test resources and the repository's own files. */
final class ProfileFiles {

    /**
     * Every problem line starts with a JSON path: {@code profile}, or a field with optional
     * indices, dotted names and quoted keys, then a space, {@code =} or a colon.
     */
    static final Pattern PROBLEM_LINE = Pattern.compile(
            "^(profile|[A-Za-z0-9_-]+)(\\[\\d+]|\\.[A-Za-z0-9_-]+|\\[\"(?:[^\"\\\\]|\\\\.)*\"(?:\\.\\.\\.)?])*[ :]");

    private ProfileFiles() {
    }

    /** The repository root: the first parent of the working directory holding {@code calibration/}. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("calibration/profiles"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no calibration/profiles above " + Path.of("").toAbsolutePath());
    }

    static Path referenceProfile() {
        return repositoryRoot().resolve("calibration/profiles/reference-8ch.json");
    }

    /** A directory or file under the test resources, e.g. {@code profiles/bad}. */
    static Path resource(String name) {
        URL url = ProfileFiles.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> goodProfiles() {
        try (Stream<Path> files = Files.list(resource("profiles/good"))) {
            return Stream.concat(Stream.of(referenceProfile()), files.filter(f -> f.toString().endsWith(".json")).sorted())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
