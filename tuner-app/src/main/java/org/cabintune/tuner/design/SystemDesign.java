package org.cabintune.tuner.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.ProfileValidator;
import org.cabintune.tuner.measure.Smoothing;

/**
 * The system-level design that comes before per-output EQ: from every output's responses at
 * one seat, its crossover ({@link CrossoverRules}), level ({@link LevelMatch}), polarity,
 * time alignment ({@link TimeAlignment}) and, for a subwoofer, the delay and polarity that sum
 * best with the fronts ({@link SubAlignment}). Outputs with nothing heard are muted with a
 * reason. {@code docs/system-design.md} describes every rule with its numbers.
 */
public final class SystemDesign {

    /** Smoothing of the RMS averages the bands and levels are read from. */
    static final Smoothing SMOOTHING = Smoothing.parse("1/3");
    /** An output this far below the loudest one is not connected, whatever its noise floor says. */
    static final double QUIET_DB = 40;
    /** A level below this (-290 dB) is no response at all, not a quiet one. */
    static final double SILENT_DB = 10 * Math.log10(OutputMeasurement.SILENCE) + 10;

    private SystemDesign() {
    }

    /**
     * Choices for {@link #plan}; {@link #DEFAULT} and the {@code with...} methods.
     *
     * @param seat            the seat the plan is for, named in its notes
     * @param speedOfSound    m/s, for delays in cm: 300 .. 360
     * @param sampleRate      the profile's rate, which filters and delays are designed and predicted at
     * @param subCrossoverHz  the subwoofer crossover, or NaN to choose it from the responses; 20 .. 250 Hz
     * @param rearLevelDb     level of the rear fill against the target, -20 .. 0 dB
     * @param eq              filters already designed per output (by index), included in the
     *                        predicted arrivals and the subwoofer sum; empty before the first EQ
     */
    public record Options(String seat, double speedOfSound, int sampleRate, double subCrossoverHz,
                          double rearLevelDb, Map<Integer, List<FilterSpec>> eq) {

        /**
         * Driver's seat, 343 m/s (air at 20 degrees C), 48 kHz, crossover chosen from the
         * responses, rear fill 3 dB below the target (ambience behind a front stage that sets
         * the image, not a second source), no EQ yet.
         */
        public static final Options DEFAULT = new Options("driver", 343.0, 48_000, Double.NaN, -3.0, Map.of());

        /** Checks every field; the message names it and its range. */
        public Options {
            Objects.requireNonNull(seat, "seat");
            ParamChecks.inRange("speedOfSound", speedOfSound, 300, 360, "m/s");
            if (!ProfileValidator.SAMPLE_RATES.contains(sampleRate)) {
                throw new IllegalArgumentException("sampleRate = " + sampleRate + " is not one of "
                        + ProfileValidator.SAMPLE_RATES);
            }
            if (!Double.isNaN(subCrossoverHz)) {
                ParamChecks.inRange("subCrossoverHz", subCrossoverHz, 20, 250, "Hz");
            }
            ParamChecks.inRange("rearLevelDb", rearLevelDb, -20, 0, "dB");
            eq = Map.copyOf(eq);
        }

        public Options withSeat(String value) {
            return new Options(value, speedOfSound, sampleRate, subCrossoverHz, rearLevelDb, eq);
        }

        public Options withSpeedOfSound(double value) {
            return new Options(seat, value, sampleRate, subCrossoverHz, rearLevelDb, eq);
        }

        public Options withSampleRate(int value) {
            return new Options(seat, speedOfSound, value, subCrossoverHz, rearLevelDb, eq);
        }

        /** A fixed subwoofer crossover instead of the one the responses suggest. */
        public Options withSubCrossoverHz(double value) {
            return new Options(seat, speedOfSound, sampleRate, value, rearLevelDb, eq);
        }

        public Options withRearLevelDb(double value) {
            return new Options(seat, speedOfSound, sampleRate, subCrossoverHz, value, eq);
        }

        /** EQ already designed per output index, for the predictions. */
        public Options withEq(Map<Integer, List<FilterSpec>> value) {
            return new Options(seat, speedOfSound, sampleRate, subCrossoverHz, rearLevelDb, value);
        }
    }

    /**
     * Plans the system.
     *
     * @param outputs  every output of the head unit, measured at the seat
     * @param hz       rising frequencies the levels and bands are read on (e.g. {@code LogGrid.of(20, 20000, 48)})
     * @param targetDb the target level at each of {@code hz}, dB (any offset: only its shape matters)
     */
    public static SystemPlan plan(List<OutputMeasurement> outputs, double[] hz, double[] targetDb, Options opts) {
        check(outputs, hz, targetDb);
        int fs = opts.sampleRate();
        List<Analysed> analysed = analyse(outputs, hz, targetDb);
        CrossoverRules.Plan crossovers = CrossoverRules.plan(analysed, opts.subCrossoverHz());
        List<String> notes = new ArrayList<>(crossovers.notes());
        Map<Integer, List<FilterSpec>> filters = new HashMap<>();
        Map<Integer, LevelMatch.Level> levels = new HashMap<>();
        Map<Integer, Boolean> rear = new HashMap<>();
        for (Analysed a : analysed) {
            List<FilterSpec> f = new ArrayList<>(crossovers.byIndex().get(a.index()).filters());
            f.addAll(opts.eq().getOrDefault(a.index(), List.of()));
            filters.put(a.index(), f);
            if (a.heard()) {
                CrossoverRules.Crossover x = crossovers.byIndex().get(a.index());
                levels.put(a.index(), LevelMatch.level(a, x.highpassHz(), x.lowpassHz(),
                        Realized.of(f, 0, 0, false, fs), hz, targetDb));
                rear.put(a.index(), a.output().rear());
            }
        }
        Map<Integer, Double> gains = LevelMatch.gains(levels, rear, opts.rearLevelDb(), notes);
        Alignment alignment = Alignment.of(analysed, filters, crossovers, gains, fs, notes);

        List<PlannedOutput> planned = new ArrayList<>();
        for (Analysed a : analysed) {
            planned.add(planned(a, crossovers.byIndex().get(a.index()), levels.get(a.index()),
                    gains.getOrDefault(a.index(), 0.0), alignment, opts));
        }
        return new SystemPlan(opts.seat(), fs, opts.speedOfSound(), crossovers.subCrossoverHz(),
                alignment.subwoofers(), planned, notes);
    }

    /** Each output's level, bands, and whether anything is heard. */
    private static List<Analysed> analyse(List<OutputMeasurement> outputs, double[] hz, double[] targetDb) {
        List<Analysed> analysed = new ArrayList<>();
        for (OutputMeasurement m : outputs) {
            if (!m.measured()) {
                analysed.add(new Analysed(m, new double[hz.length], null, null, "not measured"));
                continue;
            }
            double[] level = m.averageDb(hz, SMOOTHING);
            if (Arrays.stream(level).max().orElseThrow() < SILENT_DB) {
                analysed.add(new Analysed(m, level, null, null, "no response at all: is it connected?"));
                continue;
            }
            double[] floor = m.noiseDb(hz, SMOOTHING);
            Optional<UsableBand> band = UsableBand.find(hz, level, floor);
            double[] relative = level.clone();
            double[] relativeFloor = floor == null ? null : floor.clone();
            for (int i = 0; i < hz.length; i++) {
                relative[i] -= targetDb[i];
                if (relativeFloor != null) {
                    relativeFloor[i] -= targetDb[i];
                }
            }
            Optional<UsableBand> bass = UsableBand.find(hz, relative, relativeFloor);
            analysed.add(band.isPresent() && bass.isPresent() ? new Analysed(m, level, band.get(), bass.get(), null)
                    : new Analysed(m, level, null, null, floor != null ? String.format(Locale.ROOT, "nothing stands"
                            + " %.0f dB above the noise floor over half an octave: is it connected?",
                            UsableBand.MIN_SNR_DB) : "no response: is it connected?"));
        }
        double loudest = analysed.stream().filter(Analysed::heard).mapToDouble(a -> a.band().levelDb()).max()
                .orElse(0);
        analysed.replaceAll(a -> a.heard() && a.band().levelDb() < loudest - QUIET_DB
                ? a.muted(String.format(Locale.ROOT, "its in-band level is %.0f dB below the loudest output's (more"
                        + " than %.0f): nothing heard, is it connected?", loudest - a.band().levelDb(), QUIET_DB))
                : a);
        return analysed;
    }

    private static PlannedOutput planned(Analysed a, CrossoverRules.Crossover x, LevelMatch.Level level, double gainDb,
                                         Alignment alignment, Options opts) {
        OutputMeasurement m = a.output();
        List<String> notes = new ArrayList<>(x.notes());
        double delayMs = alignment.delaysMs().getOrDefault(a.index(), 0.0);
        boolean flipped = alignment.flipped().contains(a.index());
        boolean invert = a.heard() && (m.polarity() < 0) != flipped;
        double[] usable = a.heard() ? a.band().edges() : new double[0];
        double[] band = a.heard() ? LevelMatch.systemBand(a.band(), x.highpassHz(), x.lowpassHz()) : new double[0];
        if (a.heard()) {
            notes.add(String.format(Locale.ROOT, "gain %.1f dB: in-band level %+.1f dB against the target over %.0f"
                            + " .. %.0f Hz%s", gainDb, level.levelDb(), level.lowHz(), level.highHz(),
                    m.rear() ? String.format(Locale.ROOT, ", rear fill %.0f dB", opts.rearLevelDb()) : ""));
            if (m.polarity() < 0) {
                notes.add("polarity inverted: the measurement found it wired inverted");
            }
            if (flipped) {
                notes.add("polarity flipped for the sum with the fronts at the crossover");
            }
            notes.add(alignment.delayNotes().getOrDefault(a.index(), ""));
        }
        notes.removeIf(String::isEmpty);
        return new PlannedOutput(a.index(), a.name(), m.role(), m.side(), m.rear(), x.filters(), delayMs,
                PathLength.cm(delayMs, opts.speedOfSound()), a.heard() ? gainDb : 0, invert, !a.heard(),
                a.heard() ? "" : a.mutedReason(), usable, band, a.heard() ? level.levelDb() : Double.NaN,
                alignment.arrivals().getOrDefault(a.index(), Double.NaN), m.polarity(), m.minHighpassHz(),
                m.ceilingDbtp(), notes);
    }

    private static void check(List<OutputMeasurement> outputs, double[] hz, double[] targetDb) {
        ParamChecks.channelList("outputs", outputs);
        Set<Integer> indices = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (OutputMeasurement m : outputs) {
            if (!indices.add(m.index())) {
                throw new IllegalArgumentException("outputs[" + m.name() + "].index = " + m.index() + " is used twice");
            }
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("outputs[" + m.name() + "].name is used twice");
            }
        }
        if (hz.length < 2 || targetDb.length != hz.length) {
            throw new IllegalArgumentException("the grid has " + hz.length + " frequencies and the target "
                    + targetDb.length + " levels; they must match, with at least 2");
        }
        for (int i = 0; i < hz.length; i++) {
            if (!(hz[i] > 0) || (i > 0 && !(hz[i] > hz[i - 1]))) {
                throw new IllegalArgumentException("hz[" + i + "] = " + hz[i] + " must be positive and above the one"
                        + " before");
            }
            if (!Double.isFinite(targetDb[i])) {
                throw new IllegalArgumentException("targetDb[" + i + "] = " + targetDb[i] + " must be finite");
            }
        }
    }
}
