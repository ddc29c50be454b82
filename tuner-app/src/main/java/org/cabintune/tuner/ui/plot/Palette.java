package org.cabintune.tuner.ui.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * Colours and strokes of the lines: each role keeps the colour the HTML report gives it
 * (before grey, target green, predicted orange, after blue), brightened on the dark theme;
 * several lines of one role are told apart by mixing in a colour-blind-safe palette.
 */
public final class Palette {

    private static final Color[] LIGHT = {new Color(0x1f77b4), new Color(0x808080), new Color(0x2a9d3a),
            new Color(0xd98a00), new Color(0x1f5fbf)};
    private static final Color[] DARK = {new Color(0x5aa9e6), new Color(0xa8a8a8), new Color(0x52c867),
            new Color(0xffb020), new Color(0x6aa6ff)};
    /** Okabe and Ito's palette (2008), which stays distinct for the common colour-vision deficiencies. */
    private static final Color[] MIX = {new Color(0xd55e00), new Color(0xcc79a7), new Color(0x009e73),
            new Color(0xe69f00), new Color(0x56b4e9), new Color(0xf0e442), new Color(0x0072b2)};

    private Palette() {
    }

    /** The colour of the {@code shade}-th line of {@code role}. */
    public static Color color(Role role, int shade, boolean dark) {
        Color base = (dark ? DARK : LIGHT)[role.ordinal()];
        if (shade == 0) {
            return base;
        }
        Color mix = MIX[(shade - 1) % MIX.length];
        double w = role == Role.MEASUREMENT ? 1.0 : 0.45;
        return new Color((int) Math.round(base.getRed() * (1 - w) + mix.getRed() * w),
                (int) Math.round(base.getGreen() * (1 - w) + mix.getGreen() * w),
                (int) Math.round(base.getBlue() * (1 - w) + mix.getBlue() * w));
    }

    /** The line: dashed for targets (a goal, not a measurement), thicker for what the correction does. */
    public static Stroke stroke(Role role) {
        return switch (role) {
            case TARGET -> new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {8, 5}, 0);
            case PREDICTED, AFTER -> new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            case MEASUREMENT, BEFORE -> new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        };
    }
}
