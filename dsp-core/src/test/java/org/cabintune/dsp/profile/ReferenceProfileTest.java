package org.cabintune.dsp.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cabintune.dsp.profile.FilterSpec.Align;
import org.cabintune.dsp.profile.FilterSpec.HighPass;
import org.cabintune.dsp.profile.FilterSpec.LowPass;
import org.cabintune.dsp.profile.FilterSpec.Peaking;
import org.cabintune.dsp.profile.FilterSpec.Slope;
import org.cabintune.dsp.profile.Output.Role;
import org.junit.jupiter.api.Test;

/** The reference chain of the design brief, kept as calibration/profiles/reference-8ch.json. */
class ReferenceProfileTest {

    private static final String TEXT = ProfileFiles.read(ProfileFiles.referenceProfile());

    @Test
    void referenceProfileIsTheDesignedChain() throws ProfileException {
        Profile profile = ProfileParser.parse(TEXT);

        assertEquals(48000, profile.sampleRate());
        assertEquals(List.of("L", "R"), profile.inputs());
        assertEquals(List.of(120.0, 2500.0), profile.bus().multiband().orElseThrow().crossoversHz());
        assertEquals(3, profile.bus().multiband().orElseThrow().bands().size());
        Bus.Limiter limiter = profile.bus().limiter().orElseThrow();
        assertEquals(-1.0, limiter.ceilingDbtp());
        assertEquals(1.5, limiter.lookaheadMs());
        Map<Role, Long> roles = profile.outputs().stream()
                .collect(Collectors.groupingBy(Output::role, Collectors.counting()));
        assertEquals(Map.of(Role.TWEETER, 2L, Role.MIDWOOFER, 2L, Role.COAXIAL, 2L, Role.SUBWOOFER, 2L), roles);
        for (Output output : profile.outputs()) {
            assertTrue(output.delayMs() >= 0 && output.delayMs() <= 5, output.name());
        }
    }

    @Test
    void everyOutputHasItsCrossoverAndPeakingCount() throws ProfileException {
        Slope lr4 = new Slope.Aligned(4, Align.LINKWITZ_RILEY);
        Slope bw2 = new Slope.Aligned(2, Align.BUTTERWORTH);
        Map<Role, List<FilterSpec>> crossovers = Map.of(
                Role.TWEETER, List.of(new HighPass(3500, lr4)),
                Role.MIDWOOFER, List.of(new HighPass(80, lr4), new LowPass(3500, lr4)),
                Role.COAXIAL, List.of(new HighPass(80, bw2)),
                Role.SUBWOOFER, List.of(new LowPass(80, lr4), new HighPass(25, lr4)));
        Map<Role, Integer> peakingCount = Map.of(Role.TWEETER, 10, Role.MIDWOOFER, 10, Role.COAXIAL, 6, Role.SUBWOOFER, 6);

        for (Output output : ProfileParser.parse(TEXT).outputs()) {
            List<FilterSpec> expected = crossovers.get(output.role());
            assertEquals(expected, output.filters().subList(0, expected.size()), output.name());
            List<FilterSpec> rest = output.filters().subList(expected.size(), output.filters().size());
            assertTrue(rest.stream().allMatch(Peaking.class::isInstance), output.name());
            assertEquals(peakingCount.get(output.role()), rest.size(), output.name());
        }
    }

    @Test
    void subwoofersHearBothInputsHalfEach() throws ProfileException {
        Map<String, Map<String, Double>> mixes = ProfileParser.parse(TEXT).outputs().stream()
                .filter(o -> o.role() == Role.SUBWOOFER)
                .collect(Collectors.toMap(Output::name, Output::mix));
        assertEquals(2, mixes.size());
        mixes.values().forEach(mix -> assertEquals(Map.of("L", 0.5, "R", 0.5), mix));
    }

    @Test
    void writerReproducesTheReferenceFileExactly() throws ProfileException {
        assertEquals(TEXT, ProfileWriter.write(ProfileParser.parse(TEXT)));
    }

    @Test
    void formatDocumentationShowsTheReferenceProfileVerbatim() {
        String doc = ProfileFiles.read(ProfileFiles.repositoryRoot().resolve("docs/profile-format.md"));
        assertTrue(doc.contains("```json\n" + TEXT + "```\n"),
                "docs/profile-format.md must contain calibration/profiles/reference-8ch.json as a json block");
    }

    @Test
    void documentationListsEveryRoleAndFilterType() {
        String doc = ProfileFiles.read(ProfileFiles.repositoryRoot().resolve("docs/profile-format.md"));
        Function<String, Boolean> mentioned = word -> doc.contains("`" + word + "`");
        for (Role role : Role.values()) {
            assertTrue(mentioned.apply(role.jsonName()), role.jsonName());
        }
        for (FilterSpec.Type type : FilterSpec.Type.values()) {
            assertTrue(mentioned.apply(type.jsonName()), type.jsonName());
        }
    }
}
