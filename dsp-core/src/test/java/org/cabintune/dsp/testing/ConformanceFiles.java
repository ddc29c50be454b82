package org.cabintune.dsp.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where public conformance material lives: beside the repository, in
 * {@code ../shared/conformance/}, never copied into the project. Tests that use it skip
 * cleanly when it is absent.
 */
public final class ConformanceFiles {

    private ConformanceFiles() {
    }

    /**
     * The EBU loudness test set v05 (EBU Tech 3341 and 3342 material), or null when the
     * repository root cannot be found. The folder itself may be missing: check before use.
     */
    public static Path ebuLoudnessTestSet() throws IOException {
        Path root = repositoryRoot();
        return root == null ? null : root.resolve("../shared/conformance/ebu-loudness-test-setv05").normalize();
    }

    /**
     * The repository root: the nearest directory upwards from the working directory whose
     * pom.xml lists the dsp-core module (tests run with a module directory as working
     * directory); null when there is none.
     */
    public static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>dsp-core</module>")) {
                return dir;
            }
        }
        return null;
    }
}
