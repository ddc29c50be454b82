package org.cabintune.dsp.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.cabintune.dsp.profile.FilterSpec.Align;
import org.cabintune.dsp.profile.FilterSpec.HighPass;
import org.cabintune.dsp.profile.FilterSpec.LowPass;
import org.cabintune.dsp.profile.FilterSpec.Slope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

class ProfileParserTest {

    static List<Path> goodProfiles() {
        return ProfileFiles.goodProfiles();
    }

    @ParameterizedTest
    @MethodSource("goodProfiles")
    void goodProfileSurvivesWriteAndReparse(Path file) throws Exception {
        Profile profile = ProfileParser.parse(file);
        String written = ProfileWriter.write(profile);
        assertEquals(profile, ProfileParser.parse(written));
        assertEquals(written, ProfileWriter.write(ProfileParser.parse(written)), "the written form is a fixed point");
    }

    @Test
    void omittedFieldsTakeTheDocumentedDefaults() throws Exception {
        Profile minimal = ProfileParser.parse(ProfileFiles.resource("profiles/good/minimal.json"));
        assertEquals(Bus.OFF, minimal.bus());
        Output mono = minimal.outputs().getFirst();
        assertEquals(List.of(), mono.filters());
        assertEquals(0.0, mono.delayMs());
        assertEquals(0.0, mono.gainDb());
        assertEquals(false, mono.invert());
        assertEquals(Output.Protect.DEFAULT, mono.protect());
    }

    @Test
    void omittedBusTuningTakesTheDesignExampleValues() throws Exception {
        Bus bus = ProfileParser.parse(ProfileFiles.resource("profiles/good/every-kind.json")).bus();
        assertEquals(new Bus.Limiter(-1.0, 1.5, 50.0), bus.limiter().orElseThrow());
        assertEquals(new Bus.Band(-24, 3, 6, 10, 150, 0), bus.multiband().orElseThrow().bands().getFirst());
        String normalizeOnly = minimalWith("\"bus\": {\"normalize\": {\"mode\": \"integrated\"}}");
        assertEquals(new Bus(0, Optional.of(Bus.Normalize.of(Bus.Normalize.Mode.INTEGRATED)),
                Optional.empty(), Optional.empty(), Optional.empty()), ProfileParser.parse(normalizeOnly).bus());
    }

    @Test
    void eachNormalizeModeReadsItsOwnTuningAndWritesItBack() throws Exception {
        String auto = minimalWith("\"bus\": {\"normalize\": {\"mode\": \"auto\", \"targetLufs\": -18, "
                + "\"maxBoostDb\": 9, \"maxCutDb\": 6, \"windowS\": 20, \"speedDbPerS\": 0.5, \"gateLufs\": -45}}");
        Bus.Normalize riding = ProfileParser.parse(auto).bus().normalize().orElseThrow();
        assertEquals(new Bus.Normalize(Bus.Normalize.Mode.AUTO, -18, 9, 6, -1, 20, 0.5, -45), riding);
        String fixed = minimalWith("\"bus\": {\"normalize\": {\"mode\": \"static\", \"ceilingDbtp\": -2}}");
        Profile staticProfile = ProfileParser.parse(fixed);
        assertEquals(new Bus.Normalize(Bus.Normalize.Mode.STATIC, -14, 12, 12, -2, 10, 1, -50),
                staticProfile.bus().normalize().orElseThrow());
        String written = ProfileWriter.write(staticProfile);
        assertTrue(written.contains("\"normalize\": {\"mode\": \"static\", \"targetLufs\": -14, \"maxBoostDb\": 12, "
                + "\"ceilingDbtp\": -2}"), written);
        assertEquals(staticProfile, ProfileParser.parse(written));
        assertEquals(ProfileParser.parse(auto), ProfileParser.parse(ProfileWriter.write(ProfileParser.parse(auto))));
    }

    @Test
    void busDetectionAndStereoLinkAreRead() throws Exception {
        Bus bus = ProfileParser.parse(minimalWith("\"bus\": {\"multiband\": {\"crossoversHz\": [200], "
                + "\"bands\": [{\"thresholdDb\": -20, \"ratio\": 2}, {\"thresholdDb\": -20, \"ratio\": 2}], "
                + "\"detection\": \"rms\", \"rmsWindowMs\": 25, \"stereoLink\": false}, "
                + "\"limiter\": {\"stereoLink\": false}, \"loudnessCompensation\": {\"referenceVolumeDb\": -12}}")).bus();
        Bus.Multiband multiband = bus.multiband().orElseThrow();
        assertEquals(Bus.Detection.RMS, multiband.detection());
        assertEquals(25.0, multiband.rmsWindowMs());
        assertEquals(false, multiband.stereoLink());
        assertEquals(new Bus.Limiter(-1, 1.5, 50, false), bus.limiter().orElseThrow());
        assertEquals(new Bus.LoudnessCompensation(80, -12, 12), bus.loudnessCompensation().orElseThrow());
    }

    @Test
    void passFilterDefaultsToButterworthAndAcceptsQWithoutOrder() throws Exception {
        String json = minimalWith("\"outputs\": [{\"name\": \"w\", \"role\": \"woofer\", \"mix\": {\"L\": 1}, "
                + "\"filters\": [{\"type\": \"lowpass\", \"freqHz\": 200, \"order\": 3}, "
                + "{\"type\": \"highpass\", \"freqHz\": 40, \"q\": 0.5}]}]");
        List<FilterSpec> filters = ProfileParser.parse(json).outputs().getFirst().filters();
        assertEquals(List.of(new LowPass(200, new Slope.Aligned(3, Align.BUTTERWORTH)),
                new HighPass(40, new Slope.Resonant(0.5))), filters);
    }

    @Test
    void shelvesAndAllpassTakeOrderOneWithoutQAndDefaultToTheSecondOrderSection() throws Exception {
        String json = minimalWith("\"outputs\": [{\"name\": \"w\", \"role\": \"woofer\", \"mix\": {\"L\": 1}, "
                + "\"filters\": [{\"type\": \"lowshelf\", \"freqHz\": 100, \"order\": 1, \"gainDb\": 6}, "
                + "{\"type\": \"highshelf\", \"freqHz\": 8000, \"order\": 1, \"gainDb\": -3}, "
                + "{\"type\": \"allpass\", \"freqHz\": 300, \"order\": 1}, "
                + "{\"type\": \"allpass\", \"freqHz\": 300, \"order\": 2, \"q\": 0.7}, "
                + "{\"type\": \"lowshelf\", \"freqHz\": 100, \"q\": 0.7, \"gainDb\": 6}]}]");
        Profile profile = ProfileParser.parse(json);
        assertEquals(List.of(new FilterSpec.LowShelf1(100, 6), new FilterSpec.HighShelf1(8000, -3),
                new FilterSpec.AllPass1(300), new FilterSpec.AllPass(300, 0.7), new FilterSpec.LowShelf(100, 0.7, 6)),
                profile.outputs().getFirst().filters());
        String written = ProfileWriter.write(profile);
        assertTrue(written.contains("{\"type\": \"lowshelf\", \"freqHz\": 100, \"order\": 1, \"gainDb\": 6}"), written);
        assertTrue(written.contains("{\"type\": \"allpass\", \"freqHz\": 300, \"order\": 1}"), written);
        assertTrue(written.contains("{\"type\": \"allpass\", \"freqHz\": 300, \"q\": 0.7}"),
                "order 2 is the default and is not written: " + written);
        assertEquals(profile, ProfileParser.parse(written));
    }

    @Test
    void wholeNumberWrittenAsDecimalIsAcceptedWhereAnIntegerIsExpected() throws Exception {
        assertEquals(48000, ProfileParser.parse(minimalWith("\"sampleRate\": 48000.0")).sampleRate());
    }

    @Test
    void readsStreamsPathsAndAByteOrderMark(@TempDir Path dir) throws Exception {
        String text = ProfileFiles.read(ProfileFiles.referenceProfile());
        Profile expected = ProfileParser.parse(text);
        assertEquals(expected, ProfileParser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        assertEquals(expected, ProfileParser.parse(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)));
        Path file = dir.resolve("p.json");
        ProfileWriter.write(expected, file);
        assertEquals(expected, ProfileParser.parse(file));
    }

    @Test
    void reportsEveryProblemOfAStageAtOnce() {
        String json = minimalWith("\"bus\": {\"preampDb\": 99, \"limiter\": {\"releaseMs\": 0}}, \"name\": \"\"");
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileParser.parse(json));
        assertEquals(List.of("name = \"\" has 0 characters; allowed 1..64",
                "bus.preampDb = 99 is outside -30..24",
                "bus.limiter.releaseMs = 0 is outside 1..2000"), e.problems());
        assertEquals(String.join("\n", e.problems()), e.getMessage());
    }

    @Test
    void refusesInputLargerThanAnyProfile() {
        byte[] huge = new byte[JsonTree.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileParser.parse(new ByteArrayInputStream(huge)));
        assertTrue(e.getMessage().startsWith("profile is 1048577 bytes, more than the limit"), e.getMessage());
    }

    static Stream<Arguments> oddMixKeys() {
        return Stream.of(
                Arguments.of("rear", "outputs[0].mix.rear"),
                Arguments.of("a b", "outputs[0].mix[\"a b\"]"),
                Arguments.of("x.y", "outputs[0].mix[\"x.y\"]"),
                Arguments.of("\\u0007", "outputs[0].mix[\"\\u0007\"]"));
    }

    @ParameterizedTest
    @MethodSource("oddMixKeys")
    void undeclaredMixKeyOfAnyShapeIsNamedByItsPath(String key, String path) {
        String json = minimalWith("\"outputs\": [{\"name\": \"w\", \"role\": \"woofer\", \"mix\": {\""
                + key + "\": 1}}]");
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileParser.parse(json));
        assertEquals(List.of(path + " names an input that is not declared; inputs are L, R"), e.problems());
        assertTrue(ProfileFiles.PROBLEM_LINE.matcher(e.getMessage()).lookingAt(), e.getMessage());
    }

    @Test
    void writerRefusesAProfileTheParserWouldRefuse() {
        Profile bad = new Profile(Profile.FORMAT, "x", 48000, List.of("L"), Bus.OFF,
                List.of(new Output("tw", Output.Role.TWEETER, Map.of("L", 1.0), List.of(), 0, 0, false,
                        new Output.Protect(OptionalDouble.of(2000), 0))));
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileWriter.write(bad));
        assertEquals(List.of("outputs[0].filters has no highpass at or above outputs[0].protect.minHighpassHz"
                + " = 2000 Hz (it has no highpass at all); the tweeter needs one to be protected"), e.problems());
    }

    @Test
    void problemListIsCappedForHopelessFiles() {
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            inputs.append(i == 0 ? "" : ", ").append("\"bad name ").append(i).append('"');
        }
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileParser.parse(minimalWith("\"inputs\": [" + inputs + "]")));
        assertEquals(Problems.MAX_REPORTED + 1, e.problems().size());
        assertTrue(e.problems().getLast().matches("profile: \\d+ more problems not shown"), e.problems().getLast());
    }

    /** The minimal profile with some top-level fields replaced (so no key appears twice). */
    static String minimalWith(String fields) {
        String minimal = ProfileFiles.read(ProfileFiles.resource("profiles/good/minimal.json"));
        ObjectMapper mapper = new ObjectMapper();
        try {
            ObjectNode base = (ObjectNode) mapper.readTree(minimal);
            base.setAll((ObjectNode) mapper.readTree("{" + fields + "}"));
            return mapper.writeValueAsString(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
