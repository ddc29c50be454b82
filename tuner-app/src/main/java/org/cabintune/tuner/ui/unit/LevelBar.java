package org.cabintune.tuner.ui.unit;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;

/**
 * A horizontal level bar on a linear scale from {@code min} to {@code max} (dB, LUFS, per
 * cent): a fill for the level, a thin line for its peak, coloured by zone (good below
 * {@code warn}, warning below {@code bad}, bad above), and light ticks every {@code tick}.
 * Values below the scale (silence, -200 from the unit) leave it empty.
 */
final class LevelBar extends JComponent {

    private final double min;
    private final double max;
    private final double warn;
    private final double bad;
    private final double tick;
    private final Color fixed;
    private double level = Double.NEGATIVE_INFINITY;
    private double peak = Double.NEGATIVE_INFINITY;

    /** A bar coloured by zone. */
    LevelBar(double min, double max, double warn, double bad, double tick) {
        this(min, max, warn, bad, tick, null);
    }

    /** A bar of one colour (loudness: no level is wrong in itself). */
    LevelBar(double min, double max, double tick, Color colour) {
        this(min, max, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, tick, colour);
    }

    private LevelBar(double min, double max, double warn, double bad, double tick, Color fixed) {
        this.min = min;
        this.max = max;
        this.warn = warn;
        this.bad = bad;
        this.tick = tick;
        this.fixed = fixed;
        setPreferredSize(new Dimension(240, 14));
        setMinimumSize(new Dimension(60, 10));
    }

    /** Shows {@code level} as the fill and {@code peak} as the line (NaN: none). */
    void set(double level, double peak) {
        if (Double.compare(level, this.level) != 0 || Double.compare(peak, this.peak) != 0) {
            this.level = level;
            this.peak = peak;
            repaint();
        }
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = getWidth();
        int h = getHeight();
        int arc = Math.min(h, 8);
        g.setColor(Look.TRACK);
        g.fillRoundRect(0, 0, w, h, arc, arc);
        int fill = x(level, w);
        if (fill > 0) {
            g.setColor(colour(level));
            g.fillRoundRect(0, 0, fill, h, arc, arc);
        }
        g.setColor(new Color(255, 255, 255, 150));
        for (double t = Math.ceil(min / tick) * tick + tick; t < max; t += tick) {
            int xt = x(t, w);
            g.drawLine(xt, 1, xt, h - 2);
        }
        int xp = x(peak, w);
        if (xp > 0) {
            g.setColor(colour(peak).darker());
            g.fillRect(Math.min(xp, w - 2) - 1, 0, 3, h);
        }
        g.dispose();
    }

    /** Where {@code value} lies on a bar {@code width} wide, px. */
    int x(double value, int width) {
        if (!(value > min)) {
            return 0;
        }
        return (int) Math.round(Math.min(1, (value - min) / (max - min)) * width);
    }

    private Color colour(double value) {
        if (fixed != null) {
            return fixed;
        }
        return value >= bad ? Look.BAD : value >= warn ? Look.WARN : Look.GOOD;
    }
}
