package org.cabintune.hu.store;

import java.util.List;
import java.util.Optional;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Profile;

/**
 * What night mode plays: the profile with the night compressor and limiter in place of its own,
 * which narrow the programme's dynamics so that speech and quiet passages stay audible at a low
 * volume while loud passages no longer jump out. The cabin correction (every output's mix,
 * filters, delay, level, polarity and protection), the preamp, the loudness normalisation and
 * the loudness compensation are the profile's own. Like every graph it is compiled off the
 * audio thread and cross-faded in ({@link ProfileService#night}).
 *
 * <ul>
 *   <li>The compressor: three bands on the bus's usual 120 Hz and 2.5 kHz split, RMS-detected
 *       and linked, {@value #RATIO}:1 above {@value #THRESHOLD_DB} dBFS ({@value #BASS_RATIO}:1 in
 *       the bass, which carries furthest through a cabin), with {@value #MAKEUP_DB} dB of make-up
 *       so that music at -14 LUFS, the streaming services' level, comes out near EBU R 128's
 *       -23 LUFS. Nearly all programme is above the threshold, so a 20 LU difference between a
 *       loud and a quiet passage becomes about 6 LU ({@code NightProfilesTest}: 19.9 LU to 5.8 LU, music
 *       at -14.7 LUFS out at -22.7), within tens of milliseconds. (The level
 *       rider is not used: it works ahead of the compressor, which would take back three
 *       quarters of whatever it did.)</li>
 *   <li>A true-peak limiter at {@value #CEILING_DBTP} dBTP, or the profile's own when it is lower.</li>
 * </ul>
 */
public final class NightProfiles {

    static final double THRESHOLD_DB = -50;
    static final double RATIO = 4;
    static final double BASS_RATIO = 5;
    static final double MAKEUP_DB = 14;
    static final double KNEE_DB = 6;
    /** The night limiter's ceiling, dBTP. */
    public static final double CEILING_DBTP = -1;

    private static final Bus.Multiband COMPRESSOR = new Bus.Multiband(List.of(120.0, 2500.0), List.of(
            band(BASS_RATIO, 20, 250), band(RATIO, 10, 200), band(RATIO, 5, 150)), Bus.Detection.RMS,
            Bus.Multiband.DEFAULT_RMS_WINDOW_MS, true);
    private static final double LOOKAHEAD_MS = 1.5;
    private static final double LIMITER_RELEASE_MS = 50;

    private NightProfiles() {
    }

    /** {@code profile} with the night compressor and limiter in place of its own; everything else unchanged. */
    public static Profile forNight(Profile profile) {
        Bus own = profile.bus();
        Bus.Limiter limiter = own.limiter().filter(l -> l.ceilingDbtp() < CEILING_DBTP)
                .orElse(new Bus.Limiter(CEILING_DBTP, LOOKAHEAD_MS, LIMITER_RELEASE_MS));
        Bus night = new Bus(own.preampDb(), own.normalize(), Optional.of(COMPRESSOR), Optional.of(limiter),
                own.loudnessCompensation());
        return new Profile(profile.format(), profile.name(), profile.sampleRate(), profile.inputs(), night,
                profile.outputs());
    }

    /** One band: the common threshold, knee and make-up, its own ratio and ballistics (slower in the bass). */
    private static Bus.Band band(double ratio, double attackMs, double releaseMs) {
        return new Bus.Band(THRESHOLD_DB, ratio, KNEE_DB, attackMs, releaseMs, MAKEUP_DB);
    }
}
