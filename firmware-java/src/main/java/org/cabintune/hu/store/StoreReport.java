package org.cabintune.hu.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What the head unit found when it opened its profiles and chose one to play: each finding a
 * readable line for the log and the link's {@code events}. Empty when everything was whole.
 *
 * @param findings in the order found
 */
public record StoreReport(List<Finding> findings) {

    /** Takes an immutable copy. */
    public StoreReport {
        findings = List.copyOf(findings);
    }

    /** Nothing to report. */
    public static final StoreReport EMPTY = new StoreReport(List.of());

    /** What a finding means for the driver. */
    public enum Kind {
        /** A write was cut short (power cut, crash); it had not been acknowledged, so nothing was lost. */
        RECOVERED,
        /** A file was corrupt or invalid; its last good version is used instead. */
        FELL_BACK,
        /** A profile with no good version left; it is left out. */
        DROPPED,
        /** The active profile could not be used; another one was chosen. */
        ACTIVE,
        /** A stored profile cannot play on this board. */
        UNFIT,
        /** Nothing in the store could play; the built-in safe profile plays. */
        SAFE,
        /** Night mode's record had no good version; night mode is off. */
        NIGHT
    }

    /**
     * One thing found.
     *
     * @param kind    what it means
     * @param profile the profile concerned, or null for the store as a whole
     * @param message one readable line, naming the file and what was done
     */
    public record Finding(Kind kind, String profile, String message) {
        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + message;
        }
    }

    /** The report with {@code more} findings added after these. */
    public StoreReport with(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new StoreReport(all);
    }

    /** True when nothing was corrupt, missing or unplayable: at most unfinished writes were undone. */
    public boolean clean() {
        return findings.stream().allMatch(f -> f.kind() == Kind.RECOVERED);
    }

    /** One line per finding. */
    public List<String> lines() {
        return findings.stream().map(Finding::toString).toList();
    }
}
