package org.cabintune.hu.store;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.store.StoreReport.Finding;
import org.cabintune.hu.store.StoreReport.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * The profile the head unit starts with: the store's active one if it plays on the board,
 * else the first stored one that does, else the {@linkplain SafeProfile built-in safe profile}.
 * The unit never refuses to play for what the store holds; every step away from the active
 * profile is in the report.
 *
 * @param profile what plays
 * @param name    its name in the store, or null for the safe profile
 * @param graph   compiled for the board
 * @param report  the store's report and what choosing found
 */
public record ProfileChoice(Profile profile, String name, BoardGraph graph, StoreReport report) {

    /**
     * Chooses and compiles the starting profile.
     *
     * @throws ProfileException only when not even the safe profile can run on the board (its
     *     sample rate is none a profile may have)
     */
    public static ProfileChoice choose(ProfileStore store, BoardConfig board, int maxFrames) throws ProfileException {
        List<String> order = new ArrayList<>();
        store.activeName().ifPresent(order::add);
        store.list().stream().filter(n -> !order.contains(n)).forEach(order::add);
        List<Finding> findings = new ArrayList<>();
        for (String name : order) {
            Profile profile;
            try {
                profile = store.get(name);
            } catch (ProfileStoreException e) {
                throw new IllegalStateException(e);
            }
            try {
                BoardGraph graph = BoardGraph.compile(board, profile, maxFrames);
                if (!findings.isEmpty()) {
                    findings.add(new Finding(Kind.ACTIVE, name, "\"" + name + "\" plays instead of the active profile"));
                }
                return new ProfileChoice(profile, name, graph, store.report().with(findings));
            } catch (ProfileException e) {
                findings.add(unfit(name, board, e));
            }
        }
        Profile safe = SafeProfile.forBoard(board);
        findings.add(new Finding(Kind.SAFE, null, (order.isEmpty() ? "the store in " + store.directory()
                + " holds no valid profile" : "no stored profile can play on board " + board.id())
                + "; the built-in profile \"" + SafeProfile.NAME + "\" plays (quiet, protected, untuned)"));
        return new ProfileChoice(safe, null, BoardGraph.compile(board, safe, maxFrames), store.report().with(findings));
    }

    /** The finding for a stored profile that cannot play on the board. */
    static Finding unfit(String name, BoardConfig board, ProfileException e) {
        return new Finding(Kind.UNFIT, name, "\"" + name + "\" cannot play on board " + board.id() + ": "
                + String.join("; ", e.problems()));
    }
}
