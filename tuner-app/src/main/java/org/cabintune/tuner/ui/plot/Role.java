package org.cabintune.tuner.ui.plot;

/** What a curve is in a comparison; each role keeps one colour on every plot (and in the HTML report). */
public enum Role {
    /** A measurement on its own. */
    MEASUREMENT("measurement"),
    /** Measured before the correction. */
    BEFORE("before"),
    /** The target (house) curve. */
    TARGET("target"),
    /** What the correction's exact quantised filters predict. */
    PREDICTED("predicted"),
    /** Measured with the correction playing. */
    AFTER("after");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The word shown in legends. */
    public String label() {
        return label;
    }
}
