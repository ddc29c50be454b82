package org.cabintune.hu.run;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.hu.store.NightProfiles;
import org.cabintune.hu.store.ProfileChoice;
import org.cabintune.hu.store.ProfileStore;
import org.cabintune.hu.store.ProfileStoreException;
import org.cabintune.link.protocol.FieldPath;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The profile {@code run} starts with, compiled for the board: a profile file, or the profile
 * store's choice ({@link ProfileChoice}), in which case the store stays open for switching. When
 * the store recorded night mode on, the graph is the profile's night variant
 * ({@link NightProfiles}), so a unit started at night plays at night from its first sample.
 *
 * @param profile what plays first
 * @param path    where it came from, for the statistics: a file, or {@code (built-in)}
 * @param graph   compiled for the board
 * @param store   the open store, or null when the profile came from a file
 * @param night   true when {@code graph} is the night variant
 * @param report  what the store and the choice found, one line each; empty for a file
 */
record StartingProfile(Profile profile, String path, BoardGraph graph, ProfileStore store, boolean night,
                       List<String> report) {

    /** Why run cannot start, in one message for the user. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The profile in {@code file}, which must play on the board. */
    static StartingProfile fromFile(Path file, BoardConfig board, int maxFrames) throws Refused, IOException {
        Profile profile = parse(file);
        return new StartingProfile(profile, file.toString(), compile(file, profile, board, maxFrames), null, false,
                List.of());
    }

    /**
     * The store's choice. {@code imported}, when given, is first stored (replacing a profile of
     * its name) and selected; an empty store is first given the board's own profile.
     */
    static StartingProfile fromStore(Path dir, Path imported, Path boardProfile, BoardConfig board, int maxFrames)
            throws Refused, IOException {
        ProfileStore store;
        try {
            store = ProfileStore.open(dir);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new Refused("profile store " + dir + " cannot be opened: permission denied on " + e.getFile()
                    + "; give another directory with --profiles DIR");
        } catch (IOException e) {
            throw new Refused("profile store " + dir + " cannot be opened: " + e.getMessage());
        }
        try {
            List<String> report = new ArrayList<>();
            if (imported != null) {
                Profile profile = parse(imported);
                compile(imported, profile, board, maxFrames);
                store(store, profile, imported);
                store.select(profile.name());
                report.add("stored " + imported + " as \"" + profile.name() + "\" and selected it");
            } else if (store.list().isEmpty()) {
                seed(store, boardProfile, board, maxFrames, report);
            }
            ProfileChoice choice = ProfileChoice.choose(store, board, maxFrames);
            report.addAll(choice.report().lines());
            String path = choice.name() == null ? "(built-in)" : store.fileOf(choice.name()).toString();
            BoardGraph night = store.night() ? atNight(choice, board, maxFrames, report) : null;
            return new StartingProfile(choice.profile(), path, night != null ? night : choice.graph(), store,
                    night != null, List.copyOf(report));
        } catch (Refused | IOException | RuntimeException e) {
            store.close();
            throw e;
        } catch (ProfileStoreException e) {
            store.close();
            throw new Refused(e.getMessage());
        } catch (ProfileException e) {
            store.close();
            throw new Refused("no profile can play on board " + board.id() + ", not even the built-in one: "
                    + String.join("; ", e.problems()));
        }
    }

    /**
     * The chosen profile's night variant, for a store that recorded night mode on; null, said in
     * the report, when the built-in profile plays (it has no night mode) or the variant cannot play.
     */
    private static BoardGraph atNight(ProfileChoice choice, BoardConfig board, int maxFrames, List<String> report) {
        if (choice.name() == null) {
            report.add("night mode was left on, but the built-in profile plays, which has none; night mode is off");
            return null;
        }
        try {
            BoardGraph graph = BoardGraph.compile(board, NightProfiles.forNight(choice.profile()), maxFrames);
            report.add("night mode is on, as it was left: the night compressor plays and the volume starts at "
                    + FieldPath.number(HeadUnitRemote.NIGHT_MAX_VOLUME_DB) + " dB");
            return graph;
        } catch (ProfileException e) {
            report.add("night mode was left on, but \"" + choice.name() + "\" cannot play at night on board " + board.id()
                    + ": " + String.join("; ", e.problems()) + "; night mode is off");
            return null;
        }
    }

    /** Closes the store, if one is open. */
    void close() throws IOException {
        if (store != null) {
            store.close();
        }
    }

    /** Gives an empty store the board's profile, when it is whole and plays; says what happened. */
    private static void seed(ProfileStore store, Path boardProfile, BoardConfig board, int maxFrames, List<String> report)
            throws IOException {
        try {
            Profile profile = parse(boardProfile);
            compile(boardProfile, profile, board, maxFrames);
            store(store, profile, boardProfile);
            report.add("the store was empty: stored the board's profile " + boardProfile + " as \"" + profile.name() + "\"");
        } catch (Refused e) {
            report.add("the store is empty and the board's profile cannot be stored: " + e.getMessage());
        }
    }

    private static void store(ProfileStore store, Profile profile, Path file) throws Refused, IOException {
        try {
            store.put(profile);
        } catch (ProfileStoreException e) {
            throw new Refused("profile " + file + " cannot be stored: " + e.getMessage());
        } catch (ProfileException e) {
            throw new Refused("profile " + file + " is not valid:\n" + e.getMessage());
        }
    }

    private static Profile parse(Path file) throws Refused, IOException {
        try {
            return ProfileParser.parse(file);
        } catch (NoSuchFileException e) {
            throw new Refused("profile " + file + " does not exist");
        } catch (ProfileException e) {
            throw new Refused("profile " + file + " is not valid:\n" + e.getMessage());
        }
    }

    private static BoardGraph compile(Path file, Profile profile, BoardConfig board, int maxFrames) throws Refused {
        try {
            return BoardGraph.compile(board, profile, maxFrames);
        } catch (ProfileException e) {
            throw new Refused("profile " + file + " cannot play on board " + board.id() + ":\n  "
                    + String.join("\n  ", e.problems()));
        }
    }
}
