package org.cabintune.link.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;

/** Reads the body of each message type into its record; the field names are the wire names. */
final class BodyReader {

    private static final String BODY = "body";
    private static final List<String> NONE = List.of();
    private static final List<String> LIMIT_FIELDS = List.of("maxVolumeDb", "maxTestLevelDbfs");
    private static final List<String> PROGRAMME_FIELDS = List.of("momentaryLufs", "shortTermLufs", "integratedLufs",
            "truePeakDbtp");
    private static final List<String> REGION_FIELDS = List.of("startSeconds", "endSeconds");

    private BodyReader() {
    }

    static Body read(MessageType type, JsonNode node) throws ProtocolException {
        String what = "a " + type.word() + " body";
        return switch (type) {
            case HELLO -> {
                FieldReader r = FieldReader.of(node, BODY, what, List.of("client"), NONE);
                String client = r.string("client");
                yield r.build(() -> new Command.Hello(client));
            }
            case GET_STATE -> empty(node, what, new Command.GetState());
            case SELECT_PROFILE -> {
                String id = FieldReader.of(node, BODY, what, List.of("profileId"), NONE).string("profileId");
                yield FieldReader.build(BODY, () -> new Command.SelectProfile(id));
            }
            case PUT_PROFILE -> putProfile(FieldReader.of(node, BODY, what, List.of("profileId", "profile"), NONE));
            case DELETE_PROFILE -> {
                String id = FieldReader.of(node, BODY, what, List.of("profileId"), NONE).string("profileId");
                yield FieldReader.build(BODY, () -> new Command.DeleteProfile(id));
            }
            case SET_VOLUME -> {
                double db = FieldReader.of(node, BODY, what, List.of("volumeDb"), NONE).number("volumeDb");
                yield FieldReader.build(BODY, () -> new Command.SetVolume(db));
            }
            case SET_MUTE -> new Command.SetMute(FieldReader.of(node, BODY, what, List.of("muted"), NONE).bool("muted"));
            case SET_BYPASS -> new Command.SetBypass(
                    FieldReader.of(node, BODY, what, List.of("bypassed"), NONE).bool("bypassed"));
            case SET_NIGHT -> new Command.SetNight(FieldReader.of(node, BODY, what, List.of("night"), NONE).bool("night"));
            case PLAY_TEST_SIGNAL -> playTestSignal(FieldReader.of(node, BODY, what,
                    List.of("outputs", "signal", "levelDbfs", "correction"), NONE));
            case STOP_TEST_SIGNAL -> empty(node, what, new Command.StopTestSignal());
            case GET_METERS -> empty(node, what, new Command.GetMeters());
            case STREAM_METERS -> {
                long ms = FieldReader.of(node, BODY, what, List.of("intervalMs"), NONE)
                        .integer("intervalMs", 0, Command.MAX_METER_INTERVAL_MS);
                yield FieldReader.build(BODY, () -> new Command.StreamMeters((int) ms));
            }
            case SET_LIMITS -> {
                ProtectionLimits limits = limits(FieldReader.of(node, BODY, what, LIMIT_FIELDS, NONE));
                yield new Command.SetLimits(limits);
            }
            case PAIR_KEY -> {
                FieldReader r = FieldReader.of(node, BODY, what, List.of("publicKey", "label"), NONE);
                String key = r.string("publicKey");
                String label = r.string("label");
                yield r.build(() -> new Command.PairKey(key, label));
            }
            case REVOKE_KEY -> {
                String keyId = FieldReader.of(node, BODY, what, List.of("keyId"), NONE).string("keyId");
                yield FieldReader.build(BODY, () -> new Command.RevokeKey(keyId));
            }
            case LIST_MEDIA -> empty(node, what, new Command.ListMedia());
            case PLAY_MEDIA -> playMedia(FieldReader.of(node, BODY, what, List.of("file"), List.of("startSeconds", "loop")));
            case MEDIA_TRANSPORT -> mediaTransport(FieldReader.of(node, BODY, what, List.of("action"),
                    List.of("seconds", "loop")));
            case AUDITION_AB -> {
                FieldReader r = FieldReader.of(node, BODY, what, List.of("a", "b", "matchLoudness"), NONE);
                Command.Side a = side(r.object("a", "an A/B side", List.of("profileId"), List.of("bypassed")));
                Command.Side b = side(r.object("b", "an A/B side", List.of("profileId"), List.of("bypassed")));
                boolean match = r.bool("matchLoudness");
                yield r.build(() -> new Command.AuditionAb(a, b, match));
            }
            case AUDITION_SWITCH -> {
                FieldReader r = FieldReader.of(node, BODY, what, List.of("side"), NONE);
                yield new Command.AuditionSwitch(word(r, "side", Command.Choice::of, "a, b, off"));
            }
            case AUDITION_PREVIEW -> {
                FieldReader r = FieldReader.of(node, BODY, what, List.of("platform"), NONE);
                yield new Command.AuditionPreview(platform(r, "platform", true));
            }
            case GET_AUDITION -> empty(node, what, new Command.GetAudition());
            case MEDIA -> media(FieldReader.of(node, BODY, what, List.of("files", "total"), NONE));
            case AUDITION -> audition(FieldReader.of(node, BODY, what, List.of("playback", "positionSeconds",
                    "lengthSeconds"), List.of("file", "loop", "masterLufs", "masterTruePeakDbtp", "ab", "preview")));
            case INFO -> info(FieldReader.of(node, BODY, what, List.of("unitId", "model", "firmware", "protocols",
                    "maxMessageBytes", "sampleRate", "outputs"), NONE));
            case STATE -> state(FieldReader.of(node, BODY, what, List.of("profiles", "volumeDb", "muted", "bypassed",
                    "testSignal", "limits"), List.of("activeProfile", "night")));
            case METERS -> meters(FieldReader.of(node, BODY, what, List.of("sequence", "outputs"),
                    List.of("programme", "dspLoad")));
            case ACK -> empty(node, what, new Reply.Ack());
            case ERROR -> error(FieldReader.of(node, BODY, what, List.of("code", "message"), NONE));
            case PROFILE_CHANGED -> {
                FieldReader r = FieldReader.of(node, BODY, what, List.of("profileId", "name"), NONE);
                String id = r.string("profileId");
                String name = r.string("name");
                yield r.build(() -> new Event.ProfileChanged(id, name));
            }
            case XRUN -> {
                long total = FieldReader.of(node, BODY, what, List.of("total"), NONE)
                        .integer("total", 1, Limits.MAX_SAFE_INTEGER);
                yield new Event.Xrun(total);
            }
            case FAULT -> {
                FieldReader r = FieldReader.of(node, BODY, what, List.of("fault", "message"), NONE);
                String fault = r.string("fault");
                String message = r.string("message");
                yield r.build(() -> new Event.Fault(fault, message));
            }
        };
    }

    private static Body empty(JsonNode node, String what, Body body) throws ProtocolException {
        FieldReader.of(node, BODY, what, NONE, NONE);
        return body;
    }

    private static Command.PutProfile putProfile(FieldReader r) throws ProtocolException {
        String id = r.string("profileId");
        // The id is checked first: a wrong id should not cost a profile parse.
        FieldReader.build(BODY, () -> Check.slug("profileId", id, Limits.MAX_PROFILE_ID_CHARS));
        JsonNode tree = r.raw("profile");
        if (!tree.isObject()) {
            throw new ProtocolException(ErrorCode.WRONG_TYPE, r.path("profile"), " " + Describe.node(tree)
                    + "; expected a profile (a JSON object)", null);
        }
        Profile profile;
        try {
            profile = ProfileParser.parse(StrictJson.write(tree));
        } catch (ProfileException e) {
            throw badProfile(r.path("profile"), e.problems());
        }
        return r.build(() -> new Command.PutProfile(id, profile));
    }

    /**
     * The profile parser's problem lines, re-rooted under the profile's place in the message:
     * {@code outputs[0].gainDb ...} becomes {@code body.profile.outputs[0].gainDb ...}.
     */
    private static ProtocolException badProfile(String at, List<String> problems) {
        StringBuilder text = new StringBuilder();
        for (String line : problems) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(line.startsWith("profile") ? at + line.substring("profile".length()) : at + "." + line);
        }
        String detail = text.substring(at.length());
        return new ProtocolException(ErrorCode.BAD_PROFILE, at, Reply.Error.of(ErrorCode.BAD_PROFILE, detail).message(),
                null);
    }

    private static Command.PlayTestSignal playTestSignal(FieldReader r) throws ProtocolException {
        List<Integer> outputs = r.list("outputs", Limits.MAX_OUTPUTS, FieldReader::intElement);
        TestSignal signal = signal(r.raw("signal"), r.path("signal"));
        double level = r.number("levelDbfs");
        String word = r.string("correction");
        Command.Correction correction = Command.Correction.of(word).orElseThrow(() -> new ProtocolException(
                ErrorCode.INVALID_VALUE, r.path("correction"), " = " + FieldPath.quote(word)
                + " is not one of on, bypassed", null));
        return r.build(() -> new Command.PlayTestSignal(outputs, signal, level, correction));
    }

    private static TestSignal signal(JsonNode node, String path) throws ProtocolException {
        if (!node.isObject()) {
            FieldReader.of(node, path, "a test signal", List.of("kind"), NONE);
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, FieldPath.field(path, "kind"),
                    " is missing; a test signal requires kind (sine, pink or sweep)", null);
        }
        if (!kindNode.isTextual()) {
            throw new ProtocolException(ErrorCode.WRONG_TYPE, FieldPath.field(path, "kind"), " "
                    + Describe.node(kindNode) + "; expected one of sine, pink, sweep", null);
        }
        String kind = kindNode.textValue();
        return switch (kind) {
            case "sine" -> {
                FieldReader r = FieldReader.of(node, path, "a sine", List.of("kind", "freqHz"), NONE);
                double f = r.number("freqHz");
                yield r.build(() -> new TestSignal.Sine(f));
            }
            case "pink" -> {
                FieldReader.of(node, path, "pink noise", List.of("kind"), NONE);
                yield new TestSignal.Pink();
            }
            case "sweep" -> {
                FieldReader r = FieldReader.of(node, path, "a sweep",
                        List.of("kind", "f1Hz", "f2Hz", "seconds", "fadeMs", "gapSeconds"), List.of("referenceOutput"));
                double f1 = r.number("f1Hz");
                double f2 = r.number("f2Hz");
                double seconds = r.number("seconds");
                double fade = r.number("fadeMs");
                double gap = r.number("gapSeconds");
                Integer reference = r.has("referenceOutput")
                        ? (int) r.integer("referenceOutput", 0, Limits.MAX_OUTPUTS - 1) : null;
                yield r.build(() -> new TestSignal.Sweep(f1, f2, seconds, fade, gap, reference));
            }
            default -> throw new ProtocolException(ErrorCode.INVALID_VALUE, FieldPath.field(path, "kind"), " = "
                    + FieldPath.quote(kind) + " is not one of sine, pink, sweep", null);
        };
    }

    private static Command.PlayMedia playMedia(FieldReader r) throws ProtocolException {
        String file = r.string("file");
        double start = r.has("startSeconds") ? r.number("startSeconds") : 0;
        Command.Region loop = r.has("loop") ? region(r.object("loop", "a region", REGION_FIELDS, NONE)) : null;
        return r.build(() -> new Command.PlayMedia(file, start, loop));
    }

    private static Command.MediaTransport mediaTransport(FieldReader r) throws ProtocolException {
        Command.Transport action = word(r, "action", Command.Transport::of, "pause, resume, seek, loop, loop-off, stop");
        Double seconds = r.has("seconds") ? r.number("seconds") : null;
        Command.Region loop = r.has("loop") ? region(r.object("loop", "a region", REGION_FIELDS, NONE)) : null;
        return r.build(() -> new Command.MediaTransport(action, seconds, loop));
    }

    private static Command.Region region(FieldReader r) throws ProtocolException {
        double start = r.number("startSeconds");
        double end = r.number("endSeconds");
        return r.build(() -> new Command.Region(start, end));
    }

    private static Command.Side side(FieldReader r) throws ProtocolException {
        String id = r.string("profileId");
        boolean bypassed = r.has("bypassed") && r.bool("bypassed");
        return r.build(() -> new Command.Side(id, bypassed));
    }

    /** A platform id, or, when {@code offAllowed}, {@code off} for none (null). */
    private static Platform platform(FieldReader r, String name, boolean offAllowed) throws ProtocolException {
        String word = r.string(name);
        if (offAllowed && word.equals("off")) {
            return null;
        }
        return java.util.Arrays.stream(Platform.values()).filter(p -> p.id().equals(word)).findFirst()
                .orElseThrow(() -> new ProtocolException(ErrorCode.INVALID_VALUE, r.path(name), " = "
                        + FieldPath.quote(word) + " is not one of " + (offAllowed ? "off, " : "") + Platform.ids(), null));
    }

    /** A string field that must be one of an enum's wire words. */
    private static <T> T word(FieldReader r, String name, java.util.function.Function<String, java.util.Optional<T>> of,
                              String allowed) throws ProtocolException {
        String word = r.string(name);
        return of.apply(word).orElseThrow(() -> new ProtocolException(ErrorCode.INVALID_VALUE, r.path(name), " = "
                + FieldPath.quote(word) + " is not one of " + allowed, null));
    }

    private static Reply.Media media(FieldReader r) throws ProtocolException {
        List<Reply.MediaFile> files = r.list("files", Limits.MAX_MEDIA_FILES, (node, path) -> {
            FieldReader f = FieldReader.of(node, path, "a media file", List.of("name", "seconds", "sampleRate", "channels"),
                    NONE);
            String name = f.string("name");
            double seconds = f.number("seconds");
            long rate = f.integer("sampleRate", 0, Integer.MAX_VALUE);
            long channels = f.integer("channels", 0, Integer.MAX_VALUE);
            return f.build(() -> new Reply.MediaFile(name, seconds, (int) rate, (int) channels));
        });
        long total = r.integer("total", 0, Integer.MAX_VALUE);
        return r.build(() -> new Reply.Media(files, (int) total));
    }

    private static Reply.Audition audition(FieldReader r) throws ProtocolException {
        String file = r.string("file");
        Reply.Playback playback = word(r, "playback", Reply.Playback::of, "stopped, playing, paused, ended");
        double position = r.number("positionSeconds");
        double length = r.number("lengthSeconds");
        Command.Region loop = r.has("loop") ? region(r.object("loop", "a region", REGION_FIELDS, NONE)) : null;
        Double lufs = r.has("masterLufs") ? r.number("masterLufs") : null;
        Double peak = r.has("masterTruePeakDbtp") ? r.number("masterTruePeakDbtp") : null;
        Reply.AbState ab = r.has("ab") ? abState(r.object("ab", "an A/B state", List.of("a", "b", "active",
                "matchLoudness", "matching", "progress", "aTrimDb", "bTrimDb"), List.of("aLufs", "bLufs", "note"))) : null;
        Reply.PreviewState preview = null;
        if (r.has("preview")) {
            FieldReader p = r.object("preview", "a preview", List.of("platform", "gainDb", "limiter"), NONE);
            Platform platform = platform(p, "platform", false);
            double gain = p.number("gainDb");
            boolean limiter = p.bool("limiter");
            preview = p.build(() -> new Reply.PreviewState(platform, gain, limiter));
        }
        Reply.PreviewState shown = preview;
        return r.build(() -> new Reply.Audition(file, playback, position, length, loop, lufs, peak, ab, shown));
    }

    private static Reply.AbState abState(FieldReader r) throws ProtocolException {
        Command.Side a = side(r.object("a", "an A/B side", List.of("profileId"), List.of("bypassed")));
        Command.Side b = side(r.object("b", "an A/B side", List.of("profileId"), List.of("bypassed")));
        Command.Choice active = word(r, "active", Command.Choice::of, "a, b");
        boolean match = r.bool("matchLoudness");
        Reply.Matching matching = word(r, "matching", Reply.Matching::of, "off, matching, matched, failed");
        double progress = r.number("progress");
        Double aLufs = r.has("aLufs") ? r.number("aLufs") : null;
        Double bLufs = r.has("bLufs") ? r.number("bLufs") : null;
        double aTrim = r.number("aTrimDb");
        double bTrim = r.number("bTrimDb");
        String note = r.string("note");
        return r.build(() -> new Reply.AbState(a, b, active, match, matching, progress, aLufs, bLufs, aTrim, bTrim, note));
    }

    private static ProtectionLimits limits(FieldReader r) throws ProtocolException {
        double volume = r.number("maxVolumeDb");
        double level = r.number("maxTestLevelDbfs");
        return r.build(() -> new ProtectionLimits(volume, level));
    }

    private static Reply.Info info(FieldReader r) throws ProtocolException {
        String unit = r.string("unitId");
        String model = r.string("model");
        String firmware = r.string("firmware");
        List<Integer> protocols = r.list("protocols", Limits.MAX_VERSIONS, FieldReader::intElement);
        long maxBytes = r.integer("maxMessageBytes", 0, Integer.MAX_VALUE);
        long rate = r.integer("sampleRate", 0, Integer.MAX_VALUE);
        List<String> outputs = r.list("outputs", Limits.MAX_OUTPUTS, FieldReader::stringElement);
        return r.build(() -> new Reply.Info(unit, model, firmware, protocols, (int) maxBytes, (int) rate, outputs));
    }

    private static Reply.State state(FieldReader r) throws ProtocolException {
        String active = r.string("activeProfile");
        List<Reply.ProfileEntry> profiles = r.list("profiles", Limits.MAX_PROFILES, (node, path) -> {
            FieldReader entry = FieldReader.of(node, path, "a profile entry", List.of("id", "name"), NONE);
            String id = entry.string("id");
            String name = entry.string("name");
            return entry.build(() -> new Reply.ProfileEntry(id, name));
        });
        double volume = r.number("volumeDb");
        boolean muted = r.bool("muted");
        boolean bypassed = r.bool("bypassed");
        boolean testSignal = r.bool("testSignal");
        ProtectionLimits limits = limits(r.object("limits", "protection limits", LIMIT_FIELDS, NONE));
        // Optional, so a state from a unit without night mode still reads: absent is off.
        boolean night = r.has("night") && r.bool("night");
        return r.build(() -> new Reply.State(active, profiles, volume, muted, bypassed, testSignal, limits, night));
    }

    private static Reply.Meters meters(FieldReader r) throws ProtocolException {
        long sequence = r.integer("sequence", 0, Limits.MAX_SAFE_INTEGER);
        List<Reply.Level> levels = r.list("outputs", Limits.MAX_OUTPUTS, (node, path) -> {
            FieldReader level = FieldReader.of(node, path, "a meter level", List.of("peakDbfs", "rmsDbfs"), NONE);
            double peak = level.number("peakDbfs");
            double rms = level.number("rmsDbfs");
            return level.build(() -> new Reply.Level(peak, rms));
        });
        Reply.Programme programme = r.has("programme") ? programme(r.object("programme", "the programme's loudness",
                PROGRAMME_FIELDS, NONE)) : null;
        Double load = r.has("dspLoad") ? r.number("dspLoad") : null;
        return r.build(() -> new Reply.Meters(sequence, levels, programme, load));
    }

    private static Reply.Programme programme(FieldReader r) throws ProtocolException {
        double momentary = r.number("momentaryLufs");
        double shortTerm = r.number("shortTermLufs");
        double integrated = r.number("integratedLufs");
        double truePeak = r.number("truePeakDbtp");
        return r.build(() -> new Reply.Programme(momentary, shortTerm, integrated, truePeak));
    }

    private static Reply.Error error(FieldReader r) throws ProtocolException {
        String word = r.string("code");
        ErrorCode code = ErrorCode.of(word).orElseThrow(() -> new ProtocolException(ErrorCode.INVALID_VALUE,
                r.path("code"), " = " + FieldPath.quote(word) + " is not an error code of this version", null));
        String message = r.string("message");
        return r.build(() -> new Reply.Error(code, message));
    }
}
