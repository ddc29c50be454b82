package org.cabintune.hu.remote;

import static org.cabintune.hu.remote.ProfileRequests.carry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.hu.audition.Audition;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.controls.EngineActions;
import org.cabintune.hu.controls.OutputControl;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.meters.MeterSnapshot;
import org.cabintune.hu.meters.Meters;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.link.command.HeadUnitPort;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.ProtectionLimits;
import org.cabintune.link.protocol.Reply;

/**
 * The head unit as the link sees it: the running engine, its profile store and its meters
 * behind the protocol's commands. Profile changes go through the {@link ProfileService}, which
 * compiles off the audio thread and cross-fades, and changes nothing when it refuses; volume
 * and mute go through the {@link OutputControl} (the knob's own state when the unit has
 * controls, so an amplifier sequence's hold is never lifted by the link). Night mode is the
 * service's night compressor and a volume ceiling of {@value #NIGHT_MAX_VOLUME_DB} dB that the knob keeps
 * to as well. Test signals and the masters of the media directory ({@link Audition}) play in
 * the programme's place ({@link StandIns}). Every refusal names the field and what is allowed,
 * under the protocol's stable error codes.
 *
 * <p>The dispatcher calls it one command at a time; the getters are safe from any thread.
 */
public final class HeadUnitRemote implements HeadUnitPort {

    /** The engine's volume only attenuates: the protection limiters follow it. */
    public static final double ENGINE_MAX_VOLUME_DB = EngineActions.MAX_VOLUME_DB;
    /** The loudest night mode lets the volume be, dB: 10 dB under the profile's own level. */
    public static final double NIGHT_MAX_VOLUME_DB = -10;

    private final Reply.Info info;
    private final BoardConfig board;
    private final OutputControl output;
    private final ProfileService service;
    private final Meters meters;
    private final Supplier<String> playing;
    private final AtomicLong meterSequence = new AtomicLong();
    private volatile int meterIntervalMs;
    private volatile ProtectionLimits limits;
    /** Test signals and masters, in the programme's place. */
    private final StandIns standIns;

    /**
     * @param info    who the unit is
     * @param board   the board the engine runs on
     * @param output  the unit's volume and mute ({@code OutputControl.of(engine)} without controls)
     * @param service the profile store's service, or null when the unit plays one profile file
     * @param meters  the stream's meters
     * @param playing the name of the profile playing
     * @param limits  the protection limits to start with
     * @param source  the engine's source, which test signals replace; null when it cannot (test signals are refused)
     * @param audition the audition of masters, or null when the unit has none
     */
    public HeadUnitRemote(Reply.Info info, BoardConfig board, OutputControl output, ProfileService service,
                          Meters meters, Supplier<String> playing, ProtectionLimits limits, SwitchableSource source,
                          Audition audition) {
        this.info = Objects.requireNonNull(info, "info");
        this.board = Objects.requireNonNull(board, "board");
        this.output = Objects.requireNonNull(output, "output");
        this.service = service;
        this.meters = Objects.requireNonNull(meters, "meters");
        this.playing = Objects.requireNonNull(playing, "playing");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.standIns = new StandIns(source, service, board, info.sampleRate(), audition);
    }

    @Override
    public Reply.Info info() {
        return info;
    }

    @Override
    public Reply.State state() {
        List<Reply.ProfileEntry> profiles = new ArrayList<>();
        if (service != null) {
            for (String name : service.profiles()) {
                String id = ProfileIds.idOf(name);
                if (id != null && profiles.size() < Limits.MAX_PROFILES) {
                    profiles.add(new Reply.ProfileEntry(id, name));
                }
            }
        }
        boolean bypassed = service != null && service.bypassed();
        double volumeDb = Math.clamp(output.volumeDb(), Command.MIN_VOLUME_DB, Command.MAX_VOLUME_DB);
        return new Reply.State(playingId(), profiles, volumeDb, output.muted(), bypassed, standIns.testPlaying(), limits,
                night());
    }

    /** True while night mode is on. */
    public boolean night() {
        return service != null && service.night();
    }

    /** The loudest the volume may be set now, dB: the engine's 0 dB, the limits' maximum, night mode's ceiling. */
    public double maxVolumeDb() {
        return ceiling(limits, night());
    }

    private static double ceiling(ProtectionLimits l, boolean night) {
        double max = Math.min(ENGINE_MAX_VOLUME_DB, l.maxVolumeDb());
        return night ? Math.min(max, NIGHT_MAX_VOLUME_DB) : max;
    }
    /** The id of the profile playing, or null when it has none (the built-in safe profile). */
    public String playingId() {
        return idOf(playing.get());
    }

    /**
     * The id of the stored profile {@code name}, or null when it is not a stored one. With
     * {@link #playingName()} read once, gives an id and name that belong together even while
     * the profile changes.
     */
    public String idOf(String name) {
        return name != null && service != null && service.profiles().contains(name) ? ProfileIds.idOf(name) : null;
    }

    /** The name of the profile playing. */
    public String playingName() {
        return playing.get();
    }

    @Override
    public void selectProfile(String profileId) throws PortException {
        ProfileService s = store("select-profile");
        carry(s.select(stored(s, profileId)), ErrorCode.REFUSED);
    }

    @Override
    public void putProfile(String profileId, Profile profile) throws PortException {
        ProfileService s = store("put-profile");
        String id = ProfileIds.idOf(profile.name());
        if (!profileId.equals(id)) {
            throw new PortException(ErrorCode.BAD_PROFILE, "body.profile.name = " + FieldPath.quote(profile.name())
                    + (id == null ? " has no profile id (it needs a letter or digit a-z 0-9)"
                    : " has the profile id " + FieldPath.quote(id)) + ", not body.profileId = "
                    + FieldPath.quote(profileId) + "; name the profile after its id");
        }
        carry(s.put(profile), ErrorCode.REFUSED);
    }

    @Override
    public void deleteProfile(String profileId) throws PortException {
        ProfileService s = store("delete-profile");
        carry(s.delete(stored(s, profileId)), ErrorCode.REFUSED);
    }

    @Override
    public void setVolume(double volumeDb) throws PortException {
        if (volumeDb > ENGINE_MAX_VOLUME_DB) {
            throw new PortException(ErrorCode.REFUSED, "body.volumeDb = " + FieldPath.number(volumeDb)
                    + " is above 0 dB: this unit's volume only attenuates (-80..0 dB), so no volume can lift an output"
                    + " over its protection ceiling");
        }
        ProtectionLimits l = limits;
        if (volumeDb > l.maxVolumeDb()) {
            throw new PortException(ErrorCode.REFUSED, "body.volumeDb = " + FieldPath.number(volumeDb)
                    + " is above the unit's maxVolumeDb = " + FieldPath.number(l.maxVolumeDb()));
        }
        if (volumeDb > NIGHT_MAX_VOLUME_DB && night()) {
            throw new PortException(ErrorCode.REFUSED, "body.volumeDb = " + FieldPath.number(volumeDb)
                    + " is above night mode's ceiling of " + FieldPath.number(NIGHT_MAX_VOLUME_DB)
                    + " dB; turn night mode off to go louder");
        }
        queued(output.setVolumeDb(volumeDb), "set-volume");
    }

    @Override
    public void setMute(boolean muted) throws PortException {
        queued(output.setMuted(muted), "set-mute");
    }

    @Override
    public void setBypass(boolean bypassed) throws PortException {
        carry(store("set-bypass").bypass(bypassed), ErrorCode.REFUSED);
    }

    /**
     * Night mode: the night compressor is cross-faded in (or out) first, then the volume ceiling
     * follows; a volume above {@value #NIGHT_MAX_VOLUME_DB} dB comes down to it. Turning night
     * mode off lifts the ceiling and leaves the volume where it is, so nothing gets louder by
     * itself. When the ceiling cannot be set the compressor goes back, and nothing has changed.
     */
    @Override
    public void setNight(boolean on) throws PortException {
        ProfileService s = store("set-night");
        boolean was = s.night();
        carry(s.night(on), ErrorCode.REFUSED);
        if (!output.setVolumeCeilingDb(ceiling(limits, on))) {
            carry(s.night(was), ErrorCode.INTERNAL);
            queued(false, "set-night");
        }
    }

    @Override
    public void playTestSignal(Command.PlayTestSignal request) throws PortException {
        standIns.playTestSignal(request, limits);
    }

    @Override
    public void stopTestSignal() throws PortException {
        standIns.stopTestSignal();
    }

    @Override
    public Reply.Meters meters() {
        MeterSnapshot snapshot = meters.snapshot();
        List<MeterSnapshot.OutputLevel> byChannel = new ArrayList<>(snapshot.outputs());
        byChannel.sort(Comparator.comparingInt(MeterSnapshot.OutputLevel::channel));
        List<Reply.Level> levels = new ArrayList<>(byChannel.size());
        for (MeterSnapshot.OutputLevel o : byChannel.subList(0, Math.min(byChannel.size(), Limits.MAX_OUTPUTS))) {
            levels.add(Reply.Level.clamped(o.peakDbfs(), o.rmsDbfs()));
        }
        Reply.Programme programme = Reply.Programme.clamped(snapshot.momentaryLufs(), snapshot.shortTermLufs(),
                snapshot.integratedLufs(), snapshot.truePeakDbtp());
        // Before the first period has been timed there is no load to tell.
        Double load = Double.isFinite(snapshot.dspLoad())
                ? Math.clamp(snapshot.dspLoad(), 0, Reply.Meters.MAX_DSP_LOAD) : null;
        return new Reply.Meters(meterSequence.getAndIncrement(), levels, programme, load);
    }

    /** The meters now: the programme's loudness, each speaker's level, what plays. */
    public MeterSnapshot meterSnapshot() {
        return meters.snapshot();
    }

    @Override
    public void streamMeters(int intervalMs) {
        meterIntervalMs = intervalMs;
    }

    /** The meter stream's interval, ms, or 0 when it is off. */
    public int meterIntervalMs() {
        return meterIntervalMs;
    }

    @Override
    public void setLimits(ProtectionLimits limits) throws PortException {
        // A volume above the new limit comes down to it first, so the limit holds at once, for the knob too.
        queued(output.setVolumeCeilingDb(ceiling(limits, night())), "set-limits");
        this.limits = limits;
    }

    @Override
    public Reply.Media listMedia() throws PortException {
        return standIns.listMedia();
    }

    @Override
    public void playMedia(Command.PlayMedia request) throws PortException {
        standIns.playMedia(request);
    }

    @Override
    public void mediaTransport(Command.MediaTransport request) throws PortException {
        standIns.mediaTransport(request);
    }

    @Override
    public void auditionAb(Command.AuditionAb request) throws PortException {
        standIns.auditionAb(request);
    }

    @Override
    public void auditionSwitch(Command.Choice side) throws PortException {
        standIns.auditionSwitch(side);
    }

    @Override
    public void auditionPreview(Platform platform) throws PortException {
        standIns.auditionPreview(platform);
    }

    @Override
    public Reply.Audition audition() throws PortException {
        return standIns.audition();
    }

    /** The board the unit runs on. */
    public BoardConfig board() {
        return board;
    }

    private ProfileService store(String command) throws PortException {
        return ProfileRequests.require(service, command);
    }

    private static String stored(ProfileService s, String profileId) throws PortException {
        return ProfileRequests.stored(s, profileId, "body.profileId");
    }

    private static void queued(boolean accepted, String command) throws PortException {
        if (!accepted) {
            throw new PortException(ErrorCode.REFUSED, command + ": the engine's control queue is full or the controls"
                    + " did not answer; send it again");
        }
    }
}
