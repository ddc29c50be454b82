package org.cabintune.link.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.ProtectionLimits;
import org.cabintune.link.protocol.Reply;

/**
 * A head unit in memory that keeps real state and records every call it gets, for tests:
 * refuses unknown profiles and volumes above its limit as the real unit will.
 */
public final class RecordingPort implements HeadUnitPort {

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private String active;
    private double volumeDb = -20;
    private boolean muted;
    private boolean bypassed;
    private boolean night;
    private boolean testSignal;
    private ProtectionLimits limits = new ProtectionLimits(0, -6);
    private int meterInterval;
    private RuntimeException failNext;

    public RecordingPort(Profile initial) {
        profiles.put("initial", initial);
        active = "initial";
    }

    /** Every call so far, e.g. {@code setVolume -12.0}. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The next call throws this, as a broken unit would. */
    public synchronized void failNext(RuntimeException failure) {
        failNext = failure;
    }

    @Override
    public synchronized Reply.Info info() {
        record("info");
        return new Reply.Info("test-unit", "recording port", "test", List.of(Limits.PROTOCOL_VERSION),
                Limits.MAX_MESSAGE_BYTES, 48000, List.of("front-left", "front-right"));
    }

    @Override
    public synchronized Reply.State state() {
        record("state");
        List<Reply.ProfileEntry> entries = new ArrayList<>();
        profiles.forEach((id, p) -> entries.add(new Reply.ProfileEntry(id, p.name())));
        return new Reply.State(active, entries, volumeDb, muted, bypassed, testSignal, limits, night);
    }

    @Override
    public synchronized void selectProfile(String profileId) throws PortException {
        record("selectProfile " + profileId);
        requireProfile(profileId);
        active = profileId;
    }

    @Override
    public synchronized void putProfile(String profileId, Profile profile) {
        record("putProfile " + profileId + " " + profile.name());
        profiles.put(profileId, profile);
    }

    @Override
    public synchronized void deleteProfile(String profileId) throws PortException {
        record("deleteProfile " + profileId);
        requireProfile(profileId);
        if (profileId.equals(active)) {
            throw new PortException(ErrorCode.REFUSED, "body.profileId = \"" + profileId + "\" is playing; select another first");
        }
        profiles.remove(profileId);
    }

    @Override
    public synchronized void setVolume(double db) throws PortException {
        record("setVolume " + db);
        if (db > limits.maxVolumeDb()) {
            throw new PortException(ErrorCode.REFUSED, "body.volumeDb = " + db + " is above the unit's maximum "
                    + limits.maxVolumeDb());
        }
        volumeDb = db;
    }

    @Override
    public synchronized void setMute(boolean value) {
        record("setMute " + value);
        muted = value;
    }

    @Override
    public synchronized void setBypass(boolean value) {
        record("setBypass " + value);
        bypassed = value;
    }

    @Override
    public synchronized void setNight(boolean value) {
        record("setNight " + value);
        night = value;
    }

    @Override
    public synchronized void playTestSignal(Command.PlayTestSignal signal) {
        record("playTestSignal " + signal.signal().kind() + " " + signal.outputs());
        testSignal = true;
    }

    @Override
    public synchronized void stopTestSignal() {
        record("stopTestSignal");
        testSignal = false;
    }

    @Override
    public synchronized Reply.Meters meters() {
        record("meters");
        return new Reply.Meters(1, List.of(new Reply.Level(-10, -20), new Reply.Level(-11, -21)));
    }

    @Override
    public synchronized void streamMeters(int intervalMs) {
        record("streamMeters " + intervalMs);
        meterInterval = intervalMs;
    }

    @Override
    public synchronized void setLimits(ProtectionLimits value) {
        record("setLimits " + value.maxVolumeDb() + " " + value.maxTestLevelDbfs());
        limits = value;
    }

    /** Everything that makes up the unit's state, for before/after comparisons. */
    public synchronized String snapshot() {
        return active + " " + profiles.keySet() + " " + volumeDb + " " + muted + " " + bypassed + " " + night + " " + testSignal
                + " " + limits + " " + meterInterval;
    }

    private void record(String call) {
        RuntimeException failure = failNext;
        failNext = null;
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
    }

    private void requireProfile(String profileId) throws PortException {
        if (!profiles.containsKey(profileId)) {
            throw new PortException(ErrorCode.UNKNOWN_PROFILE, "body.profileId = \"" + profileId
                    + "\" is not stored on this unit");
        }
    }
}
