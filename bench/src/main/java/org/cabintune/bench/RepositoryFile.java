package org.cabintune.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a file the repository keeps, so a benchmark runs on it rather than on a copy that could drift. */
final class RepositoryFile {

    private RepositoryFile() {
    }

    /**
     * The file named by the system property {@code property}, or else {@code relativePath}
     * found by walking up from the working directory.
     *
     * @throws IllegalStateException when neither exists
     */
    static Path locate(String property, String relativePath) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            return Path.of(value);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relativePath);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + relativePath + " in " + start + " or any directory above it; "
                + "run from inside the repository or pass -D" + property + "=FILE");
    }
}
