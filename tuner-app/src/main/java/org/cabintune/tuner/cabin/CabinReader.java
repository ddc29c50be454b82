package org.cabintune.tuner.cabin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads a cabin YAML strictly: unknown fields, missing fields and out-of-range values are
 * errors naming the file and the field's path. A field left out reads as empty or 0, which the
 * range checks then refuse where 0 is not allowed (optional fields: peaks, nonlinearity, minZ).
 */
public final class CabinReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private CabinReader() {
    }

    /** Reads and validates a cabin file. */
    public static CabinSpec read(Path file) throws IOException {
        try {
            return YAML.readValue(file.toFile(), CabinSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": " + path(e) + " is not a known field; known fields there: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String what = cause != null ? cause.getMessage() : e.getOriginalMessage();
            String where = path(e);
            String line = e.getLocation() != null && cause == null ? " (line " + e.getLocation().getLineNr() + ")" : "";
            throw new IllegalArgumentException(file + ": " + (where.isEmpty() ? "" : "at " + where + ": ") + what + line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalArgumentException(file + ": no such file");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            }
        }
        return b.toString();
    }
}
