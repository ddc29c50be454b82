package org.cabintune.tuner.correct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.dsp.profile.SectionDesign;
import org.junit.jupiter.api.Test;

class EqExportTest {

    private static final List<FilterSpec> EQ = List.of(
            new FilterSpec.Peaking(120, 2.1, -3.5),
            new FilterSpec.LowShelf(80, 0.7, 4),
            new FilterSpec.Peaking(3000, 4, 2.25),
            new FilterSpec.HighShelf(9000, 0.6, -2));

    /** {type, fc, gain, q} of each filter as written, for comparison with what was parsed. */
    private static double[] values(FilterSpec f) {
        return switch (f) {
            case FilterSpec.Peaking p -> new double[] {p.freqHz(), p.gainDb(), p.q()};
            case FilterSpec.LowShelf s -> new double[] {s.freqHz(), s.gainDb(), s.q()};
            case FilterSpec.HighShelf s -> new double[] {s.freqHz(), s.gainDb(), s.q()};
            default -> throw new AssertionError(f);
        };
    }

    @Test
    void apoLinesParseBackWithPreampForTheBoost() {
        String text = EqExport.apo(EQ, 48_000);
        List<String> lines = text.lines().toList();
        Matcher preamp = Pattern.compile("Preamp: (-[0-9.]+) dB").matcher(lines.getFirst());
        assertTrue(preamp.matches(), lines.getFirst());
        double boost = EqExport.maxBoostDb(EQ, 48_000);
        assertTrue(boost > 3.9, "the +4 dB shelf boosts: " + boost);
        assertEquals(-Math.ceil(boost * 10) / 10, Double.parseDouble(preamp.group(1)), 1e-9);
        Pattern line = Pattern.compile("Filter (\\d+): ON (PK|LSC|HSC) Fc ([0-9.]+) Hz Gain (-?[0-9.]+) dB Q ([0-9.]+)");
        String[] types = {"PK", "LSC", "PK", "HSC"};
        for (int k = 0; k < EQ.size(); k++) {
            Matcher m = line.matcher(lines.get(k + 1));
            assertTrue(m.matches(), lines.get(k + 1));
            assertEquals(k + 1, Integer.parseInt(m.group(1)));
            assertEquals(types[k], m.group(2));
            double[] v = values(EQ.get(k));
            assertEquals(v[0], Double.parseDouble(m.group(3)), 0.05);
            assertEquals(v[1], Double.parseDouble(m.group(4)), 0.005);
            assertEquals(v[2], Double.parseDouble(m.group(5)), 0.0005);
        }
        assertTrue(EqExport.apo(List.of(new FilterSpec.Peaking(100, 1, -3)), 48_000).startsWith("Filter 1: ON PK"),
                "no preamp when the EQ only cuts");
    }

    @Test
    void rewTextHasRewsLayoutAndParsesBack() {
        String text = EqExport.rew(EQ, "fit of car 7", "front-left", LocalDateTime.of(2025, 3, 4, 5, 6, 7));
        List<String> lines = text.lines().toList();
        assertEquals("Filter Settings file", lines.get(0));
        assertTrue(lines.contains("Dated: 2025/3/4 05:06:07"), text);
        assertTrue(lines.contains("Notes:fit of car 7"), text);
        assertTrue(lines.contains("Equaliser: Generic"), text);
        assertTrue(lines.contains("Filter  1: ON  PK       Fc   120.0 Hz  Gain  -3.50 dB  Q  2.100"), text);
        assertTrue(lines.contains("Filter  2: ON  LS Q     Fc   80.00 Hz  Gain   4.00 dB  Q  0.700"), text);
        Pattern line = Pattern.compile("Filter\\s+(\\d+): ON\\s+(PK|LS Q|HS Q)\\s+Fc\\s+([0-9.]+) Hz\\s+Gain\\s+(-?[0-9.]+) dB\\s+Q\\s+([0-9.]+)");
        List<double[]> parsed = new ArrayList<>();
        for (String l : lines) {
            Matcher m = line.matcher(l);
            if (m.matches()) {
                parsed.add(new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
                        Double.parseDouble(m.group(5))});
            }
        }
        assertEquals(EQ.size(), parsed.size());
        for (int k = 0; k < EQ.size(); k++) {
            double[] v = values(EQ.get(k));
            assertEquals(v[0], parsed.get(k)[0], v[0] * 0.001);
            assertEquals(v[1], parsed.get(k)[1], 0.005);
            assertEquals(v[2], parsed.get(k)[2], 0.0005);
        }
    }

    @Test
    void camillaDspYamlParsesWithItsFiltersAndPipeline() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(EqExport.camillaDsp(EQ, "eq", 2));
        String[] types = {"Peaking", "Lowshelf", "Peaking", "Highshelf"};
        JsonNode step = root.get("pipeline").get(0);
        assertEquals("Filter", step.get("type").asText());
        assertEquals(2, step.get("channels").get(0).asInt());
        for (int k = 0; k < EQ.size(); k++) {
            String name = "eq_" + (k + 1);
            assertEquals(name, step.get("names").get(k).asText());
            JsonNode f = root.get("filters").get(name);
            assertEquals("Biquad", f.get("type").asText());
            JsonNode p = f.get("parameters");
            assertEquals(types[k], p.get("type").asText());
            double[] v = values(EQ.get(k));
            assertEquals(v[0], p.get("freq").asDouble(), 0.005);
            assertEquals(v[1], p.get("gain").asDouble(), 0.005);
            assertEquals(v[2], p.get("q").asDouble(), 0.00005);
        }
    }

    @Test
    void miniDspCoefficientsAreTheQuantisedOnesWithA1A2Negated() {
        String text = EqExport.miniDsp(EQ, 48_000);
        List<QuantizedBiquad> sections = SectionDesign.quantize(EQ, 48_000);
        Matcher m = Pattern.compile("biquad(\\d+),\\nb0=(\\S+),\\nb1=(\\S+),\\nb2=(\\S+),\\na1=(\\S+),\\na2=([^,\\s]+),?\\n")
                .matcher(text);
        int count = 0;
        while (m.find()) {
            BiquadCoefficients c = sections.get(count).realized();
            assertEquals(count + 1, Integer.parseInt(m.group(1)));
            assertEquals(c.b0(), Double.parseDouble(m.group(2)));
            assertEquals(c.b1(), Double.parseDouble(m.group(3)));
            assertEquals(c.b2(), Double.parseDouble(m.group(4)));
            assertEquals(-c.a1(), Double.parseDouble(m.group(5)));
            assertEquals(-c.a2(), Double.parseDouble(m.group(6)));
            assertTrue(!m.group(2).contains("E"), "plain decimals: " + m.group(2));
            count++;
        }
        assertEquals(sections.size(), count, text);
        assertTrue(!text.endsWith(",\n"), "no comma after the last coefficient");
    }

    @Test
    void minimalProfileRoundTripsThroughTheParser() throws Exception {
        Profile p = EqExport.profile("autoeq", 48_000, "door", List.of(), EQ);
        Profile back = ProfileParser.parse(ProfileWriter.write(p));
        assertEquals(p, back);
        Output out = back.outputs().getFirst();
        assertEquals(EQ, out.filters());
        assertEquals(-Math.ceil(EqExport.maxBoostDb(EQ, 48_000) * 10) / 10, out.gainDb(), 1e-9);
    }

    @Test
    void baseProfileGetsTheEqOnOneOutputAndKeepsEverythingElse() throws Exception {
        Profile base = ProfileParser.parse(Path.of("..", "calibration", "profiles", "reference-8ch.json"));
        Profile changed = ProfileParser.parse(ProfileWriter.write(EqExport.profile(base, "front-left-midwoofer", EQ)));
        for (int i = 0; i < base.outputs().size(); i++) {
            Output before = base.outputs().get(i);
            Output after = changed.outputs().get(i);
            if (!before.name().equals("front-left-midwoofer")) {
                assertEquals(before, after);
                continue;
            }
            List<FilterSpec> expected = new ArrayList<>(EqExport.fixedFilters(before));
            assertEquals(List.of(FilterSpec.Type.HIGHPASS, FilterSpec.Type.LOWPASS),
                    expected.stream().map(FilterSpec::type).toList());
            expected.addAll(EQ);
            assertEquals(expected, after.filters());
            assertEquals(before.gainDb(), after.gainDb());
            assertEquals(before.delayMs(), after.delayMs());
            assertEquals(before.mix(), after.mix());
        }
        assertEquals(base.bus(), changed.bus());
        CorrectionException e = assertThrows(CorrectionException.class, () -> EqExport.profile(base, "nope", EQ));
        assertTrue(e.getMessage().startsWith("profile '" + base.name() + "' has no output 'nope'; its outputs are front-left-tweeter"),
                e.getMessage());
    }
}
