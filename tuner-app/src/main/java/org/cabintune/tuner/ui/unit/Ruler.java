package org.cabintune.tuner.ui.unit;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import javax.swing.JComponent;

/** The scale under a {@link LevelBar}: its values every {@code step}, each under its place on the bar. */
final class Ruler extends JComponent {

    private final LevelBar bar;
    private final double step;
    private final String unit;

    Ruler(LevelBar bar, double step, String unit) {
        this.bar = bar;
        this.step = step;
        this.unit = unit;
        setForeground(Look.MUTED_TEXT);
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(small());
        return new Dimension(bar.getPreferredSize().width, fm.getHeight() + 2);
    }

    private java.awt.Font small() {
        java.awt.Font f = getFont() != null ? getFont() : javax.swing.UIManager.getFont("Label.font");
        return f.deriveFont(f.getSize2D() * 0.85f);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(small());
        g.setColor(getForeground());
        FontMetrics fm = g.getFontMetrics();
        int w = getWidth();
        for (double v = bar.min(); v <= bar.max() + 1e-9; v += step) {
            String text = String.format(Locale.ROOT, "%.0f", v) + (v + step > bar.max() + 1e-9 ? " " + unit : "");
            int width = fm.stringWidth(text);
            int x = v <= bar.min() ? 0 : bar.x(v, w);
            int left = Math.max(0, Math.min(w - width, x - (v <= bar.min() ? 0 : v + step > bar.max() + 1e-9 ? width
                    : width / 2)));
            g.drawString(text, left, fm.getAscent());
        }
        g.dispose();
    }
}
