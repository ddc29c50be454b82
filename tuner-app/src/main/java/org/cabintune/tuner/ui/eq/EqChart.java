package org.cabintune.tuner.ui.eq;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.util.List;
import javax.swing.UIManager;
import org.cabintune.tuner.correct.AutoEq;
import org.cabintune.tuner.ui.Theme;
import org.cabintune.tuner.ui.plot.ChartView;
import org.cabintune.tuner.ui.plot.Palette;
import org.cabintune.tuner.ui.plot.PlotKind;
import org.cabintune.tuner.ui.plot.Role;
import org.cabintune.tuner.ui.plot.Series;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The EQ editor's plot: measured (smoothed as the fit sees it), target (at the measured level)
 * and predicted responses on the left axis; the EQ's own response and one handle per filter on
 * the right axis, where a handle sits at its filter's frequency and gain. Dragging a handle
 * moves its filter; the wheel over a handle, or dragging with Shift, changes its Q; elsewhere
 * the mouse zooms as on every plot.
 */
final class EqChart extends ChartView {

    /** The right axis shows at least +-12 dB, more when the EQ reaches further. */
    static final double MIN_EQ_SPAN_DB = 12;
    private static final double HIT_PIXELS = 10;
    private static final double HANDLE = 16;
    /** Q changes by this factor per wheel notch, or per pixel of a Shift-drag to the power 1/8. */
    static final double Q_STEP = 1.1;

    /** What the handles do to the filters. */
    interface Handles {
        void selected(int index);

        void moved(int index, double freqHz, double gainDb);

        void qScaled(int index, double factor);
    }

    private final XYSeriesCollection eqData = new XYSeriesCollection();
    private final XYLineAndShapeRenderer eqRenderer = new XYLineAndShapeRenderer();
    private final Handles handles;
    private List<EqBand> bands = List.of();
    private int selected = -1;
    private int dragging = -1;
    private Point2D lastDrag;
    private double eqSpan = MIN_EQ_SPAN_DB;

    EqChart(Handles handles) {
        super(PlotKind.RESPONSE);
        this.handles = handles;
        getChart().setTitle("EQ: measured, target and predicted");
        plot().setRangeAxis(1, new NumberAxis("EQ gain (dB)"));
        plot().setDataset(1, eqData);
        plot().mapDatasetToRangeAxis(1, 1);
        plot().setRenderer(1, eqRenderer);
        plot().setNoDataMessage("Choose a measurement or calibration output to edit (open one from the File menu)");
        onWheel(e -> {
            int hit = hit(e.getPoint());
            if (hit < 0) {
                return false;
            }
            handles.qScaled(hit, Math.pow(Q_STEP, -e.getPreciseWheelRotation()));
            return true;
        });
        restyle();
    }

    /** Draws the editor's state. */
    void show(EqEditorModel model) {
        AutoEq.Result r = model.prediction();
        double offset = r.levelOffsetDb();
        double[] target = model.setup().targetDb().clone();
        for (int i = 0; i < target.length; i++) {
            target[i] -= offset;
        }
        double[] hz = r.hz();
        eqSpan = eqSpan(model.bands(), r.eqDb());
        show(PlotKind.RESPONSE, List.of(new Series("measured (1/6 octave)", Role.BEFORE, 0, hz, r.averageDb()),
                new Series("target at the measured level", Role.TARGET, 0, hz, target),
                new Series("predicted", Role.PREDICTED, 0, hz, r.predictedDb())));
        bands = model.bands();
        eqData.removeAllSeries();
        XYSeries eq = new XYSeries("EQ", false, true);
        for (int i = 0; i < hz.length; i++) {
            eq.add(hz[i], r.eqDb()[i], false);
        }
        XYSeries points = new XYSeries("filters", false, true);
        XYSeries chosen = new XYSeries("selected filter", false, true);
        eqRenderer.removeAnnotations();
        for (int i = 0; i < bands.size(); i++) {
            EqBand b = bands.get(i);
            (i == selected ? chosen : points).add(b.freqHz(), b.gainDb(), false);
            XYTextAnnotation label = new XYTextAnnotation(Integer.toString(i + 1), b.freqHz(), b.gainDb());
            label.setTextAnchor(TextAnchor.CENTER);
            label.setFont(UIManager.getFont("Label.font").deriveFont(Font.BOLD, 10f));
            label.setPaint(Color.WHITE);
            eqRenderer.addAnnotation(label);
        }
        eqData.addSeries(eq);
        eqData.addSeries(points);
        eqData.addSeries(chosen);
        plot().clearDomainMarkers();
        IntervalMarker band = new IntervalMarker(model.setup().lowHz(), model.setup().highHz());
        band.setPaint(new Color(127, 127, 127, 22));
        plot().addDomainMarker(band, Layer.BACKGROUND);
        restyle();
    }

    /** The EQ axis's half-span: the largest gain of a filter or of the EQ, with room, on 6 dB steps. */
    static double eqSpan(List<EqBand> bands, double[] eqDb) {
        double most = 0;
        for (EqBand b : bands) {
            most = Math.max(most, Math.abs(b.gainDb()));
        }
        for (double v : eqDb) {
            most = Math.max(most, Math.abs(v));
        }
        return Math.max(MIN_EQ_SPAN_DB, Math.ceil((most + 2) / 6) * 6);
    }

    @Override
    public void restoreAutoRangeBounds() {
        super.restoreAutoRangeBounds();
        if (plot() != null && plot().getRangeAxis(1) != null) {
            plot().getRangeAxis(1).setRange(-eqSpan, eqSpan);
        }
    }

    void select(int index) {
        selected = index;
    }

    @Override
    public void mousePressed(MouseEvent e) {
        int hit = hit(e.getPoint());
        if (hit >= 0 && e.getButton() == MouseEvent.BUTTON1) {
            dragging = hit;
            lastDrag = e.getPoint();
            handles.selected(hit);
            return;
        }
        super.mousePressed(e);
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (dragging < 0) {
            super.mouseDragged(e);
            return;
        }
        if ((e.getModifiersEx() & InputEvent.SHIFT_DOWN_MASK) != 0) {
            double dy = lastDrag.getY() - e.getY();
            handles.qScaled(dragging, Math.pow(Q_STEP, dy / 8));
        } else {
            double f = domainValue(e.getPoint());
            double g = rangeValue(e.getPoint(), 1);
            handles.moved(dragging, roundHz(f), Math.round(g * 10) / 10.0);
        }
        lastDrag = e.getPoint();
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        if (dragging >= 0) {
            dragging = -1;
            return;
        }
        super.mouseReleased(e);
    }

    /** A frequency rounded as a person would type it: 0.1 Hz below 100 Hz, 1 Hz above. */
    static double roundHz(double f) {
        return f < 100 ? Math.round(f * 10) / 10.0 : Math.round(f);
    }

    /** The handle under a point of the panel, or -1. */
    int hit(Point2D p) {
        int best = -1;
        double bestDistance = HIT_PIXELS;
        for (int i = 0; i < bands.size(); i++) {
            Point2D at = toScreen(bands.get(i).freqHz(), bands.get(i).gainDb(), 1);
            double d = at.distance(p);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    @Override
    protected void restyle() {
        super.restyle();
        if (eqRenderer == null) {
            return;
        }
        boolean dark = Theme.current() == Theme.DARK;
        Color accent = UIManager.getColor("Component.accentColor");
        Color eq = accent != null ? accent : Palette.color(Role.MEASUREMENT, 0, dark);
        eqRenderer.setSeriesPaint(0, eq);
        eqRenderer.setSeriesStroke(0, new BasicStroke(1.6f));
        eqRenderer.setSeriesLinesVisible(0, true);
        eqRenderer.setSeriesShapesVisible(0, false);
        for (int s = 1; s <= 2; s++) {
            eqRenderer.setSeriesLinesVisible(s, false);
            eqRenderer.setSeriesShapesVisible(s, true);
            double size = s == 2 ? HANDLE + 4 : HANDLE;
            eqRenderer.setSeriesShape(s, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
            eqRenderer.setSeriesPaint(s, s == 2 ? Palette.color(Role.PREDICTED, 0, dark) : eq);
            eqRenderer.setSeriesOutlinePaint(s, UIManager.getColor("Label.foreground"));
        }
        eqRenderer.setSeriesVisibleInLegend(1, false);
        eqRenderer.setSeriesVisibleInLegend(2, false);
        eqRenderer.setUseOutlinePaint(true);
        eqRenderer.setDrawOutlines(true);
    }
}
