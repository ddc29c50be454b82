package org.cabintune.dsp.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.cabintune.dsp.profile.Bus.Band;
import org.cabintune.dsp.profile.Bus.Limiter;
import org.cabintune.dsp.profile.Bus.Multiband;
import org.cabintune.dsp.profile.Bus.Normalize;

/**
 * Maps the {@code bus} object to a {@link Bus}. Absent parts stay empty (off); absent tuning
 * values take the defaults documented on the records, which are DESIGN.md's example values.
 */
final class BusReader {

    static final double DEFAULT_TARGET_LUFS = -14.0;
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
                List.of("preampDb", "normalize", "multiband", "limiter"));
        if (f == null) {
            return null;
        }
        double preampDb = f.number("preampDb", 0.0);
        Optional<Normalize> normalize = part(f, "normalize", problems, BusReader::normalize);
        Optional<Multiband> multiband = part(f, "multiband", problems, BusReader::multiband);
        Optional<Limiter> limiter = part(f, "limiter", problems, BusReader::limiter);
        if (problems.size() > mark) {
            return null;
        }
        return new Bus(preampDb, normalize, multiband, limiter);
    }

    private interface PartReader<T> {
        T read(JsonNode node, String path, Problems problems);
    }

    /** Empty when absent, and also when broken: the reported problem stops the caller. */
    private static <T> Optional<T> part(Fields f, String name, Problems problems, PartReader<T> reader) {
        JsonNode node = f.get(name);
        return node == null ? Optional.empty() : Optional.ofNullable(reader.read(node, f.path(name), problems));
    }

    private static Normalize normalize(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "normalize", List.of("mode"), List.of("targetLufs"));
        if (f == null) {
            return null;
        }
        Normalize.Mode mode = f.choice("mode", Normalize.Mode.values(), Normalize.Mode::jsonName, null);
        double targetLufs = f.number("targetLufs", DEFAULT_TARGET_LUFS);
        return problems.size() > mark ? null : new Normalize(mode, targetLufs);
    }

    private static Multiband multiband(JsonNode node, String path, Problems problems) {
        int mark = problems.size();
        Fields f = Fields.of(node, path, problems, "the multiband compressor",
                List.of("crossoversHz", "bands"), List.of());
        if (f == null) {
            return null;
        }
        List<Double> crossovers = f.list("crossoversHz", (n, p) -> Fields.numberElement(n, p, problems));
        List<Band> bands = f.list("bands", (n, p) -> band(n, p, problems));
        return problems.size() > mark ? null : new Multiband(crossovers, bands);
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
                List.of("ceilingDbtp", "lookaheadMs", "releaseMs"));
        if (f == null) {
            return null;
        }
        Limiter limiter = new Limiter(f.number("ceilingDbtp", DEFAULT_CEILING_DBTP),
                f.number("lookaheadMs", DEFAULT_LOOKAHEAD_MS),
                f.number("releaseMs", DEFAULT_LIMITER_RELEASE_MS));
        return problems.size() > mark ? null : limiter;
    }
}
