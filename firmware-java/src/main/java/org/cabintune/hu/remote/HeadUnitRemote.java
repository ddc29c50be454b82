package org.cabintune.hu.remote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.hu.audition.Audition;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.controls.EngineActions;
import org.cabintune.hu.controls.OutputControl;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.engine.TestSignalSource;
import org.cabintune.hu.meters.MeterSnapshot;
import org.cabintune.hu.meters.Meters;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.hu.store.ProfileStoreException;
import org.cabintune.link.command.HeadUnitPort;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.ProtectionLimits;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.TestSignal;

/**
 * The head unit as the link sees it: the running engine, its profile store and its meters
 * behind the protocol's commands. Profile changes go through the {@link ProfileService}, which
 * compiles off the audio thread and cross-fades, and changes nothing when it refuses; volume
 * and mute go through the {@link OutputControl} (the knob's own state when the unit has
 * controls, so an amplifier sequence's hold is never lifted by the link). Night mode is the
 * service's night compressor and a volume ceiling of {@value #NIGHT_MAX_VOLUME_DB} dB that the knob keeps
 * to as well. Masters from the media directory are auditioned through the {@link Audition}. Every
 * refusal names the field and what is allowed, under the protocol's stable error codes.
 *
 * <p>The dispatcher calls it one command at a time; the getters are safe from any thread.
 */
public final class HeadUnitRemote implements HeadUnitPort {

    /** The engine's volume only attenuates: the protection limiters follow it. */
    public static final double ENGINE_MAX_VOLUME_DB = EngineActions.MAX_VOLUME_DB;
    /** The loudest night mode lets the volume be, dB: 10 dB under the profile's own level. */
    public static final double NIGHT_MAX_VOLUME_DB = -10;
    /** How long a profile request may take (a compile and a store write) before it counts as failed, s. */
    static final long PROFILE_TIMEOUT_S = 10;

    private final Reply.Info info;
    private final BoardConfig board;
    private final OutputControl output;
    private final ProfileService service;
    private final Meters meters;
    private final Supplier<String> playing;
    private final AtomicLong meterSequence = new AtomicLong();
    private volatile int meterIntervalMs;
    private volatile ProtectionLimits limits;
    private final SwitchableSource source;
    /** The board's outputs in DAC order: the protocol's output indices. */
    private final List<BoardConfig.Output> dacOrder;
    private volatile boolean testPlaying;
    /** The audition of masters; null when the unit has none (its requests are refused). */
    private final Audition audition;

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
        this.source = source;
        this.audition = audition;
        this.dacOrder = board.outputs().stream().sorted(Comparator.comparingInt(BoardConfig.Output::channel)).toList();
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
        return new Reply.State(playingId(), profiles, volumeDb, output.muted(), bypassed, testPlaying, limits, night());
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
        String name = playing.get();
        return service != null && service.profiles().contains(name) ? ProfileIds.idOf(name) : null;
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

    /**
     * Plays a test signal on the outputs asked for: the graph of the playing profile with only
     * those outputs fed (corrected or flat, protection always; a sweep's timing markers fed to its
     * reference output) is cross-faded in first, then the programme ramps down and the signal up. Everything is checked and built before anything
     * changes; a refusal leaves the unit as it was.
     */
    @Override
    public void playTestSignal(Command.PlayTestSignal request) throws PortException {
        ProfileService s = store("play-test-signal");
        if (source == null) {
            throw new PortException(ErrorCode.REFUSED, "play-test-signal: this unit's engine was started without a"
                    + " switchable source");
        }
        Set<String> speakers = new HashSet<>();
        for (int i = 0; i < request.outputs().size(); i++) {
            speakers.add(speaker(FieldPath.index("body.outputs", i), request.outputs().get(i)));
        }
        String reference = request.signal() instanceof TestSignal.Sweep sweep && sweep.referenceOutput() != null
                ? speaker("body.signal.referenceOutput", sweep.referenceOutput()) : null;
        ProtectionLimits l = limits;
        if (request.levelDbfs() > l.maxTestLevelDbfs()) {
            throw new PortException(ErrorCode.REFUSED, "body.levelDbfs = " + FieldPath.number(request.levelDbfs())
                    + " is above the unit's maxTestLevelDbfs = " + FieldPath.number(l.maxTestLevelDbfs()));
        }
        TestSignalSource signal = TestSignalRequests.source(request.signal(), request.levelDbfs(), source.channels(),
                info.sampleRate());
        // A test signal takes the source and the chain: an audition playing ends first.
        if (audition != null) {
            audition.stop();
        }
        // The old signal leaves before the graph changes, so it never reaches an output not under test.
        awaitSource(source::stop, source::programmePlays);
        try {
            carry(s.startTest(speakers, reference, request.correction() == Command.Correction.BYPASSED),
                    ErrorCode.REFUSED);
        } catch (PortException e) {
            if (testPlaying) {
                // The test that played is over (it was ramped out above): its graph goes too.
                carry(s.release(), ErrorCode.INTERNAL);
                testPlaying = false;
            }
            throw e;
        }
        testPlaying = true;
        awaitSource(() -> source.play(signal), () -> source.plays(signal));
    }

    /** The speaker on output {@code index} (DAC order), or {@code out-of-range} naming {@code field}. */
    private String speaker(String field, int index) throws PortException {
        if (index >= dacOrder.size()) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, field + " = " + index + " is beyond this unit's outputs 0.."
                    + (dacOrder.size() - 1) + " (" + String.join(", ", dacOrder.stream().map(BoardConfig.Output::speaker)
                    .toList()) + ")");
        }
        return dacOrder.get(index).speaker();
    }

    /** Ramps the programme back in, then the normal graph of the profile playing (selected meanwhile or not). */
    @Override
    public void stopTestSignal() throws PortException {
        if (source == null || service == null) {
            return;
        }
        awaitSource(source::stop, source::programmePlays);
        carry(service.release(), ErrorCode.INTERNAL);
        testPlaying = false;
    }

    /** Publishes a change to the source and waits until the audio thread has taken it, at most 2 s. */
    private static void awaitSource(Runnable change, BooleanSupplier taken) throws PortException {
        change.run();
        try {
            if (!SwitchableSource.await(taken, TimeUnit.SECONDS.toNanos(2))) {
                throw new PortException(ErrorCode.INTERNAL, "the audio thread did not take the test signal's switch"
                        + " within 2 s; is the stream running?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException(ErrorCode.INTERNAL, "interrupted while the source switched");
        }
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
        return audition("list-media").list();
    }

    @Override
    public void playMedia(Command.PlayMedia request) throws PortException {
        endTest();
        audition("play-media").play(request);
    }

    @Override
    public void mediaTransport(Command.MediaTransport request) throws PortException {
        audition("media-transport").transport(request);
    }

    /**
     * Sets up an A/B between two stored profiles (either may be bypassed); the ids are looked up
     * here, so an unknown one is refused naming its field before anything changes.
     */
    @Override
    public void auditionAb(Command.AuditionAb request) throws PortException {
        Audition a = audition("audition-ab");
        ProfileService s = store("audition-ab");
        a.ab(side(s, request.a(), "body.a.profileId"), side(s, request.b(), "body.b.profileId"),
                request.matchLoudness());
    }

    @Override
    public void auditionSwitch(Command.Choice side) throws PortException {
        audition("audition-switch").switchTo(side);
    }

    @Override
    public void auditionPreview(Platform platform) throws PortException {
        audition("audition-preview").preview(platform);
    }

    @Override
    public Reply.Audition audition() throws PortException {
        return audition("get-audition").state();
    }

    private Audition audition(String command) throws PortException {
        if (audition == null) {
            throw new PortException(ErrorCode.REFUSED, command + ": this unit has no media player (cabintune-hu run"
                    + " --media DIR)");
        }
        return audition;
    }

    private static Audition.AbSide side(ProfileService s, Command.Side side, String field) throws PortException {
        String name = stored(s, side.profileId(), field);
        try {
            return new Audition.AbSide(side, s.profile(name));
        } catch (ProfileStoreException e) {
            throw new PortException(ErrorCode.UNKNOWN_PROFILE, field + " = " + FieldPath.quote(side.profileId())
                    + ": " + e.getMessage());
        }
    }

    /** A master starts where a test signal played: the test ends first, as stop-test-signal ends it. */
    private void endTest() throws PortException {
        if (testPlaying) {
            stopTestSignal();
        }
    }

    /** The board the unit runs on. */
    public BoardConfig board() {
        return board;
    }

    private ProfileService store(String command) throws PortException {
        if (service == null) {
            throw new PortException(ErrorCode.REFUSED, command + ": this unit runs without a profile store"
                    + " (cabintune-hu run --profiles DIR, or the board's profileStore); it plays one profile file");
        }
        return service;
    }

    private static String stored(ProfileService s, String profileId) throws PortException {
        return stored(s, profileId, "body.profileId");
    }

    private static String stored(ProfileService s, String profileId, String field) throws PortException {
        String name = ProfileIds.nameOf(profileId, s.profiles());
        if (name == null) {
            List<String> ids = s.profiles().stream().map(ProfileIds::idOf).filter(Objects::nonNull).toList();
            throw new PortException(ErrorCode.UNKNOWN_PROFILE, field + " = " + FieldPath.quote(profileId)
                    + " is not stored on this unit; stored: " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
        }
        return name;
    }

    /** Waits for a profile request; a refusal becomes {@code code} with the service's reasons. */
    private static void carry(CompletableFuture<ProfileService.Result> request, ErrorCode code) throws PortException {
        ProfileService.Result result;
        try {
            result = request.get(PROFILE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException(ErrorCode.INTERNAL, "interrupted while the profile request ran");
        } catch (ExecutionException | TimeoutException e) {
            throw new PortException(ErrorCode.INTERNAL, "the profile request did not finish: " + e);
        }
        if (!result.done()) {
            throw new PortException(code, String.join("; ", result.messages()));
        }
    }

    private static void queued(boolean accepted, String command) throws PortException {
        if (!accepted) {
            throw new PortException(ErrorCode.REFUSED, command + ": the engine's control queue is full or the controls"
                    + " did not answer; send it again");
        }
    }
}
