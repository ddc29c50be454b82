package org.cabintune.dsp.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The two-channel mastering bus that runs before the router: preamp, loudness
 * normalisation, multiband compressor, true-peak limiter, in that order; and the loudness
 * compensation that follows the volume at the end of the chain. An absent part is off;
 * {@link #OFF} is the bus of a profile without a {@code bus} section.
 *
 * @param preampDb             gain before everything else, dB; 0 (the default) is unity
 * @param normalize            loudness normalisation, or empty for none
 * @param multiband            multiband compressor, or empty for none
 * @param limiter              true-peak limiter, or empty for none
 * @param loudnessCompensation equal-loudness compensation that follows the volume, or empty for none
 */
public record Bus(double preampDb, Optional<Normalize> normalize, Optional<Multiband> multiband,
                  Optional<Limiter> limiter, Optional<LoudnessCompensation> loudnessCompensation) {

    /** A bus that passes the signal unchanged. */
    public static final Bus OFF = new Bus(0.0, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** Rejects null parts (use {@link Optional#empty()} for "off"). */
    public Bus {
        Objects.requireNonNull(normalize, "normalize");
        Objects.requireNonNull(multiband, "multiband");
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(loudnessCompensation, "loudnessCompensation");
    }

    /**
     * Loudness normalisation to a target (ITU-R BS.1770 loudness). Which fields a mode reads is
     * {@link Mode#fields()}; a file may give only those, and a profile built in code keeps the
     * others at their defaults ({@link #DEFAULT}), so every profile writes and reads back the same.
     *
     * @param mode        how the gain is found
     * @param targetLufs  the loudness to reach, LUFS; defaults to -14
     * @param maxBoostDb  the most the gain may raise the programme, dB; defaults to 12
     * @param maxCutDb    {@code auto}: the most the gain may lower the programme, dB; defaults to 12
     * @param ceilingDbtp {@code static}: without a limiter on the bus, the measured true peak
     *                    plus the gain stays at or below this, dBTP; defaults to -1
     * @param windowS     {@code auto}: time constant of the loudness estimate, s; defaults to 10
     * @param speedDbPerS {@code auto}: fastest the gain moves, dB per second; defaults to 1
     * @param gateLufs    {@code auto}: programme quieter than this (400 ms loudness) leaves the
     *                    estimate and the gain where they are, LUFS; defaults to -50
     */
    public record Normalize(Mode mode, double targetLufs, double maxBoostDb, double maxCutDb, double ceilingDbtp,
                            double windowS, double speedDbPerS, double gateLufs) {

        /** Every tuning value at its default, mode off. */
        public static final Normalize DEFAULT = new Normalize(Mode.OFF, -14.0, 12.0, 12.0, -1.0, 10.0, 1.0, -50.0);

        /** Rejects a null mode. */
        public Normalize {
            Objects.requireNonNull(mode, "mode");
        }

        /** The defaults with another mode. */
        public static Normalize of(Mode mode) {
            return DEFAULT.withMode(mode);
        }

        /** The same with another mode. */
        public Normalize withMode(Mode value) {
            return new Normalize(value, targetLufs, maxBoostDb, maxCutDb, ceilingDbtp, windowS, speedDbPerS, gateLufs);
        }

        /**
         * The same normalisation in another mode: a tuning value both modes read is kept, every
         * other one goes back to its default, so the result is valid wherever this one was.
         */
        public Normalize switchedTo(Mode next) {
            double[] v = new double[TUNING.size()];
            for (int i = 0; i < v.length; i++) {
                String field = TUNING.get(i);
                v[i] = next.fields().contains(field) && mode.fields().contains(field) ? value(field) : DEFAULT.value(field);
            }
            return new Normalize(next, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        }

        /** The same with another target. */
        public Normalize withTargetLufs(double value) {
            return new Normalize(mode, value, maxBoostDb, maxCutDb, ceilingDbtp, windowS, speedDbPerS, gateLufs);
        }

        /** A tuning value by its JSON name (one of {@link #TUNING}). */
        public double value(String field) {
            return switch (field) {
                case "targetLufs" -> targetLufs;
                case "maxBoostDb" -> maxBoostDb;
                case "maxCutDb" -> maxCutDb;
                case "ceilingDbtp" -> ceilingDbtp;
                case "windowS" -> windowS;
                case "speedDbPerS" -> speedDbPerS;
                case "gateLufs" -> gateLufs;
                default -> throw new IllegalArgumentException(field + " is not a normalize field");
            };
        }

        /** The JSON names of the tuning values, in file order. */
        public static final List<String> TUNING = List.of("targetLufs", "maxBoostDb", "maxCutDb", "ceilingDbtp",
                "windowS", "speedDbPerS", "gateLufs");

        /** How the normalising gain is found. */
        public enum Mode {
            /** No normalisation (same as leaving {@code normalize} out). */
            OFF("off", "targetLufs"),
            /**
             * One fixed gain from the programme's measured integrated loudness (a track or an
             * album, whatever the player measured), capped by {@code maxBoostDb} and, without a
             * limiter on the bus, by {@code ceilingDbtp}.
             */
            STATIC("static", "targetLufs", "maxBoostDb", "ceilingDbtp"),
            /** A slow, gated level rider for live sources (radio, Bluetooth). */
            AUTO("auto", "targetLufs", "maxBoostDb", "maxCutDb", "windowS", "speedDbPerS", "gateLufs"),
            /** Format v1's first word for static normalisation of each track on its own; runs as {@link #STATIC}. */
            INTEGRATED("integrated", "targetLufs", "maxBoostDb", "ceilingDbtp"),
            /** Format v1's first word for one static gain per album; runs as {@link #STATIC}. */
            ALBUM("album", "targetLufs", "maxBoostDb", "ceilingDbtp");

            private final String jsonName;
            private final List<String> fields;

            Mode(String jsonName, String... fields) {
                this.jsonName = jsonName;
                this.fields = List.of(fields);
            }

            /** The word used in profile files. */
            public String jsonName() {
                return jsonName;
            }

            /** The tuning fields this mode reads, in file order. */
            public List<String> fields() {
                return fields;
            }

            /** True for the modes that apply one fixed gain: static, integrated and album. */
            public boolean isStatic() {
                return this == STATIC || this == INTEGRATED || this == ALBUM;
            }

            /** The constant for a profile word, if there is one. */
            public static Optional<Mode> fromJsonName(String text) {
                return JsonNames.lookup(values(), Mode::jsonName, text);
            }
        }
    }

    /**
     * A multiband compressor: {@code crossoversHz.size() + 1} bands, lowest first.
     *
     * @param crossoversHz 1..3 ascending split frequencies, Hz
     * @param bands        one compressor per band, lowest band first
     * @param detection    the level the bands' gain computers see; defaults to peak
     * @param rmsWindowMs  the RMS window, ms, read with {@link Detection#RMS} only; defaults to 10
     * @param stereoLink   true (the default): in each band the loudest channel sets one gain for
     *                     all, so the image stays put; false: each channel on its own
     */
    public record Multiband(List<Double> crossoversHz, List<Band> bands, Detection detection, double rmsWindowMs,
                            boolean stereoLink) {

        /** RMS window when none is given, ms. */
        public static final double DEFAULT_RMS_WINDOW_MS = 10.0;

        /** Takes immutable copies; rejects nulls. */
        public Multiband {
            crossoversHz = List.copyOf(crossoversHz);
            bands = List.copyOf(bands);
            Objects.requireNonNull(detection, "detection");
        }

        /** Peak detection, linked: the defaults. */
        public Multiband(List<Double> crossoversHz, List<Band> bands) {
            this(crossoversHz, bands, Detection.PEAK, DEFAULT_RMS_WINDOW_MS, true);
        }
    }

    /** The level a compressor band's gain computer sees. */
    public enum Detection {
        /** The instantaneous sample magnitude; attack and release give the ballistics. */
        PEAK("peak"),
        /** Root mean square over {@code rmsWindowMs}. */
        RMS("rms");

        private final String jsonName;

        Detection(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The word used in profile files. */
        public String jsonName() {
            return jsonName;
        }
    }

    /**
     * One band's compressor.
     *
     * @param thresholdDb level above which gain is reduced, dBFS
     * @param ratio       input dB over threshold per output dB (1 = no compression)
     * @param kneeDb      width of the soft knee, dB; defaults to 6
     * @param attackMs    attack time, ms; defaults to 10
     * @param releaseMs   release time, ms; defaults to 150
     * @param makeupDb    gain after compression, dB; defaults to 0
     */
    public record Band(double thresholdDb, double ratio, double kneeDb, double attackMs,
                       double releaseMs, double makeupDb) {
    }

    /**
     * The true-peak limiter at the end of the bus (4x oversampled peak detection).
     *
     * @param ceilingDbtp highest true peak let through, dBTP; defaults to -1
     * @param lookaheadMs lookahead, ms; defaults to 1.5
     * @param releaseMs   release time, ms; defaults to 50
     * @param stereoLink  true (the default): one gain for all channels, so the image stays put;
     *                    false: each channel limited on its own
     */
    public record Limiter(double ceilingDbtp, double lookaheadMs, double releaseMs, boolean stereoLink) {

        /** A linked limiter. */
        public Limiter(double ceilingDbtp, double lookaheadMs, double releaseMs) {
            this(ceilingDbtp, lookaheadMs, releaseMs, true);
        }
    }

    /**
     * Volume-dependent loudness compensation after the ISO 226:2023 equal-loudness contours: as
     * the volume goes down from the reference, bass and treble are lifted by the difference
     * between the contour at the listening level and the one at the reference level, so they
     * stay as present as the mix meant them.
     *
     * @param referencePhon     the listening level at which the programme sounds as mixed, phon;
     *                          defaults to 80
     * @param referenceVolumeDb the volume setting that plays at that level, dB; defaults to 0.
     *                          The listening level is {@code referencePhon + volume - referenceVolumeDb}
     * @param maxBoostDb        the most either shelf lifts, dB; defaults to 12
     */
    public record LoudnessCompensation(double referencePhon, double referenceVolumeDb, double maxBoostDb) {

        /** The defaults. */
        public static final LoudnessCompensation DEFAULT = new LoudnessCompensation(80.0, 0.0, 12.0);
    }
}
