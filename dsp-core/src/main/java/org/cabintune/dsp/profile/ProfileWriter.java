package org.cabintune.dsp.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cabintune.dsp.profile.FilterSpec.Slope;

/**
 * Writes a {@link Profile} as canonical, human-friendly JSON: two-space indentation, one
 * filter or band per line, defaults written out so a reader of the file sees every value.
 * The one exception is the {@code order} of shelves and allpasses, written only when it is 1:
 * order 2 is what those filters always were, and files written before order 1 existed stay
 * byte for byte the same.
 * {@code ProfileParser.parse(write(p))} equals {@code p} for every valid profile. Stateless
 * and thread-safe.
 */
public final class ProfileWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProfileWriter() {
    }

    /**
     * The profile as JSON text ending in a newline.
     *
     * @throws ProfileException when the profile is invalid: a file the parser would refuse
     *                          is never written
     */
    public static String write(Profile profile) throws ProfileException {
        ProfileValidator.validate(profile);
        return JsonLayout.format(tree(profile));
    }

    /** Writes the profile to a UTF-8 file, replacing it. */
    public static void write(Profile profile, Path file) throws IOException, ProfileException {
        Files.writeString(file, write(profile), StandardCharsets.UTF_8);
    }

    static ObjectNode tree(Profile profile) {
        ObjectNode root = NODES.objectNode();
        root.put("format", profile.format());
        root.put("name", profile.name());
        root.put("sampleRate", profile.sampleRate());
        ArrayNode inputs = root.putArray("inputs");
        profile.inputs().forEach(inputs::add);
        root.set("bus", bus(profile.bus()));
        ArrayNode outputs = root.putArray("outputs");
        profile.outputs().forEach(o -> outputs.add(output(o)));
        return root;
    }

    private static ObjectNode bus(Bus bus) {
        ObjectNode node = NODES.objectNode();
        node.put("preampDb", bus.preampDb());
        bus.normalize().ifPresent(n -> {
            ObjectNode normalize = node.putObject("normalize").put("mode", n.mode().jsonName());
            n.mode().fields().forEach(field -> normalize.put(field, n.value(field)));
        });
        bus.multiband().ifPresent(m -> {
            ObjectNode multiband = node.putObject("multiband");
            ArrayNode crossovers = multiband.putArray("crossoversHz");
            m.crossoversHz().forEach(crossovers::add);
            ArrayNode bands = multiband.putArray("bands");
            m.bands().forEach(b -> bands.addObject()
                    .put("thresholdDb", b.thresholdDb())
                    .put("ratio", b.ratio())
                    .put("kneeDb", b.kneeDb())
                    .put("attackMs", b.attackMs())
                    .put("releaseMs", b.releaseMs())
                    .put("makeupDb", b.makeupDb()));
            multiband.put("detection", m.detection().jsonName());
            if (m.detection() == Bus.Detection.RMS) {
                multiband.put("rmsWindowMs", m.rmsWindowMs());
            }
            multiband.put("stereoLink", m.stereoLink());
        });
        bus.limiter().ifPresent(l -> node.putObject("limiter")
                .put("ceilingDbtp", l.ceilingDbtp())
                .put("lookaheadMs", l.lookaheadMs())
                .put("releaseMs", l.releaseMs())
                .put("stereoLink", l.stereoLink()));
        bus.loudnessCompensation().ifPresent(c -> node.putObject("loudnessCompensation")
                .put("referencePhon", c.referencePhon())
                .put("referenceVolumeDb", c.referenceVolumeDb())
                .put("maxBoostDb", c.maxBoostDb()));
        return node;
    }

    private static ObjectNode output(Output output) {
        ObjectNode node = NODES.objectNode();
        node.put("name", output.name());
        node.put("role", output.role().jsonName());
        ObjectNode mix = node.putObject("mix");
        output.mix().forEach(mix::put);
        ArrayNode filters = node.putArray("filters");
        output.filters().forEach(f -> filters.add(filter(f)));
        node.put("delayMs", output.delayMs());
        node.put("gainDb", output.gainDb());
        node.put("invert", output.invert());
        ObjectNode protect = node.putObject("protect");
        output.protect().minHighpassHz().ifPresent(hz -> protect.put("minHighpassHz", hz));
        protect.put("ceilingDbtp", output.protect().ceilingDbtp());
        return node;
    }

    static JsonNode filter(FilterSpec filter) {
        ObjectNode node = NODES.objectNode();
        node.put("type", filter.type().jsonName());
        switch (filter) {
            case FilterSpec.Peaking f -> eq(node, f.freqHz(), f.q(), f.gainDb());
            case FilterSpec.LowShelf f -> eq(node, f.freqHz(), f.q(), f.gainDb());
            case FilterSpec.HighShelf f -> eq(node, f.freqHz(), f.q(), f.gainDb());
            case FilterSpec.LowShelf1 f -> node.put("freqHz", f.freqHz()).put("order", 1).put("gainDb", f.gainDb());
            case FilterSpec.HighShelf1 f -> node.put("freqHz", f.freqHz()).put("order", 1).put("gainDb", f.gainDb());
            case FilterSpec.LowPass f -> slope(node.put("freqHz", f.freqHz()), f.slope());
            case FilterSpec.HighPass f -> slope(node.put("freqHz", f.freqHz()), f.slope());
            case FilterSpec.BandPass f -> node.put("freqHz", f.freqHz()).put("q", f.q());
            case FilterSpec.Notch f -> node.put("freqHz", f.freqHz()).put("q", f.q());
            case FilterSpec.AllPass f -> node.put("freqHz", f.freqHz()).put("q", f.q());
            case FilterSpec.AllPass1 f -> node.put("freqHz", f.freqHz()).put("order", 1);
            case FilterSpec.Biquad f -> node.put("b0", f.b0()).put("b1", f.b1()).put("b2", f.b2())
                    .put("a1", f.a1()).put("a2", f.a2());
        }
        return node;
    }

    private static void eq(ObjectNode node, double freqHz, double q, double gainDb) {
        node.put("freqHz", freqHz).put("q", q).put("gainDb", gainDb);
    }

    private static void slope(ObjectNode node, Slope slope) {
        switch (slope) {
            case Slope.Aligned a -> node.put("order", a.order()).put("align", a.align().jsonName());
            case Slope.Resonant r -> node.put("order", 2).put("q", r.q());
        }
    }
}
