package org.cabintune.link.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileWriter;

/** Writes each body record as the JSON object {@link BodyReader} reads. */
final class BodyWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BodyWriter() {
    }

    static ObjectNode write(Body body) {
        ObjectNode out = NODES.objectNode();
        switch (body) {
            case Command.Hello b -> out.put("client", b.client());
            case Command.GetState b -> { }
            case Command.SelectProfile b -> out.put("profileId", b.profileId());
            case Command.PutProfile b -> out.put("profileId", b.profileId()).set("profile", profile(b));
            case Command.DeleteProfile b -> out.put("profileId", b.profileId());
            case Command.SetVolume b -> out.put("volumeDb", b.volumeDb());
            case Command.SetMute b -> out.put("muted", b.muted());
            case Command.SetBypass b -> out.put("bypassed", b.bypassed());
            case Command.SetNight b -> out.put("night", b.night());
            case Command.PlayTestSignal b -> {
                ArrayNode outputs = out.putArray("outputs");
                b.outputs().forEach(outputs::add);
                out.set("signal", signal(b.signal()));
                out.put("levelDbfs", b.levelDbfs());
                out.put("correction", b.correction().word());
            }
            case Command.StopTestSignal b -> { }
            case Command.GetMeters b -> { }
            case Command.StreamMeters b -> out.put("intervalMs", b.intervalMs());
            case Command.SetLimits b -> limits(out, b.limits());
            case Command.PairKey b -> out.put("publicKey", b.publicKey()).put("label", b.label());
            case Command.RevokeKey b -> out.put("keyId", b.keyId());
            case Command.ListMedia b -> { }
            case Command.PlayMedia b -> {
                out.put("file", b.file());
                if (b.startSeconds() != 0) {
                    out.put("startSeconds", b.startSeconds());
                }
                region(out, "loop", b.loop());
            }
            case Command.MediaTransport b -> {
                out.put("action", b.action().word());
                if (b.seconds() != null) {
                    out.put("seconds", b.seconds());
                }
                region(out, "loop", b.loop());
            }
            case Command.AuditionAb b -> {
                side(out.putObject("a"), b.a());
                side(out.putObject("b"), b.b());
                out.put("matchLoudness", b.matchLoudness());
            }
            case Command.AuditionSwitch b -> out.put("side", b.side().word());
            case Command.AuditionPreview b -> out.put("platform", b.platform() == null ? "off" : b.platform().id());
            case Command.GetAudition b -> { }
            case Reply.Media b -> {
                ArrayNode files = out.putArray("files");
                b.files().forEach(f -> files.addObject().put("name", f.name()).put("seconds", f.seconds())
                        .put("sampleRate", f.sampleRate()).put("channels", f.channels()));
                out.put("total", b.total());
            }
            case Reply.Audition b -> audition(out, b);
            case Reply.Info b -> {
                out.put("unitId", b.unitId()).put("model", b.model()).put("firmware", b.firmware());
                ArrayNode protocols = out.putArray("protocols");
                b.protocols().forEach(protocols::add);
                out.put("maxMessageBytes", b.maxMessageBytes()).put("sampleRate", b.sampleRate());
                ArrayNode outputs = out.putArray("outputs");
                b.outputs().forEach(outputs::add);
            }
            case Reply.State b -> {
                if (b.activeProfile() != null) {
                    out.put("activeProfile", b.activeProfile());
                }
                ArrayNode profiles = out.putArray("profiles");
                b.profiles().forEach(p -> profiles.addObject().put("id", p.id()).put("name", p.name()));
                out.put("volumeDb", b.volumeDb()).put("muted", b.muted()).put("bypassed", b.bypassed())
                        .put("testSignal", b.testSignal());
                limits(out.putObject("limits"), b.limits());
                out.put("night", b.night());
            }
            case Reply.Meters b -> {
                out.put("sequence", b.sequence());
                ArrayNode outputs = out.putArray("outputs");
                b.outputs().forEach(l -> outputs.addObject().put("peakDbfs", l.peakDbfs()).put("rmsDbfs", l.rmsDbfs()));
                if (b.programme() != null) {
                    Reply.Programme p = b.programme();
                    out.putObject("programme").put("momentaryLufs", p.momentaryLufs())
                            .put("shortTermLufs", p.shortTermLufs()).put("integratedLufs", p.integratedLufs())
                            .put("truePeakDbtp", p.truePeakDbtp());
                }
                if (b.dspLoad() != null) {
                    out.put("dspLoad", b.dspLoad().doubleValue());
                }
            }
            case Reply.Ack b -> { }
            case Reply.Error b -> out.put("code", b.code().word()).put("message", b.message());
            case Event.ProfileChanged b -> out.put("profileId", b.profileId()).put("name", b.name());
            case Event.Xrun b -> out.put("total", b.total());
            case Event.Fault b -> out.put("fault", b.fault()).put("message", b.message());
        }
        return out;
    }

    private static ObjectNode signal(TestSignal signal) {
        ObjectNode out = NODES.objectNode().put("kind", signal.kind());
        switch (signal) {
            case TestSignal.Sine s -> out.put("freqHz", s.freqHz());
            case TestSignal.Pink p -> { }
            case TestSignal.Sweep s -> {
                out.put("f1Hz", s.f1Hz()).put("f2Hz", s.f2Hz()).put("seconds", s.seconds())
                        .put("fadeMs", s.fadeMs()).put("gapSeconds", s.gapSeconds());
                if (s.referenceOutput() != null) {
                    out.put("referenceOutput", s.referenceOutput());
                }
            }
        }
        return out;
    }

    private static void audition(ObjectNode out, Reply.Audition b) {
        if (b.file() != null) {
            out.put("file", b.file());
        }
        out.put("playback", b.playback().word()).put("positionSeconds", b.positionSeconds())
                .put("lengthSeconds", b.lengthSeconds());
        region(out, "loop", b.loop());
        if (b.masterLufs() != null) {
            out.put("masterLufs", b.masterLufs());
        }
        if (b.masterTruePeakDbtp() != null) {
            out.put("masterTruePeakDbtp", b.masterTruePeakDbtp());
        }
        if (b.ab() != null) {
            Reply.AbState ab = b.ab();
            ObjectNode node = out.putObject("ab");
            side(node.putObject("a"), ab.a());
            side(node.putObject("b"), ab.b());
            node.put("active", ab.active().word()).put("matchLoudness", ab.matchLoudness())
                    .put("matching", ab.matching().word()).put("progress", ab.progress());
            if (ab.aLufs() != null) {
                node.put("aLufs", ab.aLufs());
            }
            if (ab.bLufs() != null) {
                node.put("bLufs", ab.bLufs());
            }
            node.put("aTrimDb", ab.aTrimDb()).put("bTrimDb", ab.bTrimDb());
            if (ab.note() != null) {
                node.put("note", ab.note());
            }
        }
        if (b.preview() != null) {
            out.putObject("preview").put("platform", b.preview().platform().id()).put("gainDb", b.preview().gainDb())
                    .put("limiter", b.preview().limiter());
        }
    }

    private static void region(ObjectNode out, String name, Command.Region region) {
        if (region != null) {
            out.putObject(name).put("startSeconds", region.startSeconds()).put("endSeconds", region.endSeconds());
        }
    }

    private static void side(ObjectNode out, Command.Side side) {
        out.put("profileId", side.profileId());
        if (side.bypassed()) {
            out.put("bypassed", true);
        }
    }

    private static void limits(ObjectNode out, ProtectionLimits limits) {
        out.put("maxVolumeDb", limits.maxVolumeDb()).put("maxTestLevelDbfs", limits.maxTestLevelDbfs());
    }

    /** The profile as the profile writer lays it out, so both ends agree on every default. */
    private static ObjectNode profile(Command.PutProfile body) {
        try {
            return (ObjectNode) StrictJson.mapper().readTree(ProfileWriter.write(body.profile()));
        } catch (ProfileException e) {
            throw new FieldException(ErrorCode.BAD_PROFILE, "profile", ": " + e.problems().getFirst());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the profile writer wrote JSON that does not parse", e);
        }
    }
}
