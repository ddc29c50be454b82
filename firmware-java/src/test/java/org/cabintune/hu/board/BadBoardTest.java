package org.cabintune.hu.board;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file of {@code bad-boards/} is refused, and one line of the error names the field as
 * its first line says ({@code # expect: ...}). Each file is a shipped board with one mistake.
 */
class BadBoardTest {

    static Stream<Path> files() throws IOException, URISyntaxException {
        Path dir = Path.of(BadBoardTest.class.getResource("/bad-boards").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "the corpus has " + files.size() + " files");
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void isRefusedNamingTheField(Path file) throws IOException {
        String text = Files.readString(file);
        String expect = text.lines().findFirst().orElseThrow().replaceFirst("^# expect: ", "");
        BoardConfigException e = assertThrows(BoardConfigException.class, () -> BoardLoader.load(file));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expect)),
                file.getFileName() + ": expected a line starting with\n  " + expect + "\nbut got\n  "
                        + String.join("\n  ", e.problems()));
        assertTrue(e.getMessage().startsWith(file.toString()), "the message names the file");
    }
}
