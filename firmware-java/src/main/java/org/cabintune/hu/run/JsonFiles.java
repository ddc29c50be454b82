package org.cabintune.hu.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The JSON files {@code run} leaves behind. */
final class JsonFiles {

    private JsonFiles() {
    }

    /** Writes {@code value} as indented JSON, atomically: a reader never sees half a file. */
    static void write(Path file, Object value) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = parent.resolve("." + file.getFileName() + ".part");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
