package org.cabintune.dsp.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.cabintune.dsp.profile.Bus.Band;
import org.cabintune.dsp.profile.Bus.Detection;
import org.cabintune.dsp.profile.Bus.Limiter;
import org.cabintune.dsp.profile.Bus.LoudnessCompensation;
import org.cabintune.dsp.profile.Bus.Multiband;
import org.cabintune.dsp.profile.Bus.Normalize;

/**
 * Maps the {@code bus} object to a {@link Bus}. Absent parts stay empty (off); absent tuning
 * values take the defaults documented on the records, which are DESIGN.md's example values.
 */
final class BusReader {

    static final double DEFAULT_KNEE_DB = 6.0;
    static final double DEFAULT_ATTACK_MS = 10.0;
    static final double DEFAULT_BAND_RELEASE_MS = 150.0;
    static final double DEFAULT_CEILING_DBTP = -1.0;
    static final double DEFAULT_LOOKAHEAD_MS = 1.5;
    static final double DEFAULT_LIMITER_RELEASE_MS = 50.0;

    private BusReader() {
    }

    /** The bus, or null after reporting why not. */
    static Bus bus(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "the bus", List.of(),
                List.of("preampDb", "normalize", "multiband", "limiter", "loudnessCompensation"));
        if (f == null) {
            return null;
        }
        double preampDb = f.number("preampDb", 0.0);
        Optional<Normalize> normalize = part(f, "normalize", problems, BusReader::normalize);
        Optional<Multiband> multiband = part(f, "multiband", problems, BusReader::multiband);
        Optional<Limiter> limiter = part(f, "limiter", problems, BusReader::limiter);
        Optional<LoudnessCompensation> compensation = part(f, "loudnessCompensation", problems,
                BusReader::loudnessCompensation);
        if (problems.size() > mark) {
            return null;
        }
        return new Bus(preampDb, normalize, multiband, limiter, compensation);
    }

    private interface PartReader<T> {
        T read(JsonNode node, String path, Problems problems);
    }

    /** Empty when absent, and also when broken: the reported problem stops the caller. */
    private static <T> Optional<T> part(Fields f, String name, Problems problems, PartReader<T> reader) {
        JsonNode node = f.get(name);
        return node == null ? Optional.empty() : Optional.ofNullable(reader.read(node, f.path(name), problems));
    }

    /**
     * The mode decides which tuning fields may be given ({@link Normalize.Mode#fields()}); a
     * field of another mode is reported rather than ignored, as a typo would be.
     */
    private static Normalize normalize(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "normalize", List.of("mode"), Normalize.TUNING);
        if (f == null) {
            return null;
        }
        Normalize.Mode mode = f.choice("mode", Normalize.Mode.values(), Normalize.Mode::jsonName, null);
        if (mode != null) {
            for (String field : Normalize.TUNING) {
                if (f.has(field) && !mode.fields().contains(field)) {
                    problems.at(f.path(field), " is not used by mode " + mode.jsonName() + ", which reads "
                            + String.join(", ", mode.fields()) + "; remove it (or choose a mode that uses it)");
                }
            }
        }
        Normalize d = Normalize.DEFAULT;
        Normalize normalize = new Normalize(mode == null ? d.mode() : mode,
                f.number("targetLufs", d.targetLufs()), f.number("maxBoostDb", d.maxBoostDb()),
                f.number("maxCutDb", d.maxCutDb()), f.number("ceilingDbtp", d.ceilingDbtp()),
                f.number("windowS", d.windowS()), f.number("speedDbPerS", d.speedDbPerS()),
                f.number("gateLufs", d.gateLufs()));
        return problems.size() > mark ? null : normalize;
    }

    private static Multiband multiband(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "the multiband compressor",
                List.of("crossoversHz", "bands"), List.of("detection", "rmsWindowMs", "stereoLink"));
        if (f == null) {
            return null;
        }
        List<Double> crossovers = f.list("crossoversHz", (n, p) -> Fields.numberElement(n, p, problems));
        List<Band> bands = f.list("bands", (n, p) -> band(n, p, problems));
        Detection detection = f.choice("detection", Detection.values(), Detection::jsonName, Detection.PEAK);
        if (detection == Detection.PEAK && f.has("rmsWindowMs")) {
            problems.at(f.path("rmsWindowMs"), " is not used with detection peak; remove it (or set detection rms)");
        }
        double rmsWindowMs = f.number("rmsWindowMs", Multiband.DEFAULT_RMS_WINDOW_MS);
        boolean stereoLink = f.bool("stereoLink", true);
        return problems.size() > mark ? null
                : new Multiband(crossovers, bands, detection, rmsWindowMs, stereoLink);
    }

    private static Band band(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "a compressor band", List.of("thresholdDb", "ratio"),
                List.of("kneeDb", "attackMs", "releaseMs", "makeupDb"));
        if (f == null) {
            return null;
        }
        Band band = new Band(f.number("thresholdDb"), f.number("ratio"),
                f.number("kneeDb", DEFAULT_KNEE_DB), f.number("attackMs", DEFAULT_ATTACK_MS),
                f.number("releaseMs", DEFAULT_BAND_RELEASE_MS), f.number("makeupDb", 0.0));
        return problems.size() > mark ? null : band;
    }

    private static Limiter limiter(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "the limiter", List.of(),
                List.of("ceilingDbtp", "lookaheadMs", "releaseMs", "stereoLink"));
        if (f == null) {
            return null;
        }
        Limiter limiter = new Limiter(f.number("ceilingDbtp", DEFAULT_CEILING_DBTP),
                f.number("lookaheadMs", DEFAULT_LOOKAHEAD_MS),
                f.number("releaseMs", DEFAULT_LIMITER_RELEASE_MS), f.bool("stereoLink", true));
        return problems.size() > mark ? null : limiter;
    }

    private static LoudnessCompensation loudnessCompensation(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "loudness compensation", List.of(),
                List.of("referencePhon", "referenceVolumeDb", "maxBoostDb"));
        if (f == null) {
            return null;
        }
        LoudnessCompensation d = LoudnessCompensation.DEFAULT;
        LoudnessCompensation compensation = new LoudnessCompensation(f.number("referencePhon", d.referencePhon()),
                f.number("referenceVolumeDb", d.referenceVolumeDb()), f.number("maxBoostDb", d.maxBoostDb()));
        return problems.size() > mark ? null : compensation;
    }
}
