package org.cabintune.tuner.ui.plot;

/** The plots a trace can be drawn on, with their axes. */
public enum PlotKind {
    RESPONSE("Frequency response", "Level (dB)", "dB", true),
    IMPULSE("Impulse response", "Amplitude (peak = 1)", "", false),
    PHASE("Phase", "Phase (degrees)", "\u00b0", true),
    GROUP_DELAY("Group delay", "Group delay (ms)", "ms", true),
    DISTORTION("Distortion", "Level re fundamental (dB)", "dB", true);

    /** The frequency plots' default span: the audible band. */
    public static final double LOW_HZ = 20;
    public static final double HIGH_HZ = 20_000;

    private final String title;
    private final String rangeLabel;
    private final String unit;
    private final boolean frequency;

    PlotKind(String title, String rangeLabel, String unit, boolean frequency) {
        this.title = title;
        this.rangeLabel = rangeLabel;
        this.unit = unit;
        this.frequency = frequency;
    }

    public String title() {
        return title;
    }

    /** The horizontal axis's label with its unit. */
    public String domainLabel() {
        return frequency ? "Frequency (Hz)" : "Time after the arrival (ms)";
    }

    /** The vertical axis's label with its unit. */
    public String rangeLabel() {
        return rangeLabel;
    }

    /** The unit of a value in a readout. */
    public String unit() {
        return unit;
    }

    /** Whether the horizontal axis is frequency (logarithmic) rather than time. */
    public boolean frequency() {
        return frequency;
    }

    @Override
    public String toString() {
        return title;
    }
}
