package org.cabintune.dsp.loudness;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How streaming services and broadcast standards normalise loudness, as far as each one has
 * made it public. Every entry names its source and how far that source can be trusted;
 * docs/loudness.md explains each figure.
 *
 * <p>Each rule is: a target integrated loudness; whether quiet programmes are turned up or
 * only loud ones down; optionally a true-peak ceiling that positive gain stops at (Spotify
 * leaves 1 dB of headroom rather than clip); optionally a limiter after the gain, working on
 * sample values (Spotify's loud mode) or on true peak (a broadcast chain meeting its
 * true-peak maximum). NaN marks what a platform does not have.
 */
public enum Platform {

    SPOTIFY("spotify", "Spotify, normal", -14, true, -1, Double.NaN, false, Confidence.HIGH,
            "Spotify for Artists, \"Loudness normalization\" (support.spotify.com/artists/article/loudness-normalization)"),
    SPOTIFY_LOUD("spotify-loud", "Spotify, loud", -11, true, Double.NaN, -1, false, Confidence.HIGH,
            "Spotify for Artists, \"Loudness normalization\": loud mode limiter at -1 dB sample values, 5 ms attack, 100 ms decay"),
    APPLE("apple", "Apple Music, Sound Check", -16, true, Double.NaN, Double.NaN, false, Confidence.LOW,
            "no Apple publication; about -16 LUFS as measured by third parties (e.g. MeterPlugs, 2016)"),
    YOUTUBE("youtube", "YouTube", -14, false, Double.NaN, Double.NaN, false, Confidence.MEDIUM,
            "no YouTube publication; third-party measurements of \"content loudness\" (Stats for nerds): -14 LUFS, turned down only"),
    AMAZON("amazon", "Amazon Music", -14, true, Double.NaN, Double.NaN, false, Confidence.LOW,
            "no Amazon publication; about -14 LUFS as measured and widely reported"),
    TIDAL("tidal", "TIDAL", -14, false, Double.NaN, Double.NaN, false, Confidence.MEDIUM,
            "TIDAL to MeterPlugs, \"Tidal adds loudness normalization\" (2016): -14 LUFS (BS.1770), quiet music not raised"),
    DEEZER("deezer", "Deezer", -15, true, Double.NaN, Double.NaN, false, Confidence.LOW,
            "no Deezer publication; about -15 LUFS as widely reported"),
    EBU_R128("ebu-r128", "EBU R 128 broadcast", -23, true, Double.NaN, -1, true, Confidence.HIGH,
            "EBU R 128 (2020): programme loudness -23.0 LUFS, maximum true peak -1 dBTP"),
    ATSC("atsc", "ATSC A/85 broadcast", -24, true, Double.NaN, -2, true, Confidence.HIGH,
            "ATSC A/85:2013: target -24 LKFS; true peak at most -2 dBTP");

    /** How far a figure can be trusted. */
    public enum Confidence {
        /** Published by the platform or in the standard itself. */
        HIGH,
        /** Stated by the platform outside its documentation, or consistently measured. */
        MEDIUM,
        /** Not published; measured or reported by third parties, and may change unannounced. */
        LOW
    }

    private final String id;
    private final String title;
    private final double targetLufs;
    private final boolean raisesQuiet;
    private final double raiseCeilingDbtp;
    private final double limiterDb;
    private final boolean limiterOnTruePeak;
    private final Confidence confidence;
    private final String source;

    Platform(String id, String title, double targetLufs, boolean raisesQuiet, double raiseCeilingDbtp,
            double limiterDb, boolean limiterOnTruePeak, Confidence confidence, String source) {
        this.id = id;
        this.title = title;
        this.targetLufs = targetLufs;
        this.raisesQuiet = raisesQuiet;
        this.raiseCeilingDbtp = raiseCeilingDbtp;
        this.limiterDb = limiterDb;
        this.limiterOnTruePeak = limiterOnTruePeak;
        this.confidence = confidence;
        this.source = source;
    }

    /** The name used on the command line, e.g. {@code spotify-loud}. */
    public String id() {
        return id;
    }

    /** A readable name. */
    public String title() {
        return title;
    }

    public double targetLufs() {
        return targetLufs;
    }

    public Confidence confidence() {
        return confidence;
    }

    /** Where the figures come from. */
    public String source() {
        return source;
    }

    /** The platform with command-line name {@code id} (case-insensitive). */
    public static Optional<Platform> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
    }

    /** The command-line names, comma-separated, for messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Platform::id).toList());
    }

    /**
     * What this platform would do to a programme of the given integrated loudness, true peak
     * and sample peak (finite values), following the published rule.
     */
    public Preview preview(double integratedLufs, double truePeakDbtp, double samplePeakDbfs) {
        double gain = targetLufs - integratedLufs;
        if (!raisesQuiet) {
            gain = Math.min(gain, 0);
        }
        if (gain > 0 && !Double.isNaN(raiseCeilingDbtp)) {
            gain = Math.max(0, Math.min(gain, raiseCeilingDbtp - truePeakDbtp));
        }
        double truePeak = truePeakDbtp + gain;
        boolean limiting = false;
        if (!Double.isNaN(limiterDb)) {
            double watched = limiterOnTruePeak ? truePeak : samplePeakDbfs + gain;
            limiting = watched > limiterDb;
            if (limiting) {
                // A sample-value limiter holds the samples at its ceiling; the inter-sample
                // overshoot above them (true minus sample peak) is left as it was.
                truePeak = limiterOnTruePeak ? limiterDb : limiterDb + (truePeakDbtp - samplePeakDbfs);
            }
        }
        return new Preview(this, gain, integratedLufs + gain, truePeak, limiting, truePeak > 0);
    }

    /**
     * One platform's treatment of one programme.
     *
     * @param platform     the platform
     * @param gainDb       the playback gain it applies
     * @param resultLufs   the integrated loudness after that gain (a limiter takes off a little
     *                     more, not modelled)
     * @param truePeakDbtp the true peak after gain and limiter
     * @param limiter      whether the platform's limiter would engage
     * @param clips        whether the result would pass 0 dBTP with no limiter to catch it
     */
    public record Preview(Platform platform, double gainDb, double resultLufs, double truePeakDbtp,
            boolean limiter, boolean clips) {
    }
}
