package org.cabintune.tuner.ui.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.Predicate;
import javax.swing.UIManager;
import org.cabintune.tuner.ui.Theme;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.panel.CrosshairOverlay;
import org.jfree.chart.plot.Crosshair;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A JFreeChart plot of {@link Series} in the tuner's style: a logarithmic frequency axis
 * (20 Hz - 20 kHz until zoomed) or a linear time axis, colours by role ({@link Palette}), a
 * legend, zoom by dragging a rectangle or turning the wheel (reset: double-click or
 * {@link #resetZoom}), a vertical cursor line whose position goes to {@link #onCursor}, and
 * colours that follow the light or dark theme.
 */
public class ChartView extends ChartPanel {

    private static final double WHEEL_ZOOM = 1.15;
    /** The most a level axis shows from its top, dB. */
    static final double LEVEL_SPAN_DB = 80;

    private final XYPlot plot;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final Crosshair cursor = new Crosshair(Double.NaN);
    private PlotKind kind;
    /** Whether the person zoomed in: then new data keeps the view, else every show fits it. */
    private boolean zoomed;
    private List<Series> shown = List.of();
    private DoubleConsumer cursorListener = x -> { };
    private Predicate<MouseWheelEvent> wheelHook = e -> false;

    public ChartView(PlotKind kind) {
        super(new JFreeChart(null, null, new XYPlot(), true), 800, 480, 300, 200, 4000, 3000, true, true, true, true,
                true, false);
        this.plot = getChart().getXYPlot();
        this.kind = kind;
        plot.setDataset(0, data);
        plot.setRenderer(0, renderer);
        plot.setDomainPannable(true);
        getChart().setPadding(new org.jfree.chart.ui.RectangleInsets(4, 8, 4, 18));
        plot.setRangePannable(true);
        // One path per line, so a dashed target stays dashed across its many short segments.
        renderer.setDrawSeriesLineAsPath(true);
        plot.setNoDataMessage("Nothing to show yet: open a measurement, a target or a calibration folder (File menu)");
        CrosshairOverlay overlay = new CrosshairOverlay();
        overlay.addDomainCrosshair(cursor);
        addOverlay(overlay);
        setMouseWheelEnabled(false);
        addMouseWheelListener(this::wheel);
        setZoomAroundAnchor(true);
        axes(kind);
        restyle();
    }

    public XYPlot plot() {
        return plot;
    }

    public PlotKind kind() {
        return kind;
    }

    /** The series drawn now. */
    public List<Series> shown() {
        return shown;
    }

    /** Draws {@code series} on a plot of {@code newKind}, keeping the zoom when the kind stays. */
    public void show(PlotKind newKind, List<Series> series) {
        boolean sameKind = newKind == kind;
        if (!sameKind) {
            kind = newKind;
            axes(newKind);
        }
        shown = List.copyOf(series);
        data.removeAllSeries();
        for (int i = 0; i < shown.size(); i++) {
            Series s = shown.get(i);
            XYSeries xy = new XYSeries(s.label() + "#" + i, false, true);
            xy.setDescription(s.label());
            for (int k = 0; k < s.x().length; k++) {
                if (!kind.frequency() || s.x()[k] > 0) {
                    xy.add(s.x()[k], s.y()[k], false);
                }
            }
            data.addSeries(xy);
        }
        paintSeries();
        if (!sameKind || !zoomed) {
            resetZoom();
        }
    }

    /** Back to the whole band (frequency plots) or all the data (time plots). */
    public void resetZoom() {
        zoomed = false;
        restoreAutoBounds();
    }

    @Override
    public void zoom(Rectangle2D selection) {
        super.zoom(selection);
        zoomed = true;
    }

    @Override
    public void restoreAutoDomainBounds() {
        super.restoreAutoDomainBounds();
        if (plot != null && kind.frequency()) {
            plot.getDomainAxis().setRange(PlotKind.LOW_HZ, PlotKind.HIGH_HZ);
        }
    }

    @Override
    public void restoreAutoRangeBounds() {
        super.restoreAutoRangeBounds();
        if (plot == null || kind.unit().isEmpty() || !kind.unit().equals("dB")) {
            return;
        }
        double[] span = levelSpan(shown, LEVEL_SPAN_DB);
        if (span != null) {
            plot.getRangeAxis(0).setRange(span[0], span[1]);
        }
    }

    /**
     * The level axis's range for {@code series}: from 5 dB above the highest level in the audible
     * band down to the lowest, but no more than {@code spanDb} below the top, on 5 dB steps (a
     * crossover's stop band would otherwise squash what matters into a few pixels); null when
     * nothing is drawn there.
     */
    static double[] levelSpan(List<Series> series, double spanDb) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (s.x()[i] >= PlotKind.LOW_HZ && s.x()[i] <= PlotKind.HIGH_HZ && Double.isFinite(y)) {
                    low = Math.min(low, y);
                    high = Math.max(high, y);
                }
            }
        }
        if (low > high) {
            return null;
        }
        double top = Math.ceil((high + 3) / 5) * 5;
        double bottom = Math.floor(Math.max(low - 3, top - spanDb) / 5) * 5;
        return new double[] {bottom, Math.max(top, bottom + 10)};
    }

    /** Tells {@code listener} the horizontal value under the mouse (NaN when it leaves the plot). */
    public void onCursor(DoubleConsumer listener) {
        cursorListener = listener;
    }

    /** Lets {@code hook} take the mouse wheel first; when it returns false the wheel zooms. */
    public void onWheel(Predicate<MouseWheelEvent> hook) {
        wheelHook = hook;
    }

    /** The horizontal value at a point of this panel. */
    public double domainValue(Point2D screen) {
        Rectangle2D area = getScreenDataArea();
        return plot.getDomainAxis().java2DToValue(screen.getX(), area, plot.getDomainAxisEdge());
    }

    /** The vertical value at a point of this panel on range axis {@code axis}. */
    public double rangeValue(Point2D screen, int axis) {
        Rectangle2D area = getScreenDataArea();
        return plot.getRangeAxis(axis).java2DToValue(screen.getY(), area, plot.getRangeAxisEdge(axis));
    }

    /** Where a value pair lands on this panel, on range axis {@code axis}. */
    public Point2D.Double toScreen(double x, double y, int axis) {
        Rectangle2D area = getScreenDataArea();
        return new Point2D.Double(plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge()),
                plot.getRangeAxis(axis).valueToJava2D(y, area, plot.getRangeAxisEdge(axis)));
    }

    @Override
    public void mouseMoved(MouseEvent e) {
        super.mouseMoved(e);
        if (getScreenDataArea().contains(e.getPoint())) {
            double x = domainValue(e.getPoint());
            cursor.setValue(x);
            cursorListener.accept(x);
        } else {
            mouseExited(e);
        }
    }

    @Override
    public void mouseExited(MouseEvent e) {
        super.mouseExited(e);
        cursor.setValue(Double.NaN);
        cursorListener.accept(Double.NaN);
    }

    @Override
    public void mouseClicked(MouseEvent e) {
        super.mouseClicked(e);
        if (e.getClickCount() == 2 && e.getButton() == MouseEvent.BUTTON1) {
            resetZoom();
        }
    }

    private void wheel(MouseWheelEvent e) {
        if (wheelHook.test(e) || plot == null || !getScreenDataArea().contains(e.getPoint())) {
            return;
        }
        zoomed = true;
        double factor = e.getPreciseWheelRotation() > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM;
        Point2D anchor = translateScreenToJava2D(e.getPoint());
        plot.zoomDomainAxes(factor, getChartRenderingInfo().getPlotInfo(), anchor, true);
        plot.zoomRangeAxes(factor, getChartRenderingInfo().getPlotInfo(), anchor, true);
    }

    private void axes(PlotKind k) {
        ValueAxis domain = k.frequency() ? new FrequencyAxis(k.domainLabel()) : new NumberAxis(k.domainLabel());
        plot.setDomainAxis(domain);
        NumberAxis range = new NumberAxis(k.rangeLabel());
        range.setAutoRangeIncludesZero(k == PlotKind.IMPULSE);
        plot.setRangeAxis(0, range);
        getChart().setTitle(k.title());
        restyle();
    }

    private void paintSeries() {
        boolean dark = Theme.current() == Theme.DARK;
        for (int i = 0; i < shown.size(); i++) {
            Series s = shown.get(i);
            renderer.setSeriesPaint(i, Palette.color(s.role(), s.shade(), dark));
            renderer.setSeriesStroke(i, Palette.stroke(s.role()));
        }
        renderer.setLegendItemLabelGenerator((dataset, series) -> ((XYSeriesCollection) dataset).getSeries(series)
                .getDescription());
    }

    /** The colours and fonts of the current look and feel. */
    protected void restyle() {
        if (plot == null || !ChartStyle.apply(getChart())) {
            return;
        }
        Color foreground = UIManager.getColor("Label.foreground");
        Color accent = UIManager.getColor("Component.accentColor");
        cursor.setPaint(accent != null ? accent : foreground);
        cursor.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
        paintSeries();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        restyle();
    }
}
