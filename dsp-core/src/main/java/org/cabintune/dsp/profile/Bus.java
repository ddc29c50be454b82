package org.cabintune.dsp.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The two-channel mastering bus that runs before the router: preamp, loudness
 * normalisation, multiband compressor, true-peak limiter, in that order. An absent part is
 * off; {@link #OFF} is the bus of a profile without a {@code bus} section.
 *
 * @param preampDb   gain before everything else, dB; 0 (the default) is unity
 * @param normalize  loudness normalisation, or empty for none
 * @param multiband  multiband compressor, or empty for none
 * @param limiter    true-peak limiter, or empty for none
 */
public record Bus(double preampDb, Optional<Normalize> normalize, Optional<Multiband> multiband,
                  Optional<Limiter> limiter) {

    /** A bus that passes the signal unchanged. */
    public static final Bus OFF = new Bus(0.0, Optional.empty(), Optional.empty(), Optional.empty());

    /** Rejects null parts (use {@link Optional#empty()} for "off"). */
    public Bus {
        Objects.requireNonNull(normalize, "normalize");
        Objects.requireNonNull(multiband, "multiband");
        Objects.requireNonNull(limiter, "limiter");
    }

    /**
     * Loudness normalisation to a target (ITU-R BS.1770 loudness).
     *
     * @param mode       what loudness the gain is computed from
     * @param targetLufs the loudness to reach, LUFS; defaults to -14
     */
    public record Normalize(Mode mode, double targetLufs) {

        /** Rejects a null mode. */
        public Normalize {
            Objects.requireNonNull(mode, "mode");
        }

        /** What loudness the normalising gain is computed from. */
        public enum Mode {
            /** No normalisation (same as leaving {@code normalize} out). */
            OFF("off"),
            /** Each track by its own integrated loudness. */
            INTEGRATED("integrated"),
            /** One gain per album, from the album's integrated loudness, keeping track balance. */
            ALBUM("album");

            private final String jsonName;

            Mode(String jsonName) {
                this.jsonName = jsonName;
            }

            /** The word used in profile files. */
            public String jsonName() {
                return jsonName;
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
     */
    public record Multiband(List<Double> crossoversHz, List<Band> bands) {

        /** Takes immutable copies; rejects nulls. */
        public Multiband {
            crossoversHz = List.copyOf(crossoversHz);
            bands = List.copyOf(bands);
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
     */
    public record Limiter(double ceilingDbtp, double lookaheadMs, double releaseMs) {
    }
}
