package org.cabintune.dsp.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.profile.FilterSpec.Slope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the JSON Schema and the records from drifting apart: every schema object lists
 * exactly the record's components as properties and forbids anything else, and every enum in
 * the schema holds exactly the Java enum's words. No schema validator is needed for that.
 */
class ProfileSchemaTest {

    private static final String SCHEMA = "/org/cabintune/dsp/profile/cabintune-profile-1.schema.json";
    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = ProfileSchemaTest.class.getResourceAsStream(SCHEMA)) {
            assertNotNull(in, "schema on the class path");
            schema = new ObjectMapper().readTree(in);
        }
    }

    /**
     * Schema location ("" for the root, else a $defs name) to the records it describes: one,
     * or for a filter type that comes in two orders (lowshelf, highshelf, allpass) both.
     */
    static Stream<Arguments> objects() {
        Map<String, List<Class<?>>> objects = new LinkedHashMap<>();
        objects.put("", List.of(Profile.class));
        objects.put("bus", List.of(Bus.class));
        objects.put("normalize", List.of(Bus.Normalize.class));
        objects.put("multiband", List.of(Bus.Multiband.class));
        objects.put("band", List.of(Bus.Band.class));
        objects.put("limiter", List.of(Bus.Limiter.class));
        objects.put("loudnessCompensation", List.of(Bus.LoudnessCompensation.class));
        objects.put("output", List.of(Output.class));
        objects.put("protect", List.of(Output.Protect.class));
        for (Class<?> filter : FilterSpec.class.getPermittedSubclasses()) {
            objects.computeIfAbsent(filterType(filter).jsonName(), k -> new ArrayList<>()).add(filter);
        }
        return objects.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void schemaIsDraft2020AndDescribesAnObject() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals("object", schema.path("type").asText());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("objects")
    void schemaPropertiesAreTheRecordComponents(String def, List<Class<?>> records) {
        JsonNode node = def.isEmpty() ? schema : schema.path("$defs").path(def);
        assertFalse(node.isMissingNode(), "$defs/" + def);
        Set<String> expected = new TreeSet<>();
        records.forEach(record -> expected.addAll(jsonNames(record)));
        if (records.size() > 1) {
            expected.add("order"); // it picks the record: 1 or 2
        }
        assertEquals(expected, names(node.path("properties")), def);
        assertTrue(node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean(),
                def + " must set additionalProperties false");
    }

    @Test
    void everyObjectWithPropertiesForbidsOthers() {
        List<String> open = new ArrayList<>();
        walk(schema, "#", (node, path) -> {
            if (node.has("properties") && node.has("type") && !node.path("additionalProperties").isBoolean()) {
                open.add(path);
            }
        });
        assertEquals(List.of(), open);
    }

    @Test
    void filterChoiceListsEveryFilterType() {
        Set<String> referenced = new TreeSet<>();
        schema.path("$defs").path("filter").path("oneOf")
                .forEach(ref -> referenced.add(ref.path("$ref").asText().replace("#/$defs/", "")));
        Set<String> types = Arrays.stream(FilterSpec.Type.values()).map(FilterSpec.Type::jsonName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(types, referenced);
        for (String type : types) {
            assertEquals(type, schema.path("$defs").path(type).path("properties").path("type").path("const").asText());
        }
    }

    @Test
    void schemaEnumsHoldTheJavaEnumWords() {
        JsonNode defs = schema.path("$defs");
        assertEquals(words(Output.Role.values(), Output.Role::jsonName), enumOf(defs.path("output").path("properties").path("role")));
        assertEquals(words(Bus.Normalize.Mode.values(), Bus.Normalize.Mode::jsonName),
                enumOf(defs.path("normalize").path("properties").path("mode")));
        assertEquals(words(Bus.Detection.values(), Bus.Detection::jsonName),
                enumOf(defs.path("multiband").path("properties").path("detection")));
        for (String pass : List.of("lowpass", "highpass")) {
            assertEquals(words(FilterSpec.Align.values(), FilterSpec.Align::jsonName),
                    enumOf(defs.path(pass).path("properties").path("align")));
        }
        for (String firstOrSecond : List.of("lowshelf", "highshelf", "allpass")) {
            JsonNode order = defs.path(firstOrSecond).path("properties").path("order");
            assertEquals("#/$defs/firstOrSecond", order.path("$ref").asText(), firstOrSecond);
            assertEquals("#/$defs/qOnlyWithOrder2", defs.path(firstOrSecond).path("$ref").asText(), firstOrSecond);
        }
        assertEquals(List.of("1", "2"), enumOf(defs.path("firstOrSecond")));
        assertEquals(ProfileValidator.SAMPLE_RATES.stream().map(String::valueOf).toList(),
                enumOf(schema.path("properties").path("sampleRate")));
        assertEquals(Profile.FORMAT, schema.path("properties").path("format").path("const").asText());
    }

    @Test
    void schemaBiquadLimitIsTheKernelsCoefficientLimit() {
        JsonNode b = schema.path("$defs").path("bCoefficient");
        assertEquals(QuantizedBiquad.MAX_FEED_FORWARD, b.path("exclusiveMaximum").asDouble());
        assertEquals(-QuantizedBiquad.MAX_FEED_FORWARD, b.path("exclusiveMinimum").asDouble());
        assertEquals(QuantizedBiquad.MAX_FEED_FORWARD, FilterValidator.MAX_ABS_B);
    }

    /**
     * The JSON field names a record is written with: its components, with a filter's
     * {@code type} added and a {@link Slope} spread into the fields of both slope forms.
     */
    private static Set<String> jsonNames(Class<?> record) {
        Set<String> names = new TreeSet<>();
        if (FilterSpec.class.isAssignableFrom(record)) {
            names.add("type");
        }
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType() == Slope.class) {
                for (Class<?> form : Slope.class.getPermittedSubclasses()) {
                    names.addAll(jsonNames(form));
                }
                names.add("order");
            } else {
                names.add(component.getName());
            }
        }
        return names;
    }

    /** The type word of a filter record; a first-order form is named like its type plus "1". */
    private static FilterSpec.Type filterType(Class<?> filter) {
        String simple = filter.getSimpleName().toLowerCase(Locale.ROOT).replaceFirst("1$", "");
        return FilterSpec.Type.fromJsonName(simple).orElseThrow(() -> new AssertionError("no type for " + filter));
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static <E> List<String> words(E[] values, Function<E, String> jsonName) {
        return Arrays.stream(values).map(jsonName).toList();
    }

    private static List<String> enumOf(JsonNode node) {
        List<String> words = new ArrayList<>();
        node.path("enum").forEach(word -> words.add(word.asText()));
        return words;
    }

    private interface Visitor {
        void visit(JsonNode node, String path);
    }

    private static void walk(JsonNode node, String path, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(node, path);
            node.properties().forEach(e -> walk(e.getValue(), path + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        }
    }
}
