package org.cabintune.hu.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@code board-configs/*.yaml} strictly: YAML syntax, then structure (unknown fields,
 * wrong types), then every value's range and the rules between fields
 * ({@link BoardValidator}). Every failure is a {@link BoardConfigException} whose lines start
 * with the field's path, e.g. {@code outputs[2].role = "twetter" is not one of tweeter, ...}.
 */
public final class BoardLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private BoardLoader() {
    }

    /** Reads and checks a board file. */
    public static BoardConfig load(Path file) throws IOException, BoardConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + " does not exist");
        }
        return parse(text, file.toString());
    }

    /** Parses and checks board YAML; {@code name} is used in messages. */
    public static BoardConfig parse(String yaml, String name) throws BoardConfigException {
        BoardConfig board;
        try {
            board = YAML.readValue(yaml, BoardConfig.class);
        } catch (JsonProcessingException e) {
            throw new BoardConfigException(name, List.of(describe(e)));
        }
        if (board == null) {
            throw new BoardConfigException(name, List.of("(file) is empty"));
        }
        List<String> problems = BoardValidator.check(board);
        if (!problems.isEmpty()) {
            throw new BoardConfigException(name, problems);
        }
        return board;
    }

    /** One line for a structural error, starting with the field's path where there is one. */
    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return path(u) + " is not a known field (known: " + known + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return path(f) + " = " + quoted(f.getValue()) + " is not " + article(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return path(m) + " has the wrong shape: expected " + article(m.getTargetType());
        }
        String location = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return "(file) is not valid YAML" + location + ": " + e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "(file)" : b.toString();
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String article(Class<?> type) {
        if (type == null) {
            return "a value of the expected type";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping (" + type.getSimpleName() + ")";
    }
}
