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
