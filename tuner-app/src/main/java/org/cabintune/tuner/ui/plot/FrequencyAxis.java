package org.cabintune.tuner.ui.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A logarithmic frequency axis labelled as audio people read it: 20, 50, 100, 200, 500, 1k, 2k,
 * 5k, 10k, 20k, with unlabelled minor ticks at the other whole multiples of each decade; every
 * multiple is labelled once zoomed in too far for those.
 */
public final class FrequencyAxis extends LogAxis {

    private static final int MIN_LABELS = 3;

    public FrequencyAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1);
        setMinorTickMarksVisible(true);
    }

    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        if (!RectangleEdge.isTopOrBottom(edge)) {
            return super.refreshTicks(g2, state, dataArea, edge);
        }
        List<NumberTick> ticks = ticks(getLowerBound(), getUpperBound(), false);
        long labelled = ticks.stream().filter(t -> t.getTickType() == TickType.MAJOR).count();
        if (labelled < MIN_LABELS) {
            ticks = ticks(getLowerBound(), getUpperBound(), true);
            if (ticks.size() < MIN_LABELS) {
                return super.refreshTicks(g2, state, dataArea, edge);
            }
        }
        return ticks;
    }

    private static List<NumberTick> ticks(double low, double high, boolean allLabelled) {
        List<NumberTick> out = new ArrayList<>();
        for (int decade = (int) Math.floor(Math.log10(low)); Math.pow(10, decade) <= high; decade++) {
            double unit = Math.pow(10, decade);
            for (int m = 1; m <= 9; m++) {
                double f = m * unit;
                if (f < low || f > high) {
                    continue;
                }
                boolean major = allLabelled || m == 1 || m == 2 || m == 5;
                out.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, f, major ? Units.tick(f) : "",
                        TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0));
            }
        }
        return out;
    }
}
