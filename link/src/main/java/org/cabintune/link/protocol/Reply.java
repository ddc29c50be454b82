package org.cabintune.link.protocol;

import java.util.List;
import java.util.Optional;
import org.cabintune.dsp.loudness.Platform;

/** Answers from the head unit; the envelope's {@code re} names the command answered. */
public sealed interface Reply extends Body {

    /** Meter levels are clamped to this floor: silence is -inf dBFS, which JSON cannot carry. */
    double METER_FLOOR_DBFS = -200;
    /** Q8.24 reaches about +42 dBFS; nothing measured can be above this. */
    double METER_CEILING_DBFS = 48;

    /**
     * Who the unit is, answering {@link Command.Hello}.
     *
     * @param unitId          the id in the unit's MQTT topics
     * @param model           the board, for people
     * @param firmware        firmware version, for people
     * @param protocols       protocol versions spoken
     * @param maxMessageBytes the largest message accepted
     * @param sampleRate      the rate the chain runs at now, Hz
     * @param outputs         output channel names in DAC order
     */
    record Info(String unitId, String model, String firmware, List<Integer> protocols, int maxMessageBytes,
                int sampleRate, List<String> outputs) implements Reply {
        public Info {
            Check.slug("unitId", unitId, Limits.MAX_UNIT_ID_CHARS);
            Check.text("model", model, Limits.MAX_TEXT_CHARS);
            Check.text("firmware", firmware, Limits.MAX_TEXT_CHARS);
            protocols = Check.unique("protocols", Check.list("protocols", protocols, 1, Limits.MAX_VERSIONS));
            for (int i = 0; i < protocols.size(); i++) {
                Check.range(FieldPath.index("protocols", i), protocols.get(i), 1, 1000);
            }
            Check.range("maxMessageBytes", maxMessageBytes, 1024, Limits.MAX_MESSAGE_BYTES);
            Check.range("sampleRate", sampleRate, 8000, 192000);
            outputs = Check.list("outputs", outputs, 0, Limits.MAX_OUTPUTS);
            for (int i = 0; i < outputs.size(); i++) {
                Check.slug(FieldPath.index("outputs", i), outputs.get(i), Limits.MAX_PROFILE_ID_CHARS);
            }
        }

        @Override
        public MessageType type() {
            return MessageType.INFO;
        }
    }

    /**
     * What the unit is doing: retained on the {@code state} topic, and the answer to
     * {@link Command.GetState}.
     *
     * @param activeProfile the profile playing, or null when none is
     * @param profiles      stored profiles
     * @param volumeDb      the volume
     * @param muted         muted or not
     * @param bypassed      correction bypassed or not
     * @param testSignal    a test signal is playing
     * @param limits        the protection limits in force
     * @param night         night mode is on
     */
    record State(String activeProfile, List<ProfileEntry> profiles, double volumeDb, boolean muted,
                 boolean bypassed, boolean testSignal, ProtectionLimits limits, boolean night) implements Reply {
        public State {
            if (activeProfile != null) {
                Check.slug("activeProfile", activeProfile, Limits.MAX_PROFILE_ID_CHARS);
            }
            profiles = Check.list("profiles", profiles, 0, Limits.MAX_PROFILES);
            Check.range("volumeDb", volumeDb, Command.MIN_VOLUME_DB, Command.MAX_VOLUME_DB);
            Check.present("limits", limits);
        }

        /** A state with night mode off. */
        public State(String activeProfile, List<ProfileEntry> profiles, double volumeDb, boolean muted,
                     boolean bypassed, boolean testSignal, ProtectionLimits limits) {
            this(activeProfile, profiles, volumeDb, muted, bypassed, testSignal, limits, false);
        }

        @Override
        public MessageType type() {
            return MessageType.STATE;
        }
    }

    /** A stored profile as a state lists it. */
    record ProfileEntry(String id, String name) {
        public ProfileEntry {
            Check.slug("id", id, Limits.MAX_PROFILE_ID_CHARS);
            Check.text("name", name, Limits.MAX_TEXT_CHARS);
        }
    }

    /**
     * One meter snapshot, the answer to {@link Command.GetMeters} and the message of the meter
     * stream: each output's level, and, from units that meter them, the programme's loudness
     * and the processing load.
     *
     * @param sequence  increases with every snapshot the unit takes
     * @param outputs   one level per output, in DAC order
     * @param programme the programme's loudness and true peak; null when the unit does not send it
     * @param dspLoad   processing time over period time since the previous snapshot (1 is a full
     *                  period), 0..{@value #MAX_DSP_LOAD}; null when the unit does not send it
     */
    record Meters(long sequence, List<Level> outputs, Programme programme, Double dspLoad) implements Reply {

        /** A load above this is not a load but a stalled stream; it is sent as this. */
        public static final double MAX_DSP_LOAD = 100;

        public Meters {
            Check.range("sequence", sequence, 0, Limits.MAX_SAFE_INTEGER);
            outputs = Check.list("outputs", outputs, 0, Limits.MAX_OUTPUTS);
            if (dspLoad != null) {
                Check.range("dspLoad", dspLoad, 0, MAX_DSP_LOAD);
            }
        }

        /** Output levels only. */
        public Meters(long sequence, List<Level> outputs) {
            this(sequence, outputs, null, null);
        }

        @Override
        public MessageType type() {
            return MessageType.METERS;
        }
    }

    /**
     * The programme's loudness as the unit meters it where it enters the chain (ITU-R BS.1770-5,
     * EBU Tech 3341), LUFS and dBTP, floored at {@link #METER_FLOOR_DBFS} where there is no value
     * yet (silence, nothing above the gates).
     *
     * @param momentaryLufs  over the last 400 ms
     * @param shortTermLufs  over the last 3 s
     * @param integratedLufs gated, since the stream started
     * @param truePeakDbtp   the highest true peak since the stream started
     */
    record Programme(double momentaryLufs, double shortTermLufs, double integratedLufs, double truePeakDbtp) {
        public Programme {
            Check.range("momentaryLufs", momentaryLufs, METER_FLOOR_DBFS, METER_CEILING_DBFS);
            Check.range("shortTermLufs", shortTermLufs, METER_FLOOR_DBFS, METER_CEILING_DBFS);
            Check.range("integratedLufs", integratedLufs, METER_FLOOR_DBFS, METER_CEILING_DBFS);
            Check.range("truePeakDbtp", truePeakDbtp, METER_FLOOR_DBFS, METER_CEILING_DBFS);
        }

        /** Readings as the meter gives them, with -inf (no value) and NaN raised to the floor. */
        public static Programme clamped(double momentaryLufs, double shortTermLufs, double integratedLufs,
                                        double truePeakDbtp) {
            return new Programme(Level.clamp(momentaryLufs), Level.clamp(shortTermLufs), Level.clamp(integratedLufs),
                    Level.clamp(truePeakDbtp));
        }
    }

    /** One output's levels, dBFS, floored at {@link #METER_FLOOR_DBFS}. */
    record Level(double peakDbfs, double rmsDbfs) {
        public Level {
            Check.range("peakDbfs", peakDbfs, METER_FLOOR_DBFS, METER_CEILING_DBFS);
            Check.range("rmsDbfs", rmsDbfs, METER_FLOOR_DBFS, METER_CEILING_DBFS);
        }

        /** Levels as a meter reads them, with -inf (silence) and NaN raised to the floor. */
        public static Level clamped(double peakDbfs, double rmsDbfs) {
            return new Level(clamp(peakDbfs), clamp(rmsDbfs));
        }

        static double clamp(double dbfs) {
            return dbfs >= METER_FLOOR_DBFS ? Math.min(dbfs, METER_CEILING_DBFS) : METER_FLOOR_DBFS;
        }
    }

    /**
     * The masters in the unit's media directory, the answer to {@link Command.ListMedia}.
     *
     * @param files the first {@link Limits#MAX_MEDIA_FILES} by name
     * @param total how many the directory holds
     */
    record Media(List<MediaFile> files, int total) implements Reply {
        public Media {
            files = Check.list("files", files, 0, Limits.MAX_MEDIA_FILES);
            Check.range("total", total, files.size(), Integer.MAX_VALUE);
        }

        @Override
        public MessageType type() {
            return MessageType.MEDIA;
        }
    }

    /** One master: its path in the media directory, length, rate and channels. */
    record MediaFile(String name, double seconds, int sampleRate, int channels) {
        public MediaFile {
            Check.mediaName("name", name);
            Check.range("seconds", seconds, 0, Command.MAX_MEDIA_SECONDS);
            Check.range("sampleRate", sampleRate, 8000, 384000);
            Check.range("channels", channels, 1, 32);
        }
    }

    /**
     * What the audition plays, the answer to {@link Command.GetAudition}.
     *
     * @param file               the master loaded, or null when none is (then playback is stopped)
     * @param playback           stopped, playing, paused or ended
     * @param positionSeconds    where the master is, in its own time
     * @param lengthSeconds      its length (0 without a master)
     * @param loop               the region looped, or null
     * @param masterLufs         its integrated loudness as a file (BS.1770-5), or null when silent or none
     * @param masterTruePeakDbtp its true peak, or null when silent or none
     * @param ab                 the A/B, or null when none is set up
     * @param preview            the platform preview, or null when off
     */
    record Audition(String file, Playback playback, double positionSeconds, double lengthSeconds, Command.Region loop,
                    Double masterLufs, Double masterTruePeakDbtp, AbState ab, PreviewState preview) implements Reply {
        public Audition {
            if (file != null) {
                Check.mediaName("file", file);
            }
            Check.present("playback", playback);
            Check.range("positionSeconds", positionSeconds, 0, Command.MAX_MEDIA_SECONDS);
            Check.range("lengthSeconds", lengthSeconds, 0, Command.MAX_MEDIA_SECONDS);
            if (masterLufs != null) {
                Check.range("masterLufs", masterLufs, METER_FLOOR_DBFS, METER_CEILING_DBFS);
            }
            if (masterTruePeakDbtp != null) {
                Check.range("masterTruePeakDbtp", masterTruePeakDbtp, METER_FLOOR_DBFS, METER_CEILING_DBFS);
            }
        }

        @Override
        public MessageType type() {
            return MessageType.AUDITION;
        }
    }

    /**
     * An A/B as the unit runs it.
     *
     * @param a             side A
     * @param b             side B
     * @param active        the side playing, A or B
     * @param matchLoudness whether the sides are matched
     * @param matching      how far the matching is
     * @param progress      of the measurement, 0..1
     * @param aLufs         side A's integrated loudness through its chain, untrimmed; null until measured or silent
     * @param bLufs         side B's
     * @param aTrimDb       the trim side A plays with, dB (0 or below)
     * @param bTrimDb       side B's
     * @param note          why the matching failed, or null
     */
    record AbState(Command.Side a, Command.Side b, Command.Choice active, boolean matchLoudness, Matching matching,
                   double progress, Double aLufs, Double bLufs, double aTrimDb, double bTrimDb, String note) {
        public AbState {
            Check.present("a", a);
            Check.present("b", b);
            Check.present("active", active);
            if (active == Command.Choice.OFF) {
                throw new FieldException(ErrorCode.INVALID_VALUE, "active", " = \"off\" is not a side; a or b");
            }
            Check.present("matching", matching);
            Check.range("progress", progress, 0, 1);
            if (aLufs != null) {
                Check.range("aLufs", aLufs, METER_FLOOR_DBFS, METER_CEILING_DBFS);
            }
            if (bLufs != null) {
                Check.range("bLufs", bLufs, METER_FLOOR_DBFS, METER_CEILING_DBFS);
            }
            Check.range("aTrimDb", aTrimDb, METER_FLOOR_DBFS, 0);
            Check.range("bTrimDb", bTrimDb, METER_FLOOR_DBFS, 0);
            if (note != null) {
                Check.text("note", note, Limits.MAX_MESSAGE_CHARS);
            }
        }
    }

    /**
     * A platform preview: the gain the platform's rule gives this master and whether its
     * limiter would engage (the unit applies the gain; the platform's limiter is not run).
     */
    record PreviewState(Platform platform, double gainDb, boolean limiter) {
        public PreviewState {
            Check.present("platform", platform);
            Check.range("gainDb", gainDb, -METER_CEILING_DBFS * 4, METER_CEILING_DBFS);
        }
    }

    /** Where playback of a master is. */
    enum Playback implements Worded {
        STOPPED, PLAYING, PAUSED, ENDED;

        /** The constant with this wire word. */
        public static Optional<Playback> of(String word) {
            return Worded.of(Playback.class, word);
        }
    }

    /** How far an A/B's loudness matching is. */
    enum Matching implements Worded {
        /** Not asked for: both sides play as they are. */
        OFF,
        /** The unit is measuring the sides; switching waits for it. */
        MATCHING,
        /** Both sides play at the same integrated loudness. */
        MATCHED,
        /** It could not be done (a side is silent through its chain): the note says why; both play as they are. */
        FAILED;

        /** The constant with this wire word. */
        public static Optional<Matching> of(String word) {
            return Worded.of(Matching.class, word);
        }
    }

    /** The command was carried out (or had been, for a repeated id). */
    record Ack() implements Reply {
        @Override
        public MessageType type() {
            return MessageType.ACK;
        }
    }

    /**
     * The command was refused or failed; nothing of it was applied.
     *
     * @param code    stable, for programs
     * @param message for people, starting with the field's path when one field is at fault
     */
    record Error(ErrorCode code, String message) implements Reply {
        public Error {
            Check.present("code", code);
            Check.text("message", message, Limits.MAX_MESSAGE_CHARS);
        }

        @Override
        public MessageType type() {
            return MessageType.ERROR;
        }

        /** An error whose message is made printable and cut to the limit, so it always builds. */
        public static Error of(ErrorCode code, String message) {
            String text = printable(message);
            return new Error(code, text.isEmpty() ? code.word() : text);
        }

        private static String printable(String message) {
            StringBuilder out = new StringBuilder(Math.min(message.length(), Limits.MAX_MESSAGE_CHARS));
            for (int i = 0; i < message.length() && out.length() < Limits.MAX_MESSAGE_CHARS; i++) {
                char c = message.charAt(i);
                out.append(Text.isControl(c) || Text.isLoneSurrogate(message, i) ? ' ' : c);
            }
            // The cut may have split a surrogate pair.
            if (!out.isEmpty() && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
            return out.toString().strip();
        }
    }
}
