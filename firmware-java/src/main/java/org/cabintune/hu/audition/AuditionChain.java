package org.cabintune.hu.audition;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.store.ProfileService;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;

/**
 * The engine's chain as the audition borrows it: compiles the graphs it plays (the board's
 * compile of a profile for a master, with a bus gain and a trim, checked to fit the running
 * stream), holds the profile service while they play, and gives the chain back. Not
 * thread-safe: the {@link Audition} calls it under its lock.
 */
final class AuditionChain {

    /** How long the profile service may take to hold or let go of the chain, or to answer, s. */
    static final long SERVICE_TIMEOUT_S = 10;

    private final AudioEngine engine;
    private final BoardConfig board;
    private final int period;
    private final ProfileService service;
    private final Profile fallback;
    /** True while the chain plays the audition's graphs and the service is held. */
    private boolean owned;

    /**
     * @param service  the profile store's service, or null when the unit plays one profile
     * @param fallback the profile the unit plays without a store (null with one)
     */
    AuditionChain(AudioEngine engine, BoardConfig board, int period, ProfileService service, Profile fallback) {
        this.engine = engine;
        this.board = board;
        this.period = period;
        this.service = service;
        this.fallback = fallback;
    }

    /** Swaps {@code graph} in, cross-faded, holding the service first. */
    void play(ProcessingGraph graph) throws PortException {
        if (!owned) {
            if (service != null) {
                carry(service.hold(), "hold");
            }
            owned = true;
        }
        engine.swapGraph(graph);
    }

    /** Gives the chain back to the service (or the unit's one profile), when the audition holds it. */
    void giveBack() throws PortException {
        if (!owned) {
            return;
        }
        owned = false;
        if (service != null) {
            carry(service.release(), "release");
            return;
        }
        try {
            engine.swapGraph(BoardGraph.compile(board, fallback, period).graph());
        } catch (ProfileException e) {
            throw new PortException(ErrorCode.INTERNAL, "the unit's profile no longer compiles: " + e.getMessage());
        }
    }

    /** A side's graph; a profile that cannot play here is refused naming {@code field}. */
    ProcessingGraph side(Audition.AbSide side, Master m, double gainDb, double trimDb, String field)
            throws PortException {
        try {
            return side(side, m, gainDb, trimDb);
        } catch (ProfileException e) {
            throw new PortException(ErrorCode.REFUSED, field + " = " + FieldPath.quote(side.side().profileId())
                    + " cannot play here: " + String.join("; ", e.problems()));
        }
    }

    /** A side's graph: its profile, or that profile flat when the side is bypassed. */
    ProcessingGraph side(Audition.AbSide side, Master m, double gainDb, double trimDb) throws ProfileException {
        return compile(side.side().bypassed() ? ProfileService.flat(side.profile()) : side.profile(), m, gainDb, trimDb);
    }

    /** The profile the service plays (flat when it bypasses), or the unit's one profile, with a bus gain. */
    ProcessingGraph normal(Master m, double gainDb) throws PortException {
        Profile normal = normalProfile();
        try {
            return compile(normal, m, gainDb, 0);
        } catch (ProfileException e) {
            throw new PortException(ErrorCode.REFUSED, "\"" + normal.name() + "\" cannot play the preview: "
                    + String.join("; ", e.problems()));
        }
    }

    private Profile normalProfile() throws PortException {
        if (service == null) {
            return fallback;
        }
        Profile current = await(service.current(), "answer");
        if (current == null) {
            throw new PortException(ErrorCode.REFUSED, "the unit plays its built-in safe profile; select a stored"
                    + " profile to preview through");
        }
        return service.bypassed() ? ProfileService.flat(current) : current;
    }

    /** The board's compile of {@code profile} for {@code m}, checked to fit the running stream. */
    private ProcessingGraph compile(Profile profile, Master m, double gainDb, double trimDb) throws ProfileException {
        ProcessingGraph graph;
        try {
            graph = BoardGraph.compile(board, profile, period, m.programme(), gainDb, trimDb).graph();
        } catch (IllegalArgumentException e) {
            throw new ProfileException(List.of("with the preview's " + String.format(Locale.ROOT, "%+.1f", gainDb)
                    + " dB: " + e.getMessage()));
        }
        int inputs = engine.context().graph().inputs();
        if (graph.inputs() != inputs || graph.sampleRate() != engine.context().sampleRate()) {
            throw new ProfileException(List.of("profile.inputs has " + graph.inputs() + " channel(s) at "
                    + graph.sampleRate() + " Hz; the stream runs " + inputs + " at " + engine.context().sampleRate()
                    + " Hz"));
        }
        return graph;
    }

    /** Waits for the service; a refusal of a hold or a release is the unit's fault. */
    private static void carry(CompletableFuture<ProfileService.Result> request, String what) throws PortException {
        ProfileService.Result result = await(request, what);
        if (!result.done()) {
            throw new PortException(ErrorCode.INTERNAL, String.join("; ", result.messages()));
        }
    }

    private static <T> T await(CompletableFuture<T> request, String what) throws PortException {
        try {
            return request.get(SERVICE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException(ErrorCode.INTERNAL, "interrupted while the profile service would " + what);
        } catch (ExecutionException | TimeoutException e) {
            throw new PortException(ErrorCode.INTERNAL, "the profile service did not " + what + ": " + e);
        }
    }
}
