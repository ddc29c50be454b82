package org.cabintune.dsp.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus under {@code profiles/bad}: each file has one defect, and {@code expected.txt}
 * names a fragment of the message it must produce (file name, spaces, fragment).
 */
class BadProfileTest {

    private static final Path DIR = ProfileFiles.resource("profiles/bad");

    static Map<String, String> expectations() {
        Map<String, String> expected = new TreeMap<>();
        for (String line : ProfileFiles.read(DIR.resolve("expected.txt")).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" +", 2);
            expected.put(parts[0], parts[1]);
        }
        return expected;
    }

    static Stream<Arguments> badProfiles() {
        return expectations().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProfiles")
    void badProfileIsRefusedWithTheNamedField(String file, String fragment) throws IOException {
        byte[] bytes = Files.readAllBytes(DIR.resolve(file));
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileParser.parse(bytes));
        assertTrue(e.getMessage().contains(fragment), () -> "expected \"" + fragment + "\" in:\n" + e.getMessage());
        for (String line : e.problems()) {
            assertTrue(ProfileFiles.PROBLEM_LINE.matcher(line).lookingAt(), () -> "no field path: " + line);
        }
    }

    @Test
    void corpusIsLargeAndEveryFileHasAnExpectation() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(DIR)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(files::add);
        }
        assertEquals(files, new TreeSet<>(expectations().keySet()));
        assertTrue(files.size() >= 30, "at least 30 bad profiles, found " + files.size());
    }
}
