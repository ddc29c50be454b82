package org.cabintune.hu.controls;

/**
 * What the head unit is doing, as the status LED shows it. Each state has its own blink
 * pattern: durations in milliseconds, alternately on and off, starting on, repeated; an empty
 * pattern is steady on. The patterns are documented in {@code docs/boards.md}.
 */
public enum UnitState {
    /** Starting: the stream is not yet playing through the amplifier. Fast flicker, 5 Hz. */
    BOOTING(100, 100),
    /** Playing through the amplifier. Steady on. */
    PLAYING,
    /** Muted by the user. A short blink once a second. */
    MUTED(100, 900),
    /** The stream or a control failed. Three short flashes, then a pause, every 1.5 s. */
    FAULT(100, 100, 100, 100, 100, 1100);

    private final int[] patternMs;

    UnitState(int... patternMs) {
        this.patternMs = patternMs;
    }

    /** The blink pattern: on, off, on, off, ... in milliseconds; empty for steady on. */
    public int[] patternMs() {
        return patternMs.clone();
    }

    int phases() {
        return patternMs.length;
    }

    int phaseMs(int phase) {
        return patternMs[phase];
    }
}
