package org.cabintune.link.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

    /** Whether a test signal passes through the output's correction. */
    enum Correction {
        ON("on"), BYPASSED("bypassed");

        private final String word;

        Correction(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** The constant with this wire word. */
        public static Optional<Correction> of(String word) {
            return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
        }
    }
}
