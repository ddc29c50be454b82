package org.cabintune.hu.store;

import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.engine.AudioEngine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Switches the running engine between stored profiles, for whatever asks: the profile buttons,
 * the link, the web page. Each request runs on the service's own thread, in order: the profile
 * is compiled for the board there (off the audio thread), the selection is recorded in the
 * store, and only then is the graph handed to the engine, which warms it up and cross-fades
 * to it ({@link AudioEngine#swapGraph}), so a switch never clicks. A request that cannot be
 * carried out (unknown name, a profile that does not fit the board, a disk that refuses the
 * write) changes nothing: the same profile keeps playing and the store keeps its selection,
 * and the result says why.
 *
 * <p><b>Bypass</b> (the A/B of a tuning) plays each profile flat: its routing and mix, no
 * filters, delays, trims or bus, with the board's protection added as always. It is a graph
 * like any other, compiled here and cross-faded in, and it stays on across profile switches
 * until it is turned off.
 *
 * <p><b>Night mode</b> plays each profile through the night compressor and limiter
 * ({@link NightProfiles}): the same kind of graph, compiled here and cross-faded in, kept across
 * profile switches (and over bypass, which then keeps the night compressor) until it is turned off.
 * It is recorded in the store before the graph is handed over, so a restart plays at night
 * again ({@link ProfileStore#night()}); a write that fails changes nothing.
 *
 * <p><b>Test signals</b> play through a variant of the playing profile ({@link #startTest},
 * {@link TestProfiles}): corrected or flat, with only the outputs under test (and a stimulus's
 * reference output) fed, and the board's protection as always. While it plays, selecting, replacing or bypassing a profile is done as
 * usual (compiled, checked, recorded) except that the engine keeps the test's graph; the
 * outcome is cross-faded in when the test ends ({@link #release}).
 *
 * <p><b>Held</b>: the audition of masters plays graphs of its own (an A/B, a platform preview)
 * and {@linkplain #hold holds} the service as a test does: requests are carried out and
 * recorded, and the engine keeps the audition's graph until {@link #release}.
 */
public final class ProfileService implements AutoCloseable {

    /**
     * What a request did.
     *
     * @param done     true when it was carried out
     * @param playing  the profile playing afterwards
     * @param messages why it was not done; or, when done, what the board added to the profile
     *                 and which profiles were passed over
     */
    public record Result(boolean done, String playing, List<String> messages) {
        public Result {
            messages = List.copyOf(messages);
        }
    }

    private final ProfileStore store;
    private final BoardConfig board;
    private final AudioEngine engine;
    private final int maxFrames;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cabintune-profiles");
        t.setDaemon(true);
        return t;
    });
    private volatile String playing;
    private volatile boolean bypassed;
    private volatile boolean night;
    private Profile current;
    /** True while a test signal's or the audition's graph plays; the service's thread only. */
    private boolean held;

    /**
     * @param playing the profile the engine was started with (its store name, or the safe
     *                profile's {@link SafeProfile#NAME})
     * @param night   true when the engine was started with that profile's night variant
     *                ({@link NightProfiles#forNight}); only a stored profile has one
     */
    public ProfileService(ProfileStore store, BoardConfig board, AudioEngine engine, int maxFrames, String playing,
                          boolean night) {
        this.store = store;
        this.board = board;
        this.engine = engine;
        this.maxFrames = maxFrames;
        this.playing = playing;
        try {
            this.current = store.list().contains(playing) ? store.get(playing) : null;
        } catch (ProfileStoreException e) {
            this.current = null;
        }
        if (night && current == null) {
            throw new IllegalArgumentException("night mode needs a stored profile playing, not \"" + playing + "\"");
        }
        this.night = night;
    }

    /** The name of the profile playing; any thread. */
    public String playing() {
        return playing;
    }

    /** True while the profiles play flat ({@link #bypass}). */
    public boolean bypassed() {
        return bypassed;
    }

    /** True while the profiles play through the night compressor ({@link #night(boolean)}). */
    public boolean night() {
        return night;
    }

    /**
     * The profile playing as stored, or null when it is not a stored one (the built-in safe
     * profile); the service's view as of its last request.
     */
    public CompletableFuture<Profile> current() {
        return CompletableFuture.supplyAsync(() -> current, worker);
    }

    /** The stored profile {@code name}. */
    public Profile profile(String name) throws ProfileStoreException {
        return store.get(name);
    }

    /** The stored profiles' names, in the order the buttons walk them. */
    public List<String> profiles() {
        return store.list();
    }

    /** Switches to the stored profile {@code name}. */
    public CompletableFuture<Result> select(String name) {
        return submit(() -> {
            Profile profile;
            try {
                profile = store.get(name);
            } catch (ProfileStoreException e) {
                return failed(e.getMessage());
            }
            try {
                return switchTo(name, compile(profile), List.of());
            } catch (ProfileException e) {
                return failed(ProfileChoice.unfit(name, board, e).message());
            }
        });
    }

    /** Switches to the next stored profile that plays on the board, wrapping around (the "next" button). */
    public CompletableFuture<Result> next() {
        return submit(() -> step(1));
    }

    /** Switches to the previous stored profile that plays on the board, wrapping around. */
    public CompletableFuture<Result> previous() {
        return submit(() -> step(-1));
    }

    /**
     * Stores {@code profile} (a tuner's push), refusing it when it cannot play on this board;
     * when it replaces the profile playing, the new version is switched to at once.
     */
    public CompletableFuture<Result> put(Profile profile) {
        return submit(() -> {
            BoardGraph graph;
            try {
                graph = compile(profile);
            } catch (ProfileException e) {
                return failed(ProfileChoice.unfit(profile.name(), board, e).message() + "; it was not stored");
            }
            try {
                store.put(profile);
            } catch (ProfileStoreException e) {
                return failed(e.getMessage());
            } catch (ProfileException e) {
                return failed("profile \"" + profile.name() + "\" is not valid: " + String.join("; ", e.problems()));
            }
            if (profile.name().equals(playing)) {
                return switchTo(profile.name(), graph, List.of());
            }
            return new Result(true, playing, List.of("stored \"" + profile.name() + "\""));
        });
    }

    /** Removes the stored profile {@code name}; refused for the one playing and the store's active one. */
    public CompletableFuture<Result> delete(String name) {
        return submit(() -> {
            if (name.equals(playing)) {
                return failed("\"" + name + "\" is playing; select another profile before deleting it");
            }
            try {
                store.delete(name);
            } catch (ProfileStoreException e) {
                return failed(e.getMessage());
            }
            return new Result(true, playing, List.of("deleted \"" + name + "\""));
        });
    }

    /** Plays the profile flat ({@code true}) or corrected again, cross-faded either way. */
    public CompletableFuture<Result> bypass(boolean on) {
        return submit(() -> on == bypassed ? new Result(true, playing, List.of())
                : playAs(on, night, "so there is no correction to " + (on ? "bypass" : "bring back")));
    }

    /** Plays the profile through the night compressor ({@code true}) or its own bus again, cross-faded either way. */
    public CompletableFuture<Result> night(boolean on) {
        return submit(() -> on == night ? new Result(true, playing, List.of())
                : playAs(bypassed, on, "so there is no profile to play " + (on ? "at" : "after") + " night"));
    }

    /**
     * Cross-fades to the current profile played flat or corrected, at night or not, and keeps
     * both settings, night mode recorded in the store first; without a stored profile playing,
     * refuses saying {@code why} after its name.
     */
    private Result playAs(boolean flat, boolean atNight, String why) throws IOException {
        if (current == null) {
            return failed("\"" + playing + "\" is not a stored profile, " + why);
        }
        BoardGraph graph;
        try {
            graph = BoardGraph.compile(board, variant(current, flat, atNight), maxFrames);
        } catch (ProfileException e) {
            return failed(ProfileChoice.unfit(playing, board, e).message());
        }
        if (atNight != night) {
            store.recordNight(atNight);
        }
        if (!held) {
            engine.swapGraph(graph.graph());
        }
        bypassed = flat;
        night = atNight;
        return new Result(true, playing, List.of());
    }

    /**
     * Swaps in the playing profile's graph for a test signal ({@link TestProfiles#forTest}):
     * corrected ({@code flat} false) or flat, the outputs named in {@code speakers} fed the signal
     * and {@code reference} (or null) a stimulus's timing markers, the board's protection on all.
     * The future completes once the engine's cross-fade to it is over.
     */
    public CompletableFuture<Result> startTest(Set<String> speakers, String reference, boolean flat) {
        return submit(() -> {
            if (current == null) {
                return failed("\"" + playing + "\" is not a stored profile, so there is no correction to play a test"
                        + " signal through; select a stored profile first");
            }
            BoardGraph graph;
            try {
                graph = BoardGraph.compile(board, TestProfiles.forTest(current, speakers, reference, flat), maxFrames);
            } catch (ProfileException e) {
                return failed(ProfileChoice.unfit(playing, board, e).message());
            } catch (IllegalArgumentException e) {
                return failed(e.getMessage());
            }
            engine.swapGraph(graph.graph());
            held = true;
            awaitCrossfade();
            return new Result(true, playing, List.of());
        });
    }

    /**
     * Keeps the engine's graph as it is (another part of the unit is about to swap in its own):
     * later requests are carried out and recorded but not swapped in until {@link #release}.
     */
    public CompletableFuture<Result> hold() {
        return submit(() -> {
            held = true;
            return new Result(true, playing, List.of());
        });
    }

    /**
     * Ends a test signal's or the audition's hold: swaps the normal graph of the profile playing
     * back in (with what was selected or bypassed meanwhile).
     */
    public CompletableFuture<Result> release() {
        return submit(() -> {
            if (!held) {
                return new Result(true, playing, List.of());
            }
            try {
                engine.swapGraph(compile(current).graph());
            } catch (ProfileException e) {
                return failed(ProfileChoice.unfit(playing, board, e).message());
            }
            held = false;
            return new Result(true, playing, List.of());
        });
    }

    /** Waits (on the service's thread) until the engine has finished a cross-fade, at most 2 s. */
    private void awaitCrossfade() {
        long end = System.nanoTime() + 2_000_000_000L;
        while (engine.switching() && System.nanoTime() < end) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@code profile} without its correction: same routing and protection, no filters, delay, trim or bus. */
    public static Profile flat(Profile profile) {
        List<Output> outputs = profile.outputs().stream().map(o -> new Output(o.name(), o.role(), o.mix(), List.of(),
                0, 0, false, o.protect())).toList();
        return new Profile(profile.format(), profile.name(), profile.sampleRate(), profile.inputs(), Bus.OFF, outputs);
    }

    /** Stops the service's thread; requests already queued are dropped. */
    @Override
    public void close() {
        worker.shutdownNow();
    }

    private Result step(int direction) throws IOException {
        List<String> names = store.list();
        if (names.isEmpty()) {
            return failed("the store holds no profile");
        }
        int at = names.indexOf(playing);
        List<String> passed = new ArrayList<>();
        for (int k = 1; k <= names.size(); k++) {
            String name = names.get(Math.floorMod((at < 0 && direction < 0 ? 0 : at) + direction * k, names.size()));
            if (name.equals(playing)) {
                break;
            }
            try {
                return switchTo(name, compile(store.get(name)), passed);
            } catch (ProfileException e) {
                passed.add("passed over " + ProfileChoice.unfit(name, board, e).message());
            } catch (ProfileStoreException e) {
                passed.add("passed over \"" + name + "\": " + e.getMessage());
            }
        }
        passed.add(0, "no other stored profile plays on board " + board.id());
        return new Result(false, playing, passed);
    }

    /** What plays of {@code profile}: flat or corrected, through the night compressor or its own bus. */
    private static Profile variant(Profile profile, boolean flat, boolean night) {
        Profile played = flat ? flat(profile) : profile;
        return night ? NightProfiles.forNight(played) : played;
    }

    private BoardGraph compile(Profile profile) throws ProfileException {
        BoardGraph graph = BoardGraph.compile(board, variant(profile, bypassed, night), maxFrames);
        // A profile that plays only flat or at night must not be stored or selected: either can end any moment.
        if (bypassed || night) {
            BoardGraph.compile(board, profile, maxFrames);
        }
        ProcessingGraph running = engine.context().graph();
        if (graph.graph().inputs() != running.inputs()) {
            throw new ProfileException(List.of("profile.inputs has " + graph.graph().inputs()
                    + " channel(s); the stream runs " + running.inputs()));
        }
        return graph;
    }

    /** Records the selection, then hands the graph over: a failed write leaves everything as it was. */
    private Result switchTo(String name, BoardGraph graph, List<String> passed) throws IOException {
        Profile selected;
        try {
            selected = store.select(name);
        } catch (ProfileStoreException e) {
            return failed(e.getMessage());
        }
        if (!held) {
            engine.swapGraph(graph.graph());
        }
        current = selected;
        playing = name;
        List<String> messages = new ArrayList<>(passed);
        graph.added().forEach(a -> messages.add("protection: " + a));
        return new Result(true, name, messages);
    }

    private Result failed(String why) {
        return new Result(false, playing, List.of(why));
    }

    private interface Request {
        Result run() throws IOException;
    }

    private CompletableFuture<Result> submit(Request request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.run();
            } catch (IOException e) {
                return failed("the profile store could not be written (" + e.getMessage() + "); nothing changed");
            }
        }, worker);
    }
}
