package org.cabintune.link.protocol;

import java.util.List;
import java.util.Optional;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.sweep.SweepSpec;

/**
 * Requests to the head unit. Each record checks its own values; {@link MessageType#right()}
 * says who may send it.
 */
public sealed interface Command extends Body {

    /** Volume range a command may ask for; the unit's own maximum may be lower. */
    double MIN_VOLUME_DB = -80;
    double MAX_VOLUME_DB = 12;
    /** Test-signal level range, dBFS (peak for sine and sweep, RMS for pink noise). */
    double MIN_LEVEL_DBFS = -120;
    double MAX_LEVEL_DBFS = 0;
    /** Pink noise peaks about 12 dB over its RMS, so its RMS level stays at or below this. */
    double MAX_PINK_RMS_DBFS = -10;
    /** Meter stream interval, ms; 0 stops the stream. */
    int MIN_METER_INTERVAL_MS = 50;
    int MAX_METER_INTERVAL_MS = 5000;
    /** The longest master the audition plays, and so every position in one, s: a day. */
    double MAX_MEDIA_SECONDS = 24 * 3600;
    /** The shortest loop region, s: well over the player's fade out and in (5 ms each). */
    double MIN_LOOP_SECONDS = 0.1;

    /** Opens a conversation: the unit answers with {@link Reply.Info}. */
    record Hello(String client) implements Command {
        public Hello {
            Check.text("client", client, Limits.MAX_TEXT_CHARS);
        }

        @Override
        public MessageType type() {
            return MessageType.HELLO;
        }
    }

    /** Asks for {@link Reply.State}. */
    record GetState() implements Command {
        @Override
        public MessageType type() {
            return MessageType.GET_STATE;
        }
    }

    /** Switches to a stored profile (cross-faded by the unit). */
    record SelectProfile(String profileId) implements Command {
        public SelectProfile {
            Check.slug("profileId", profileId, Limits.MAX_PROFILE_ID_CHARS);
        }

        @Override
        public MessageType type() {
            return MessageType.SELECT_PROFILE;
        }
    }

    /**
     * Stores a profile under an id, replacing any profile with that id. The profile was
     * validated by the profile parser, so it compiles.
     */
    record PutProfile(String profileId, Profile profile) implements Command {
        public PutProfile {
            Check.slug("profileId", profileId, Limits.MAX_PROFILE_ID_CHARS);
            Check.present("profile", profile);
        }

        @Override
        public MessageType type() {
            return MessageType.PUT_PROFILE;
        }
    }

    /** Removes a stored profile. */
    record DeleteProfile(String profileId) implements Command {
        public DeleteProfile {
            Check.slug("profileId", profileId, Limits.MAX_PROFILE_ID_CHARS);
        }

        @Override
        public MessageType type() {
            return MessageType.DELETE_PROFILE;
        }
    }

    /** Sets the output volume, dB (ramped by the unit). */
    record SetVolume(double volumeDb) implements Command {
        public SetVolume {
            Check.range("volumeDb", volumeDb, MIN_VOLUME_DB, MAX_VOLUME_DB);
        }

        @Override
        public MessageType type() {
            return MessageType.SET_VOLUME;
        }
    }

    /** Mutes or unmutes the output (ramped). */
    record SetMute(boolean muted) implements Command {
        @Override
        public MessageType type() {
            return MessageType.SET_MUTE;
        }
    }

    /** Bypasses the cabin correction (for A/B), or brings it back. */
    record SetBypass(boolean bypassed) implements Command {
        @Override
        public MessageType type() {
            return MessageType.SET_BYPASS;
        }
    }

    /** Turns night mode on or off: a capped volume and a night compressor on the bus (docs/driver-page.md). */
    record SetNight(boolean night) implements Command {
        @Override
        public MessageType type() {
            return MessageType.SET_NIGHT;
        }
    }

    /**
     * Plays a test signal on some outputs; the others are silent. Protection limiters stay in
     * the chain either way.
     *
     * @param outputs    output channel indices, 0-based, unique
     * @param signal     what to play
     * @param levelDbfs  peak level for sine and sweep, RMS level for pink noise
     * @param correction whether the output's correction filters are in the path
     */
    record PlayTestSignal(List<Integer> outputs, TestSignal signal, double levelDbfs, Correction correction)
            implements Command {
        public PlayTestSignal {
            outputs = Check.unique("outputs", Check.list("outputs", outputs, 1, Limits.MAX_OUTPUTS));
            for (int i = 0; i < outputs.size(); i++) {
                Check.range(FieldPath.index("outputs", i), outputs.get(i), 0, Limits.MAX_OUTPUTS - 1);
            }
            Check.present("signal", signal);
            double max = signal instanceof TestSignal.Pink ? MAX_PINK_RMS_DBFS : MAX_LEVEL_DBFS;
            Check.range("levelDbfs", levelDbfs, MIN_LEVEL_DBFS, max);
            Check.present("correction", correction);
        }

        /**
         * Plays the measurement stimulus {@code spec} exactly ({@link TestSignal.Sweep#of}): its sweep on
         * {@code outputs}, its timing markers (when it has them) on {@code referenceOutput}, at its level,
         * repeated with {@code pauseSeconds} of silence after each stimulus.
         */
        public static PlayTestSignal stimulus(List<Integer> outputs, SweepSpec spec, Integer referenceOutput,
                                              double pauseSeconds, Correction correction) {
            return new PlayTestSignal(outputs, TestSignal.Sweep.of(spec, pauseSeconds, referenceOutput),
                    spec.levelDbfs(), correction);
        }

        @Override
        public MessageType type() {
            return MessageType.PLAY_TEST_SIGNAL;
        }
    }

    /** Stops any test signal; the programme comes back. */
    record StopTestSignal() implements Command {
        @Override
        public MessageType type() {
            return MessageType.STOP_TEST_SIGNAL;
        }
    }

    /** Asks for one {@link Reply.Meters} snapshot. */
    record GetMeters() implements Command {
        @Override
        public MessageType type() {
            return MessageType.GET_METERS;
        }
    }

    /** Starts publishing meters every {@code intervalMs} (50..5000), or stops with 0. */
    record StreamMeters(int intervalMs) implements Command {
        public StreamMeters {
            if (intervalMs != 0) {
                Check.range("intervalMs", intervalMs, MIN_METER_INTERVAL_MS, MAX_METER_INTERVAL_MS);
            }
        }

        @Override
        public MessageType type() {
            return MessageType.STREAM_METERS;
        }
    }

    /** Changes the unit's protection limits. */
    record SetLimits(ProtectionLimits limits) implements Command {
        public SetLimits {
            Check.present("limits", limits);
        }

        @Override
        public MessageType type() {
            return MessageType.SET_LIMITS;
        }
    }

    /**
     * Asks the unit to trust a new installer key. Needs physical presence, and the message
     * must be signed by this very key.
     *
     * @param publicKey the raw 32-byte Ed25519 public key, base64
     * @param label     who holds it, shown when listing keys
     */
    record PairKey(String publicKey, String label) implements Command {
        public PairKey {
            Check.base64("publicKey", publicKey, 32);
            Check.text("label", label, Limits.MAX_TEXT_CHARS);
        }

        @Override
        public MessageType type() {
            return MessageType.PAIR_KEY;
        }
    }

    /** Stops trusting an installer key. */
    record RevokeKey(String keyId) implements Command {
        public RevokeKey {
            Check.hex("keyId", keyId, Limits.KEY_ID_CHARS);
        }

        @Override
        public MessageType type() {
            return MessageType.REVOKE_KEY;
        }
    }

    /** Asks for the masters in the unit's media directory: {@link Reply.Media}. */
    record ListMedia() implements Command {
        @Override
        public MessageType type() {
            return MessageType.LIST_MEDIA;
        }
    }

    /**
     * Plays a master from the unit's media directory in place of the programme.
     *
     * @param file         its path inside the media directory ({@link Check#mediaName})
     * @param startSeconds where to start, in the file's time (0 for its start)
     * @param loop         a region to loop, or null to play to the end
     */
    record PlayMedia(String file, double startSeconds, Region loop) implements Command {
        public PlayMedia {
            Check.mediaName("file", file);
            Check.range("startSeconds", startSeconds, 0, MAX_MEDIA_SECONDS);
        }

        @Override
        public MessageType type() {
            return MessageType.PLAY_MEDIA;
        }
    }

    /**
     * Moves the master playing on: pause, resume, seek to {@code seconds}, loop {@code loop},
     * stop looping, or stop (the programme comes back). {@code seconds} belongs to a seek and
     * {@code loop} to a loop, each required there and refused elsewhere.
     */
    record MediaTransport(Transport action, Double seconds, Region loop) implements Command {
        public MediaTransport {
            Check.present("action", action);
            if (action == Transport.SEEK) {
                Check.range("seconds", Check.present("seconds", seconds), 0, MAX_MEDIA_SECONDS);
            } else if (seconds != null) {
                throw new FieldException(ErrorCode.UNKNOWN_FIELD, "seconds", " belongs to a seek, not to "
                        + action.word());
            }
            if (action == Transport.LOOP) {
                Check.present("loop", loop);
            } else if (loop != null) {
                throw new FieldException(ErrorCode.UNKNOWN_FIELD, "loop", " belongs to a loop, not to " + action.word());
            }
        }

        /** A transport action that takes no value. */
        public static MediaTransport of(Transport action) {
            return new MediaTransport(action, null, null);
        }

        @Override
        public MessageType type() {
            return MessageType.MEDIA_TRANSPORT;
        }
    }

    /**
     * Sets up an A/B of the master playing between two sides, side A first; with
     * {@code matchLoudness} the louder side is turned down to the other's integrated loudness
     * through its chain (the unit measures both off the audio thread, then plays side A).
     */
    record AuditionAb(Side a, Side b, boolean matchLoudness) implements Command {
        public AuditionAb {
            Check.present("a", a);
            Check.present("b", b);
            if (a.equals(b)) {
                throw new FieldException(ErrorCode.INVALID_VALUE, "b", " is the same as a (" + a
                        + "); an A/B needs two different sides");
            }
        }

        @Override
        public MessageType type() {
            return MessageType.AUDITION_AB;
        }
    }

    /** Plays side A or B of the A/B, cross-faded; {@link Choice#OFF} ends the A/B. */
    record AuditionSwitch(Choice side) implements Command {
        public AuditionSwitch {
            Check.present("side", side);
        }

        @Override
        public MessageType type() {
            return MessageType.AUDITION_SWITCH;
        }
    }

    /**
     * Plays the master as a streaming platform would (its normalisation gain in front of the
     * chain), or, with a null platform ({@code "off"} on the wire), as it is.
     */
    record AuditionPreview(Platform platform) implements Command {
        @Override
        public MessageType type() {
            return MessageType.AUDITION_PREVIEW;
        }
    }

    /** Asks for {@link Reply.Audition}: what the audition plays and how far it is. */
    record GetAudition() implements Command {
        @Override
        public MessageType type() {
            return MessageType.GET_AUDITION;
        }
    }

    /** A region of a master, seconds in the file's time, {@code startSeconds} inclusive, {@code endSeconds} not. */
    record Region(double startSeconds, double endSeconds) {
        public Region {
            Check.range("startSeconds", startSeconds, 0, MAX_MEDIA_SECONDS);
            Check.range("endSeconds", endSeconds, 0, MAX_MEDIA_SECONDS);
            if (endSeconds - startSeconds < MIN_LOOP_SECONDS) {
                throw new FieldException(ErrorCode.OUT_OF_RANGE, "endSeconds", " = " + FieldPath.number(endSeconds)
                        + " is less than " + FieldPath.number(MIN_LOOP_SECONDS) + " s after startSeconds = "
                        + FieldPath.number(startSeconds));
            }
        }
    }

    /**
     * One side of an A/B: a stored profile, corrected or (bypassed) flat: its routing and the
     * board's protection, no filters, delays, levels or bus.
     */
    record Side(String profileId, boolean bypassed) {
        public Side {
            Check.slug("profileId", profileId, Limits.MAX_PROFILE_ID_CHARS);
        }

        @Override
        public String toString() {
            return profileId + (bypassed ? " bypassed" : "");
        }
    }

    /** What a media transport does. */
    enum Transport implements Worded {
        PAUSE, RESUME, SEEK, LOOP, LOOP_OFF, STOP;

        /** The constant with this wire word. */
        public static Optional<Transport> of(String word) {
            return Worded.of(Transport.class, word);
        }
    }

    /** A side of an A/B, or neither. */
    enum Choice implements Worded {
        A, B, OFF;

        /** The constant with this wire word. */
        public static Optional<Choice> of(String word) {
            return Worded.of(Choice.class, word);
        }
    }

    /** Whether a test signal passes through the output's correction. */
    enum Correction implements Worded {
        ON, BYPASSED;

        /** The constant with this wire word. */
        public static Optional<Correction> of(String word) {
            return Worded.of(Correction.class, word);
        }
    }
}
