package org.cabintune.hu.remote;

import static org.cabintune.hu.remote.ProfileRequests.carry;
import static org.cabintune.hu.remote.ProfileRequests.require;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.hu.audition.Audition;
import org.cabintune.hu.audition.SourceSwitch;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.engine.TestSignalSource;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.hu.store.ProfileStoreException;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.ProtectionLimits;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.TestSignal;

/**
 * What plays in the programme's place at the link's request: a test signal on the outputs asked
 * for, or a master auditioned ({@link Audition}). One at a time: a test signal ends the audition
 * first, a master ends the test. Both take the engine's switchable source and the chain, and give
 * them back to the programme and the profile service. Called by {@link HeadUnitRemote} one
 * command at a time; {@link #testPlaying} is safe from any thread.
 */
final class StandIns {

    private final SwitchableSource source;
    private final ProfileService service;
    private final int sampleRate;
    /** The board's outputs in DAC order: the protocol's output indices. */
    private final List<BoardConfig.Output> dacOrder;
    /** The audition of masters; null when the unit has none (its requests are refused). */
    private final Audition audition;
    private volatile boolean testPlaying;

    /**
     * @param source     the engine's source, which test signals replace; null when it cannot (test signals are refused)
     * @param service    the profile store's service, or null when the unit plays one profile file
     * @param board      the board the engine runs on
     * @param sampleRate the engine's rate
     * @param audition   the audition of masters, or null when the unit has none
     */
    StandIns(SwitchableSource source, ProfileService service, BoardConfig board, int sampleRate, Audition audition) {
        this.source = source;
        this.service = service;
        this.sampleRate = sampleRate;
        this.audition = audition;
        this.dacOrder = board.outputs().stream().sorted(Comparator.comparingInt(BoardConfig.Output::channel)).toList();
    }

    /** True while a test signal plays. */
    boolean testPlaying() {
        return testPlaying;
    }

    /**
     * Plays a test signal on the outputs asked for: the graph of the playing profile with only
     * those outputs fed (corrected or flat, protection always; a sweep's timing markers fed to its
     * reference output) is cross-faded in first, then the programme ramps down and the signal up.
     * Everything is checked and built before anything changes; a refusal leaves the unit as it was.
     *
     * @param limits the unit's protection limits now
     */
    void playTestSignal(Command.PlayTestSignal request, ProtectionLimits limits) throws PortException {
        ProfileService s = require(service, "play-test-signal");
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
        if (request.levelDbfs() > limits.maxTestLevelDbfs()) {
            throw new PortException(ErrorCode.REFUSED, "body.levelDbfs = " + FieldPath.number(request.levelDbfs())
                    + " is above the unit's maxTestLevelDbfs = " + FieldPath.number(limits.maxTestLevelDbfs()));
        }
        TestSignalSource signal = TestSignalRequests.source(request.signal(), request.levelDbfs(), source.channels(),
                sampleRate);
        // A test signal takes the source and the chain: an audition playing ends first.
        if (audition != null) {
            audition.stop();
        }
        // The old signal leaves before the graph changes, so it never reaches an output not under test.
        SourceSwitch.await(source::stop, source::programmePlays, "the programme");
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
        SourceSwitch.await(() -> source.play(signal), () -> source.plays(signal), "the test signal");
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
    void stopTestSignal() throws PortException {
        if (source == null || service == null) {
            return;
        }
        SourceSwitch.await(source::stop, source::programmePlays, "the programme");
        carry(service.release(), ErrorCode.INTERNAL);
        testPlaying = false;
    }

    Reply.Media listMedia() throws PortException {
        return audition("list-media").list();
    }

    /** A master starts where a test signal played: the test ends first, as stop-test-signal ends it. */
    void playMedia(Command.PlayMedia request) throws PortException {
        if (testPlaying) {
            stopTestSignal();
        }
        audition("play-media").play(request);
    }

    void mediaTransport(Command.MediaTransport request) throws PortException {
        audition("media-transport").transport(request);
    }

    /**
     * Sets up an A/B between two stored profiles (either may be bypassed); the ids are looked up
     * here, so an unknown one is refused naming its field before anything changes.
     */
    void auditionAb(Command.AuditionAb request) throws PortException {
        Audition a = audition("audition-ab");
        ProfileService s = require(service, "audition-ab");
        a.ab(side(s, request.a(), "body.a.profileId"), side(s, request.b(), "body.b.profileId"),
                request.matchLoudness());
    }

    void auditionSwitch(Command.Choice side) throws PortException {
        audition("audition-switch").switchTo(side);
    }

    void auditionPreview(Platform platform) throws PortException {
        audition("audition-preview").preview(platform);
    }

    Reply.Audition audition() throws PortException {
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
        String name = ProfileRequests.stored(s, side.profileId(), field);
        try {
            return new Audition.AbSide(side, s.profile(name));
        } catch (ProfileStoreException e) {
            throw new PortException(ErrorCode.UNKNOWN_PROFILE, field + " = " + FieldPath.quote(side.profileId())
                    + ": " + e.getMessage());
        }
    }
}
