package org.cabintune.tuner.ui.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** A chart dressed in the current look and feel's colours and fonts, so plots match the light or dark theme. */
public final class ChartStyle {

    private ChartStyle() {
    }

    /** Styles {@code chart}; false when the look and feel is not installed yet (nothing changed). */
    public static boolean apply(JFreeChart chart) {
        Color background = UIManager.getColor("Panel.background");
        Color foreground = UIManager.getColor("Label.foreground");
        Color field = UIManager.getColor("TextField.background");
        Color grid = UIManager.getColor("Component.borderColor");
        Font font = UIManager.getFont("Label.font");
        if (background == null || foreground == null || field == null || grid == null || font == null) {
            return false;
        }
        chart.setBackgroundPaint(background);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(font.deriveFont(Font.BOLD, font.getSize2D() + 3));
            chart.getTitle().setPaint(foreground);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(field);
        plot.setOutlinePaint(grid);
        plot.setNoDataMessageFont(font.deriveFont(font.getSize2D() + 1));
        plot.setNoDataMessagePaint(foreground);
        switch (plot) {
            case XYPlot xy -> {
                xy.setDomainGridlinePaint(grid);
                xy.setRangeGridlinePaint(grid);
                xy.setDomainMinorGridlinesVisible(true);
                xy.setDomainMinorGridlinePaint(blend(grid, field));
                xy.setDomainGridlineStroke(new BasicStroke(1f));
                xy.setRangeGridlineStroke(new BasicStroke(1f));
                xy.setDomainMinorGridlineStroke(new BasicStroke(0.6f));
                xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
                for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                    axis(xy.getRangeAxis(i), font, foreground, grid);
                }
                axis(xy.getDomainAxis(), font, foreground, grid);
            }
            case CategoryPlot c -> {
                c.setRangeGridlinePaint(grid);
                c.setRangeGridlineStroke(new BasicStroke(1f));
                c.setAxisOffset(RectangleInsets.ZERO_INSETS);
                axis(c.getRangeAxis(), font, foreground, grid);
                axis(c.getDomainAxis(), font, foreground, grid);
            }
            default -> { }
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(background);
            legend.setItemPaint(foreground);
            legend.setItemFont(font);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        return true;
    }

    private static void axis(Axis axis, Font font, Color foreground, Color grid) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(font.deriveFont(Font.BOLD));
        axis.setLabelPaint(foreground);
        axis.setTickLabelFont(font);
        axis.setTickLabelPaint(foreground);
        axis.setAxisLinePaint(grid);
        axis.setTickMarkPaint(grid);
    }

    private static Color blend(Color a, Color b) {
        return new Color((a.getRed() + b.getRed()) / 2, (a.getGreen() + b.getGreen()) / 2, (a.getBlue() + b.getBlue()) / 2);
    }
}
