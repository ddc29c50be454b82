package org.cabintune.dsp.profile;

import java.util.List;
import org.cabintune.dsp.profile.Bus.Band;
import org.cabintune.dsp.profile.Bus.Detection;
import org.cabintune.dsp.profile.Bus.Limiter;
import org.cabintune.dsp.profile.Bus.LoudnessCompensation;
import org.cabintune.dsp.profile.Bus.Multiband;
import org.cabintune.dsp.profile.Bus.Normalize;

/** Ranges of the {@link Bus} and its parts. */
final class BusValidator {

    static final double MIN_PREAMP_DB = -30.0;
    static final double MAX_PREAMP_DB = 24.0;
    static final double MIN_TARGET_LUFS = -40.0;
    static final double MAX_TARGET_LUFS = -5.0;
    static final double MAX_NORMALIZE_GAIN_DB = 24.0;
    static final double MIN_WINDOW_S = 1.0;
    static final double MAX_WINDOW_S = 60.0;
    static final double MIN_SPEED_DB_PER_S = 0.1;
    static final double MAX_SPEED_DB_PER_S = 20.0;
    /** The absolute gate of BS.1770 is -70 LUFS; above -20 a quiet passage of real programme would freeze the rider. */
    static final double MIN_GATE_LUFS = -70.0;
    static final double MAX_GATE_LUFS = -20.0;
    static final double MIN_RMS_WINDOW_MS = 1.0;
    static final double MAX_RMS_WINDOW_MS = 50.0;
    /** ISO 226:2023 Formula (1) holds to 90 phon (to 80 above 4 kHz); below 60 there is little to restore. */
    static final double MIN_REFERENCE_PHON = 60.0;
    static final double MAX_REFERENCE_PHON = 90.0;
    static final double MIN_REFERENCE_VOLUME_DB = -60.0;
    static final double MAX_COMPENSATION_BOOST_DB = 18.0;
    static final int MAX_CROSSOVERS = 3;
    static final double MIN_CROSSOVER_HZ = 20.0;
    static final double MAX_CROSSOVER_HZ = 16000.0;
    /** Bands narrower than an octave overlap so much that the compressors fight each other. */
    static final double MIN_CROSSOVER_RATIO = 2.0;

    private BusValidator() {
    }

    static void check(Bus bus, String path, Problems problems) {
        problems.range(path + ".preampDb", bus.preampDb(), MIN_PREAMP_DB, MAX_PREAMP_DB);
        bus.normalize().ifPresent(n -> normalize(n, path + ".normalize", problems));
        bus.multiband().ifPresent(m -> multiband(m, path + ".multiband", problems));
        bus.limiter().ifPresent(l -> limiter(l, path + ".limiter", problems));
        bus.loudnessCompensation().ifPresent(c -> compensation(c, path + ".loudnessCompensation", problems));
    }

    private static void normalize(Normalize normalize, String path, Problems problems) {
        problems.range(path + ".targetLufs", normalize.targetLufs(), MIN_TARGET_LUFS, MAX_TARGET_LUFS);
        problems.range(path + ".maxBoostDb", normalize.maxBoostDb(), 0.0, MAX_NORMALIZE_GAIN_DB);
        problems.range(path + ".maxCutDb", normalize.maxCutDb(), 0.0, MAX_NORMALIZE_GAIN_DB);
        problems.range(path + ".ceilingDbtp", normalize.ceilingDbtp(), -20.0, 0.0);
        problems.range(path + ".windowS", normalize.windowS(), MIN_WINDOW_S, MAX_WINDOW_S);
        problems.range(path + ".speedDbPerS", normalize.speedDbPerS(), MIN_SPEED_DB_PER_S, MAX_SPEED_DB_PER_S);
        if (problems.range(path + ".gateLufs", normalize.gateLufs(), MIN_GATE_LUFS, MAX_GATE_LUFS)
                && normalize.mode() == Normalize.Mode.AUTO && normalize.gateLufs() >= normalize.targetLufs()) {
            problems.value(path + ".gateLufs", normalize.gateLufs(), "is not below targetLufs = "
                    + FieldPath.number(normalize.targetLufs()) + "; the gate must let programme at the target through");
        }
        // A profile built in code can hold values its mode does not read; a file cannot
        // (the reader refuses them), and the writer leaves them out, so they must be defaults.
        for (String field : Normalize.TUNING) {
            double value = normalize.value(field);
            if (!normalize.mode().fields().contains(field) && Double.compare(value, Normalize.DEFAULT.value(field)) != 0) {
                problems.value(path + "." + field, value, "is not used by mode " + normalize.mode().jsonName()
                        + "; leave it at its default " + FieldPath.number(Normalize.DEFAULT.value(field)));
            }
        }
    }

    private static void compensation(LoudnessCompensation c, String path, Problems problems) {
        problems.range(path + ".referencePhon", c.referencePhon(), MIN_REFERENCE_PHON, MAX_REFERENCE_PHON);
        // At or below 0 dB: compensation plus volume then never lifts any frequency above unity.
        problems.range(path + ".referenceVolumeDb", c.referenceVolumeDb(), MIN_REFERENCE_VOLUME_DB, 0.0);
        problems.range(path + ".maxBoostDb", c.maxBoostDb(), 0.0, MAX_COMPENSATION_BOOST_DB);
    }

    private static void multiband(Multiband multiband, String path, Problems problems) {
        List<Double> crossovers = multiband.crossoversHz();
        String crossoverPath = path + ".crossoversHz";
        problems.count(crossoverPath, crossovers.size(), 1, MAX_CROSSOVERS);
        for (int i = 0; i < crossovers.size(); i++) {
            String at = FieldPath.index(crossoverPath, i);
            double hz = crossovers.get(i);
            if (problems.range(at, hz, MIN_CROSSOVER_HZ, MAX_CROSSOVER_HZ) && i > 0) {
                double previous = crossovers.get(i - 1);
                if (hz < previous * MIN_CROSSOVER_RATIO) {
                    problems.value(at, hz, "is less than one octave above crossoversHz[" + (i - 1) + "] = "
                            + FieldPath.number(previous) + "; it must be at least "
                            + FieldPath.number(previous * MIN_CROSSOVER_RATIO) + " (crossovers ascend, an octave apart)");
                }
            }
        }
        List<Band> bands = multiband.bands();
        if (bands.size() != crossovers.size() + 1) {
            problems.at(path + ".bands", " has " + bands.size() + (bands.size() == 1 ? " entry" : " entries")
                    + "; " + crossovers.size() + " crossovers need " + (crossovers.size() + 1) + " bands");
        }
        for (int i = 0; i < bands.size(); i++) {
            band(bands.get(i), FieldPath.index(path + ".bands", i), problems);
        }
        problems.range(path + ".rmsWindowMs", multiband.rmsWindowMs(), MIN_RMS_WINDOW_MS, MAX_RMS_WINDOW_MS);
        if (multiband.detection() == Detection.PEAK
                && Double.compare(multiband.rmsWindowMs(), Multiband.DEFAULT_RMS_WINDOW_MS) != 0) {
            problems.value(path + ".rmsWindowMs", multiband.rmsWindowMs(), "is not used with detection peak; "
                    + "leave it at its default " + FieldPath.number(Multiband.DEFAULT_RMS_WINDOW_MS));
        }
    }

    private static void band(Band band, String path, Problems problems) {
        problems.range(path + ".thresholdDb", band.thresholdDb(), -60.0, 0.0);
        problems.range(path + ".ratio", band.ratio(), 1.0, 20.0);
        problems.range(path + ".kneeDb", band.kneeDb(), 0.0, 24.0);
        problems.range(path + ".attackMs", band.attackMs(), 0.1, 500.0);
        problems.range(path + ".releaseMs", band.releaseMs(), 1.0, 5000.0);
        problems.range(path + ".makeupDb", band.makeupDb(), -12.0, 24.0);
    }

    private static void limiter(Limiter limiter, String path, Problems problems) {
        problems.range(path + ".ceilingDbtp", limiter.ceilingDbtp(), -20.0, 0.0);
        // Lookahead is latency: 0.5..5 ms is enough for a clean attack without audible delay.
        problems.range(path + ".lookaheadMs", limiter.lookaheadMs(), 0.5, 5.0);
        problems.range(path + ".releaseMs", limiter.releaseMs(), 1.0, 2000.0);
    }
}
